"""The import report warns about dossiers whose lead worker matches no user (they arrive
without a regisseur): the count and some names, on the page and from the command, instead of
"Geen problemen gevonden" alone."""

import pytest
from django.urls import reverse

from cases.factories import UserFactory
from conftest import as_user
from exchange.importer import import_bundle
from exchange.models import BundleImport, BundleImportStatus
from exchange.tests.test_bundle_helpers import run_import
from tests.sample_paths import SAMPLES

SAMPLE = SAMPLES / "plan-bundle"  # its dossiers name lead workers

pytestmark = pytest.mark.django_db


def test_unknown_lead_workers_are_a_warning_with_the_count():
    first = import_bundle(SAMPLE, dry_run=True)
    assert first.ok and len(first.warnings) == 1, first.warnings
    count = int(first.warnings[0].split()[0])
    name = first.warnings[0].split("(")[1].split(",")[0].split(")")[0]
    assert count > 0 and name
    UserFactory(username=name)
    second = import_bundle(SAMPLE, dry_run=True)
    assert int(second.warnings[0].split()[0]) < count and name not in second.warnings[0]


def test_the_page_and_the_command_show_the_warning(client, beheer, tmp_path):
    outcome = run_import(SAMPLE, "--dry-run")
    assert "wel waarschuwingen" in outcome.stdout and "Let op:" in outcome.stdout
    job = BundleImport.objects.create(original_name="bundel.zip", uploaded_by=beheer, status=BundleImportStatus.VALID,
                                      warnings="47 dossiers hebben een regisseur die bij geen gebruiker hoort")
    html = as_user(client, beheer).get(reverse("exchange:import_detail", args=[job.pk])).content.decode()
    assert "47 dossiers hebben een regisseur" in html and "Geen problemen gevonden" not in html
