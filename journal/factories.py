import datetime as dt

import factory
from factory.django import DjangoModelFactory

from cases.factories import DossierFactory, UserFactory
from journal.models import EntryKind, JournalEntry


class JournalEntryFactory(DjangoModelFactory):
    class Meta:
        model = JournalEntry

    dossier = factory.SubFactory(DossierFactory)
    written_on = factory.LazyAttribute(lambda o: max(o.dossier.registered_on, dt.date.today() - dt.timedelta(days=1)))
    kind = EntryKind.PHONE
    minutes = 20
    author = factory.SubFactory(UserFactory)
    text = factory.Faker("paragraph", locale="nl_NL")
    confidential = False
