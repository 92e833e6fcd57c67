"""Importing a bundle in the browser (functional administrators only): upload a .zip, read
the validation report, confirm, see the result. With the embedded default Celery runs
the validation and the import eagerly, inside the request."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from exchange import jobs
from exchange.models import BundleImport, BundleImportStatus
from exchange.tests.test_bundle_helpers import SAMPLE, copy_sample, counts, set_cells, snapshot

pytestmark = pytest.mark.django_db

CONFIRM_BUTTON = "Bevestigen en importeren"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """The views queue tasks on commit; run them (tests run inside a transaction)."""

    def post(client, url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def zipped(folder, name="bundel.zip") -> SimpleUploadedFile:
    """The folder as an uploaded .zip, built in memory (never written next to the sample)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, f"bundel/{file.name}")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")


def invalid_bundle(tmp_path):
    bundle = copy_sample(tmp_path)
    set_cells(bundle, "clients.csv", 2, gender="man")
    set_cells(bundle, "dossiers.csv", 3, closure_reason="")
    return bundle


# ---- who may ------------------------------------------------------------------------------------


@pytest.fixture
def job(beheer, tmp_path):
    return BundleImport.objects.create(
        file=zipped(copy_sample(tmp_path)), original_name="bundel.zip", uploaded_by=beheer,
        status=BundleImportStatus.VALID, rows_read={"dossiers.csv": 400},
    )


@pytest.mark.parametrize("persona", ["generalist_a", "coach_a", "beleid"])
def test_only_functional_administrators(client, request, persona, job):
    as_user(client, request.getfixturevalue(persona))
    assert client.get(reverse("exchange:import_upload")).status_code == 403
    assert client.post(reverse("exchange:import_upload"), {"file": zipped(SAMPLE.parent / SAMPLE.name)}).status_code \
        == 403
    assert client.get(reverse("exchange:import_detail", args=[job.pk])).status_code == 403
    assert client.post(reverse("exchange:import_confirm", args=[job.pk])).status_code == 403
    assert client.get(reverse("exchange:import_problems", args=[job.pk])).status_code == 403
    assert BundleImport.objects.count() == 1
    assert BundleImport.objects.get().status == BundleImportStatus.VALID


def test_anonymous_users_are_sent_to_the_login(client, job):
    for url in (reverse("exchange:import_upload"), reverse("exchange:import_detail", args=[job.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    response = client.post(reverse("exchange:import_confirm", args=[job.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert BundleImport.objects.get().status == BundleImportStatus.VALID


def test_menu_item_for_functional_administrators(client, beheer, generalist_a):
    url = reverse("exchange:import_upload")
    assert f'href="{url}"' in as_user(client, beheer).get(reverse("cases:access_log")).content.decode()
    client.logout()
    assert f'href="{url}"' not in as_user(client, generalist_a).get(reverse("cases:home"), follow=True).content.decode()


# ---- the flow ---------------------------------------------------------------------------------------


def test_an_invalid_bundle_shows_its_problems_and_cannot_be_confirmed(client, beheer, tmp_path, run_tasks):
    before = snapshot()
    as_user(client, beheer)
    response = run_tasks(client, reverse("exchange:import_upload"), {"file": zipped(invalid_bundle(tmp_path))})
    job = BundleImport.objects.get()
    assert response.status_code == 302 and response.url == reverse("exchange:import_detail", args=[job.pk])
    assert job.status == BundleImportStatus.INVALID
    assert not job.file, "an invalid upload (it may hold BSNs) is deleted; the report stays"
    assert not list((settings.MEDIA_ROOT / "imports").glob("*"))
    assert job.problem_count == 2
    assert job.problem_lines() == job.problems.splitlines()
    assert job.problem_lines()[0].startswith("clients.csv:2: gender: ")
    assert job.problem_lines()[1].startswith("dossiers.csv:3: closure_reason: ")

    page = client.get(job.get_absolute_url()).content.decode()
    assert "clients.csv:2: gender: " in page and "dossiers.csv:3: closure_reason: " in page
    assert CONFIRM_BUTTON not in page
    assert reverse("exchange:import_confirm", args=[job.pk]) not in page
    assert 'http-equiv="refresh"' not in page
    assert "Traceback" not in page

    response = run_tasks(client, reverse("exchange:import_confirm", args=[job.pk]), {})
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == BundleImportStatus.INVALID and job.confirmed_by is None
    assert snapshot() == before

    download = client.get(reverse("exchange:import_problems", args=[job.pk]))
    assert download.content.decode().splitlines() == job.problem_lines()


def test_a_valid_bundle_is_validated_confirmed_and_stored(client, beheer, run_tasks):
    before = counts()
    as_user(client, beheer)
    response = run_tasks(client, reverse("exchange:import_upload"), {"file": zipped(SAMPLE)})
    job = BundleImport.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.status == BundleImportStatus.VALID
    assert job.rows_read["dossiers.csv"] == 400 and job.rows_read["zrm.csv"] == 890
    assert job.original_name == "bundel.zip" and job.file.name.startswith("imports/")
    upload = Path(job.file.path)
    assert upload.exists(), "kept while it awaits confirmation"
    assert counts() == before  # validating stores nothing

    page = client.get(job.get_absolute_url()).content.decode()
    assert CONFIRM_BUTTON in page
    assert reverse("exchange:import_confirm", args=[job.pk]) in page
    assert "zrm.csv" in page and "890" in page

    response = run_tasks(client, reverse("exchange:import_confirm", args=[job.pk]), {})
    assert response.url == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == BundleImportStatus.DONE, job.problems
    assert (job.confirmed_by, job.problems, job.progress) == (beheer, "", "")
    assert job.finished_at is not None
    assert not job.file and not upload.exists(), "deleted once imported"
    assert job.changed["dossiers.csv"] == 400 and job.changed["zrm.csv"] == 890
    after = counts()
    assert after["dossiers.csv"] - before["dossiers.csv"] == 400
    assert after["referrals.csv"] - before["referrals.csv"] == 102

    page = client.get(job.get_absolute_url()).content.decode()
    assert CONFIRM_BUTTON not in page
    assert "dossier_clients.csv" in page and "641" in page

    # a second confirmation does nothing
    run_tasks(client, reverse("exchange:import_confirm", args=[job.pk]), {})
    assert counts() == after
    job.refresh_from_db()
    assert job.status == BundleImportStatus.DONE

    details = list(AccessLogEntry.objects.filter(user=beheer).order_by("id").values_list("action", "detail"))
    actions = [action for action, _detail in details]
    assert actions.count("create") == 3  # uploaded, confirmed, stored
    assert all(str(job.pk) in detail for _action, detail in details)
    assert "view" in actions


def test_a_file_larger_than_the_limit_is_refused_next_to_the_field(client, beheer, settings, run_tasks):
    settings.BUNDLE_UPLOAD_MAX_BYTES = 1024
    upload = zipped(SAMPLE)
    assert upload.size > 1024
    response = run_tasks(as_user(client, beheer), reverse("exchange:import_upload"), {"file": upload})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["file"][0].startswith("Dit bestand is") or "1,0" in form.errors["file"][0]
    page = response.content.decode()
    assert 'id="id_file_errors"' in page
    assert 'aria-invalid="true"' in page
    assert not BundleImport.objects.exists()


@pytest.mark.parametrize(("name", "data"), [("bundel.zip", b"not a zip at all"), ("bundel.csv", b"a,b\n")])
def test_only_zip_files(client, beheer, run_tasks, name, data):
    upload = SimpleUploadedFile(name, data)
    response = run_tasks(as_user(client, beheer), reverse("exchange:import_upload"), {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert 'id="id_file_errors"' in response.content.decode()
    assert not BundleImport.objects.exists()


def test_progress_page_refreshes_while_running(client, beheer, job):
    BundleImport.objects.filter(pk=job.pk).update(status=BundleImportStatus.IMPORTING,
                                                  progress="zrm.csv: 50.000 / 172.336 (29%)")
    page = as_user(client, beheer).get(job.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "zrm.csv: 50.000 / 172.336 (29%)" in page
    assert CONFIRM_BUTTON not in page
    assert not AccessLogEntry.objects.filter(action="view").exists()  # the reloads are not logged
    BundleImport.objects.filter(pk=job.pk).update(status=BundleImportStatus.DONE, progress="")
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert AccessLogEntry.objects.filter(action="view").count() == 1


def test_long_reports_are_cut_on_the_page(client, beheer, job):
    lines = [f"zrm.csv:{n}: financien: score 9 must be 1 to 5" for n in range(2, 252)]
    BundleImport.objects.filter(pk=job.pk).update(status=BundleImportStatus.INVALID, problems="\n".join(lines),
                                                  problem_count=250)
    page = as_user(client, beheer).get(job.get_absolute_url()).content.decode()
    assert page.count("<li><code>") == 200
    assert lines[199] in page and lines[200] not in page
    assert "50" in page


def test_an_unexpected_error_shows_no_traceback(client, beheer, run_tasks, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(jobs, "import_bundle", explode)
    response = run_tasks(as_user(client, beheer), reverse("exchange:import_upload"), {"file": zipped(SAMPLE)})
    job = BundleImport.objects.get()
    assert job.status == BundleImportStatus.INVALID
    page = client.get(response.url).content.decode()
    assert "disk on fire" not in page and "Traceback" not in page and "RuntimeError" not in page
    assert job.problem_count == 1
    assert CONFIRM_BUTTON not in page
