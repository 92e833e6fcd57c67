import datetime as dt
import random
from typing import Any

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from cases.models import Client, Dossier, DossierMember, MemberRole, Membership, Referrer, Role, Team

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def random_bsn(rng: Any = random) -> str:
    # ``rng``: the random module itself (the default) or a seeded ``random.Random``.
    """A random 9-digit number that passes the elfproef."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"team-{n}")
    name = factory.LazyAttribute(lambda o: f"Buurtteam {o.code.replace('-', ' ').title()}")
    population = 20_000
    fte = 12


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password("correct horse battery staple")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Role.GENERALIST


def user_with_role(role: str, team: Team | None = None, **kwargs):
    user = UserFactory.create(**kwargs)
    Membership.objects.create(user=user, team=team, role=role)
    return user


class ReferrerFactory(DjangoModelFactory):
    class Meta:
        model = Referrer
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"melder-{n}")
    name = factory.LazyAttribute(lambda o: o.code.title())
    self_referral = False


class ClientFactory(DjangoModelFactory):
    class Meta:
        model = Client

    given_name = factory.Faker("first_name", locale="nl_NL")
    family_name = factory.Faker("last_name", locale="nl_NL")
    bsn = factory.LazyFunction(random_bsn)
    birth_date = factory.Faker("date_of_birth", minimum_age=18, maximum_age=90)
    gender = "v"

    @factory.lazy_attribute
    def postcode(self):
        return f"{random.randint(1000, 9999)}{random.choice('ABCDEFGHJK')}{random.choice('ABCDEFGHJK')}"


class DossierFactory(DjangoModelFactory):
    class Meta:
        model = Dossier

    team = factory.SubFactory(TeamFactory)
    registered_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=30))


class DossierMemberFactory(DjangoModelFactory):
    class Meta:
        model = DossierMember

    dossier = factory.SubFactory(DossierFactory)
    client = factory.SubFactory(ClientFactory)
    role = MemberRole.APPLICANT


def household(team: Team, members: int = 1, **dossier_fields) -> Dossier:
    """A dossier with an applicant and optionally more members."""
    dossier: Dossier = DossierFactory.create(team=team, **dossier_fields)
    DossierMemberFactory(dossier=dossier, role=MemberRole.APPLICANT)
    for _ in range(members - 1):
        DossierMemberFactory(dossier=dossier, role=MemberRole.PARTNER)
    return dossier


def destruction_list(dossier, **fields):
    """A proposed destruction list holding ``dossier`` (proposed by a second administrator)."""
    from cases.models import DestructionItem, DestructionList

    proposer = user_with_role(Role.BEHEER, None, username=f"voorsteller-{dossier.pk}")
    destruction = DestructionList.objects.create(cutoff=dossier.closed_on or dossier.registered_on,
                                                 proposed_by=proposer, dossier_count=1, **fields)
    DestructionItem.objects.create(destruction=destruction, dossier=dossier)
    return destruction


def pending_membership(dossier, **fields):
    """A generalist role in ``dossier``'s team, granted by an administrator and awaiting a
    second person's confirmation (four eyes, ``cases.memberships``)."""
    from cases.models import Membership

    granter = user_with_role(Role.BEHEER, None, username=f"verlener-{dossier.pk}")
    newcomer = UserFactory.create(username=f"nieuw-{dossier.pk}")
    return Membership.objects.create(user=newcomer, team=dossier.team, role=Role.GENERALIST, granted_by=granter,
                                     confirmed_at=None, **fields)


def settled_beheer(username: str, days: int = 30):
    """A functional administrator whose account and role are ``days`` old: one who may approve
    a destruction list proposed by another (``cases.retention.independent_approver``)."""
    from django.utils import timezone

    from cases.models import Membership

    since = timezone.now() - dt.timedelta(days=days)
    user = user_with_role(Role.BEHEER, None, username=username)
    type(user).objects.filter(pk=user.pk).update(date_joined=since)
    Membership.objects.filter(user=user).update(granted_at=since, confirmed_at=since)
    user.refresh_from_db()
    return user
