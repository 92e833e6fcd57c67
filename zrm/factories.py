import datetime as dt

import factory
from factory.django import DjangoModelFactory

from cases.factories import DossierFactory
from zrm.models import Instrument, Measurement, MeasurementType, canonical_scores


def instrument(code: str = "zrm-2017") -> Instrument:
    """One of the shipped instruments (loaded by the migrations)."""
    return Instrument.objects.get(code=code)


class MeasurementFactory(DjangoModelFactory):
    class Meta:
        model = Measurement

    dossier = factory.SubFactory(DossierFactory)
    client = factory.LazyAttribute(lambda o: o.dossier.members.first().client if o.dossier.members.exists() else None)
    instrument = factory.LazyFunction(instrument)
    type = MeasurementType.BASELINE
    measured_on = factory.LazyAttribute(lambda o: o.dossier.registered_on + dt.timedelta(days=7))


def measure(dossier, client, type, on, scores: dict, code: str = "zrm-2017") -> Measurement:
    """A measurement written straight to the database (no rules): {domain_code: 1..5}."""
    tool = instrument(code)
    unknown = set(scores) - set(tool.domains.values_list("code", flat=True))
    assert not unknown, f"not domains of {code}: {unknown}"
    return MeasurementFactory(dossier=dossier, client=client, instrument=tool, type=type, measured_on=on,
                              scores=canonical_scores(scores))
