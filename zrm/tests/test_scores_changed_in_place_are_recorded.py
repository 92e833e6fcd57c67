"""Change history (docs/adr/0101) keeps an object's values as loaded without converting them
until it is saved (issue 32, docs/adr/0210): scores changed in place on a loaded measurement
(a JSON field, one dict) are still recorded with their old and their new value."""

import pytest

from cases.history import ChangeRecord
from zrm.factories import measure
from zrm.models import Measurement
from zrm.tests.conftest import DAY, TODAY

pytestmark = pytest.mark.django_db


def test_scores_changed_in_place_keep_their_old_value(dossier, applicant):
    created = measure(dossier, applicant, "nulmeting", TODAY - 20 * DAY, {"financien": 2})
    loaded = Measurement.objects.get(pk=created.pk)
    before = dict(loaded.scores)
    loaded.scores["financien"] = 4  # the same dict object, changed where it is
    loaded.save()
    record = ChangeRecord.objects.filter(model="zrm.measurement", object_id=loaded.pk).order_by("-id").first()
    assert record.action == "changed"
    assert record.changes == {"scores": [before, dict(loaded.scores)]}
    assert before != dict(loaded.scores)


def test_a_loaded_measurement_saved_unchanged_writes_no_record(dossier, applicant):
    created = measure(dossier, applicant, "nulmeting", TODAY - 20 * DAY, {"financien": 2})
    count = ChangeRecord.objects.filter(model="zrm.measurement", object_id=created.pk).count()
    Measurement.objects.get(pk=created.pk).save()
    assert ChangeRecord.objects.filter(model="zrm.measurement", object_id=created.pk).count() == count
