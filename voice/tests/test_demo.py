"""The demo data carry the client's own voice: questionnaires, regie after closure, who scored
the ZRM, zelfscans and the participatieladder, and they import."""

import pytest

from cases.models import Dossier
from exchange.demo import DemoBundle
from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import today
from voice.models import Questionnaire
from zrm.models import Measurement


@pytest.mark.django_db
def test_the_demo_has_the_new_data(tmp_path):
    DemoBundle(300, today=today(), seed=3).generate().write(tmp_path)
    result = import_bundle(tmp_path)
    assert result.ok, [str(p) for p in result.problems[:10]]
    assert Questionnaire.objects.exists()
    assert Dossier.objects.exclude(regie_after="").exists()
    assert Measurement.objects.filter(scored_with="samen").exists()
    assert Measurement.objects.filter(type="zelfscan").exists()
    assert Measurement.objects.filter(instrument__code="participatieladder").exists()
