import datetime as dt

import factory
from factory.django import DjangoModelFactory

from cases.factories import DossierFactory
from work.models import Task


class TaskFactory(DjangoModelFactory):
    class Meta:
        model = Task

    dossier = factory.SubFactory(DossierFactory)
    title = factory.Faker("sentence", nb_words=4, locale="nl_NL")
    due_on = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=3))
