import datetime as dt

import factory
from factory.django import DjangoModelFactory

from cases.factories import DossierFactory
from plans.models import (
    Action,
    Consent,
    ConsentForm,
    ContactKind,
    Direction,
    Goal,
    GoalStatus,
    Kanteling,
    NetworkContact,
    Plan,
)


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("dossier",)

    dossier = factory.SubFactory(DossierFactory)


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = Goal

    dossier = factory.SubFactory(DossierFactory)
    domain = "financien"
    direction = Direction.IMPROVE
    description = factory.Faker("sentence", nb_words=6, locale="nl_NL")
    set_on = factory.LazyAttribute(lambda o: o.dossier.registered_on)
    status = GoalStatus.ONGOING


class NetworkContactFactory(DjangoModelFactory):
    class Meta:
        model = NetworkContact

    dossier = factory.SubFactory(DossierFactory)
    kind = ContactKind.FAMILY
    name = factory.Faker("name", locale="nl_NL")
    relation = "zus"
    phone = factory.Faker("phone_number", locale="nl_NL")
    supportive = "ja"


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action

    dossier = factory.SubFactory(DossierFactory)
    domain = "financien"
    kanteling = Kanteling.GENERAL
    existing = False
    description = factory.Faker("sentence", nb_words=4, locale="nl_NL")
    by = "buurtteam"
    starts_on = factory.LazyAttribute(lambda o: o.dossier.registered_on + dt.timedelta(days=7))


class ConsentFactory(DjangoModelFactory):
    class Meta:
        model = Consent

    dossier = factory.SubFactory(DossierFactory)
    client = factory.LazyAttribute(lambda o: o.dossier.members.order_by("id").first().client)
    recipient = "huisarts Jansen"
    purpose = "Overleg over de gezondheid"
    form = ConsentForm.WRITTEN
    given_on = factory.LazyAttribute(lambda o: o.dossier.registered_on)
