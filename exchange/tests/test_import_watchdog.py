"""Issue 26, item 8: an import whose worker died does not stay "bezig" forever, and an
upload with BSNs is not kept when its job fails or is never confirmed within a day. The same
watchdog idea for a recomputation left "pending"."""

import datetime as dt
import os

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from exchange import jobs
from exchange.models import BundleImport, BundleImportStatus
from reporting.models import PeriodComputation
from reporting.watchdog import withdraw_stale_requests

pytestmark = pytest.mark.django_db
NOW = timezone.now()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _job(beheer, status, *, seen_hours_ago: float) -> BundleImport:
    job = BundleImport(original_name="bundel.zip", uploaded_by=beheer, status=status)
    job.file.save("bundel.zip", ContentFile(b"PK bsn 123456782"), save=False)
    job.save()
    seen = NOW - dt.timedelta(hours=seen_hours_ago)
    BundleImport.objects.filter(pk=job.pk).update(uploaded_at=seen, heartbeat_at=seen,
                                                  confirmed_at=seen if status == "importing" else None)
    return BundleImport.objects.get(pk=job.pk)


def test_a_dead_import_returns_to_valid_with_a_message(beheer):
    job = _job(beheer, BundleImportStatus.IMPORTING, seen_hours_ago=2)
    assert jobs.watchdog(NOW)["returned"] == 1
    job.refresh_from_db()
    assert job.status == BundleImportStatus.VALID and job.can_confirm and job.confirmed_at is None
    assert "niets opgeslagen" in job.progress or "nothing was stored" in job.progress
    assert job.file and os.path.exists(job.file.path)  # kept: it awaits a new confirmation


def test_a_living_import_is_left_alone(beheer):
    job = _job(beheer, BundleImportStatus.IMPORTING, seen_hours_ago=0.1)
    assert jobs.watchdog(NOW) == {"returned": 0, "stopped": 0, "expired": 0}
    job.refresh_from_db()
    assert job.status == BundleImportStatus.IMPORTING


def test_a_dead_validation_ends_and_its_upload_is_deleted(beheer):
    job = _job(beheer, BundleImportStatus.VALIDATING, seen_hours_ago=2)
    path = job.file.path
    assert jobs.watchdog(NOW)["stopped"] == 1
    job.refresh_from_db()
    assert job.status == BundleImportStatus.INVALID and job.problems and not job.file
    assert not os.path.exists(path)


def test_an_upload_not_confirmed_within_a_day_is_deleted(beheer):
    waiting = _job(beheer, BundleImportStatus.VALID, seen_hours_ago=25)
    recent = _job(beheer, BundleImportStatus.VALID, seen_hours_ago=3)
    path = waiting.file.path
    assert jobs.watchdog(NOW)["expired"] == 1
    waiting.refresh_from_db()
    recent.refresh_from_db()
    assert waiting.status == BundleImportStatus.FAILED and not waiting.file and not os.path.exists(path)
    assert recent.status == BundleImportStatus.VALID and recent.file


def test_a_recomputation_left_pending_is_taken_back():
    old = PeriodComputation.objects.create(period="2019-Q2", computed_at=NOW - dt.timedelta(days=1),
                                           requested_at=NOW - dt.timedelta(hours=3), duration_ms=1, row_count=1)
    fresh = PeriodComputation.objects.create(period="2019-Q3", computed_at=None,
                                             requested_at=NOW - dt.timedelta(minutes=5), duration_ms=0, row_count=0)
    assert old.pending and fresh.pending
    assert withdraw_stale_requests(NOW) == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert not old.pending and fresh.pending
