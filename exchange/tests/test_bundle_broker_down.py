"""Uploading and confirming a bundle with the broker unreachable: a clear message and
nothing left half-claimed (the status is what it was, or a plain problem on the row)."""

import pytest
from django.urls import reverse
from kombu.exceptions import OperationalError

from conftest import as_user
from exchange import services
from exchange.models import BundleImport, BundleImportStatus
from exchange.tests.test_bundle_helpers import copy_sample
from exchange.tests.test_bundle_upload import zipped

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def broker_down(monkeypatch):
    def unreachable(pk):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(services.validate_bundle_import, "delay", unreachable)
    monkeypatch.setattr(services.run_bundle_import, "delay", unreachable)


def test_an_upload_whose_validation_cannot_start_says_so_on_its_page(
    client, beheer, broker_down, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued on commit
        upload = zipped(copy_sample(tmp_path))
        response = as_user(client, beheer).post(reverse("exchange:import_upload"), {"file": upload})
    job = BundleImport.objects.get()
    assert response.status_code == 302 and job.status == BundleImportStatus.FAILED
    page = client.get(reverse("exchange:import_detail", args=[job.pk])).content.decode()
    assert "kon niet worden gestart" in page


def test_a_confirmation_that_cannot_start_is_undone_with_a_message(
    client, beheer, broker_down, django_capture_on_commit_callbacks
):
    job = BundleImport.objects.create(file="imports/x.zip", original_name="bundel.zip", uploaded_by=beheer,
                                      status=BundleImportStatus.VALID, rows_read={"dossiers.csv": 400})
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(client, beheer).post(reverse("exchange:import_confirm", args=[job.pk]))
    job.refresh_from_db()
    assert (job.status, job.confirmed_by, job.confirmed_at) == (BundleImportStatus.VALID, None, None)
    assert response.status_code == 302, job.progress
    assert job.progress, job.progress
    page = client.get(reverse("exchange:import_detail", args=[job.pk])).content.decode()
    assert "De import kon niet worden gestart; er is niets opgeslagen. Probeer het later opnieuw." in page
    assert 'value="Bevestigen en importeren"' in page or "Bevestigen en importeren" in page  # can try again
