"""The Celery tasks of a browser import: status moves, progress at most once a second,
tasks delivered twice run once, an unexpected error ends in a plain message."""

import zipfile

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from cases.models import AccessLogEntry, Dossier
from exchange import jobs
from exchange.models import BundleImport, BundleImportStatus
from exchange.tasks import run_bundle_import, validate_bundle_import
from exchange.tests.test_bundle_helpers import SAMPLE, counts

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def uploaded(beheer, tmp_path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for file in SAMPLE.iterdir():
            archive.write(file, file.name)
    job = BundleImport(original_name="bundle.zip", uploaded_by=beheer)
    job.file.save("bundle.zip", ContentFile(path.read_bytes()), save=False)
    job.save()
    return job


def test_progress_text():
    with translation.override("nl"):
        assert jobs.format_progress("zrm.csv", 50_000, 172_336) == "zrm.csv: 50.000 / 172.336 (29%)"
        assert jobs.format_progress("teams.csv", 0, 0) == "teams.csv: 0 / 0 (100%)"


def test_progress_is_written_at_most_once_a_second(uploaded):
    now = [100.0]
    writer = jobs.ProgressWriter(uploaded.pk, clock=lambda: now[0])
    written = []
    for at, done in ((100.0, 1), (100.4, 2), (100.99, 3), (101.0, 4), (101.5, 5), (102.2, 6)):
        now[0] = at
        writer("zrm.csv", done, 10)
        written.append(BundleImport.objects.get(pk=uploaded.pk).progress)
    assert [text.split(":")[1].split("/")[0].strip() for text in written] == ["1", "1", "1", "4", "4", "6"]


def test_validation_then_import(uploaded, beheer):
    before = counts()
    assert validate_bundle_import.delay(uploaded.pk).get() == BundleImportStatus.VALID
    assert validate_bundle_import.delay(uploaded.pk).get() is None  # delivered twice: runs once
    assert counts() == before
    assert run_bundle_import.delay(uploaded.pk).get() is None  # not confirmed: not imported
    assert counts() == before

    BundleImport.objects.filter(pk=uploaded.pk).update(status=BundleImportStatus.IMPORTING, confirmed_by=beheer)
    assert run_bundle_import.delay(uploaded.pk).get() == BundleImportStatus.DONE
    assert run_bundle_import.delay(uploaded.pk).get() is None
    job = BundleImport.objects.get(pk=uploaded.pk)
    assert job.changed["dossiers.csv"] == 400 and job.rows_read["zrm.csv"] == 890
    assert Dossier.objects.filter(ref="S0000").exists()
    entry = AccessLogEntry.objects.get(action="create")
    assert entry.user == beheer and str(uploaded.pk) in entry.detail


def test_the_import_validates_again(uploaded, beheer):
    """The import checks everything once more: here the file is gone after the validation."""
    assert jobs.validate(uploaded.pk) == BundleImportStatus.VALID
    BundleImport.objects.filter(pk=uploaded.pk).update(status=BundleImportStatus.IMPORTING, confirmed_by=beheer)
    uploaded.file.storage.delete(uploaded.file.name)
    assert jobs.run(uploaded.pk) == BundleImportStatus.FAILED
    job = BundleImport.objects.get(pk=uploaded.pk)
    assert job.problem_count == 1 and ".zip:0: -: " in job.problems
    assert not AccessLogEntry.objects.filter(action="create").exists()


def test_an_unexpected_error_fails_with_a_plain_message(uploaded, beheer, monkeypatch, caplog):
    def explode(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(jobs, "import_bundle", explode)
    BundleImport.objects.filter(pk=uploaded.pk).update(status=BundleImportStatus.IMPORTING, confirmed_by=beheer)
    assert run_bundle_import.delay(uploaded.pk).get() == BundleImportStatus.FAILED  # the task itself does not fail
    job = BundleImport.objects.get(pk=uploaded.pk)
    assert job.problem_count == 1 and job.problems.startswith("-:0: -: ")
    assert "boom" not in job.problems and "ZeroDivisionError" not in job.problems
    assert "boom" in caplog.text  # logged for the maintainers
