"""Factories of the front door's tests and demo data (Faker nl_NL)."""

import datetime as dt
from typing import Any, cast

import factory
from factory.django import DjangoModelFactory

from cases.factories import TeamFactory
from frontdoor.models import Attempt, ContactOutcome, EarlySignal, ShortContact, TeamArea


class TeamAreaFactory(DjangoModelFactory[TeamArea]):
    class Meta:
        model = TeamArea
        django_get_or_create = ("pc4",)

    team = factory.SubFactory(TeamFactory)
    pc4 = factory.Sequence(lambda n: f"{3500 + n % 500}")


class ShortContactFactory(DjangoModelFactory[ShortContact]):
    class Meta:
        model = ShortContact

    team = factory.SubFactory(TeamFactory)
    contacted_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=1))
    recorded_on = factory.LazyAttribute(lambda o: o.contacted_on)
    channel = "telefoon"
    topic = "financien"
    minutes = 10
    anonymous = True
    outcome = ContactOutcome.ANSWERED


class EarlySignalFactory(DjangoModelFactory[EarlySignal]):
    class Meta:
        model = EarlySignal

    ref = factory.Sequence(lambda n: f"S{n:06d}")
    received_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=3))
    creditor_kind = "woningcorporatie"
    creditor = factory.Faker("company", locale="nl_NL")
    arrears_cents = 45_000
    arrears_months = 2
    postcode = "3511AB"
    house_number = factory.Sequence(lambda n: n + 1)
    name = factory.Faker("name", locale="nl_NL")


class AttemptFactory(DjangoModelFactory[Attempt]):
    class Meta:
        model = Attempt

    signal = factory.SubFactory(EarlySignalFactory)
    attempted_on = factory.LazyAttribute(lambda o: o.signal.received_on)
    kind = "huisbezoek"
    result = "briefje"


def serve(team: Any, *pc4s: str) -> None:
    for pc4 in pc4s:
        TeamArea.objects.update_or_create(pc4=pc4, defaults={"team": team})


def short_contact(dossier: Any) -> ShortContact:
    """A named short contact of the dossier's team about its first member (persona matrix)."""
    member = dossier.members.order_by("id").first()
    return cast(ShortContact, ShortContactFactory(
        team=dossier.team, anonymous=False, client=member.client if member else None, summary="Vraag over de huur",
        outcome=ContactOutcome.REFERRED, referred_to="Sociaal raadslieden"))


def signal(dossier: Any) -> EarlySignal:
    """A signal routed to the dossier's team and linked to the dossier (persona matrix)."""
    return cast(EarlySignal, EarlySignalFactory(team=dossier.team, dossier=dossier))
