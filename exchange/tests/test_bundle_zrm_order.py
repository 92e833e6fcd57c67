"""zrm.csv follows the ZRM order rules of zrm.services (ADR 0010) within the bundle, and a
measurement withdrawn as entered in error does not come back through an import."""

import pytest

from exchange.tests.test_bundle_helpers import (
    assert_refused,
    copy_sample,
    dossier,
    read_rows,
    run_import,
    set_cells,
)
from zrm.models import Measurement, WithdrawnMeasurement

pytestmark = pytest.mark.django_db


def _unit_with(rows, first_type, second_type):
    """Lines of two measurements of one member and instrument with the given types."""
    by_unit: dict = {}
    for line, row in enumerate(rows, start=2):
        by_unit.setdefault((row["dossier_ref"], row["client_ref"], row["instrument"]), []).append((line, row))
    for measurements in by_unit.values():
        types = {row["type"]: (line, row) for line, row in measurements}
        if first_type in types and second_type in types:
            return types[first_type], types[second_type]
    raise AssertionError("no such member in the sample")


def test_a_second_nulmeting_of_a_member_is_refused(tmp_path):
    bundle = copy_sample(tmp_path)
    (_line, baseline), (line, _later) = _unit_with(read_rows(bundle, "zrm.csv")[1], "nulmeting", "eindmeting")
    set_cells(bundle, "zrm.csv", line, type="nulmeting", measured_on=baseline["measured_on"])
    assert_refused(bundle, ("zrm.csv", line, "type"), exact=False)


def test_a_measurement_before_the_nulmeting_is_refused(tmp_path):
    bundle = copy_sample(tmp_path)
    (_line, baseline), (line, _later) = _unit_with(read_rows(bundle, "zrm.csv")[1], "nulmeting", "eindmeting")
    registered_on = dossier(bundle, baseline["dossier_ref"])["registered_on"]
    assert registered_on < baseline["measured_on"]  # room between registration and nulmeting
    set_cells(bundle, "zrm.csv", line, type="tussenmeting", measured_on=registered_on)
    outcome = assert_refused(bundle, ("zrm.csv", line, "measured_on"), exact=False)
    assert "nulmeting" in outcome.stderr


def test_a_withdrawn_measurement_is_not_imported_again(tmp_path, beheer):
    bundle = copy_sample(tmp_path)
    assert run_import(bundle).ok
    measurement = Measurement.objects.order_by("pk").first()
    WithdrawnMeasurement.objects.create(
        ref=measurement.ref, dossier=measurement.dossier, client=measurement.client,
        instrument=measurement.instrument, type=measurement.type, measured_on=measurement.measured_on,
        scores=measurement.scores, created_at=measurement.created_at, withdrawn_by=beheer, reason="verkeerde client",
    )
    measurement.delete()
    _header, rows = read_rows(bundle, "zrm.csv")
    line = next(i for i, row in enumerate(rows, start=2) if row["measurement_ref"] == measurement.ref)
    assert_refused(bundle, ("zrm.csv", line, "measurement_ref"))
