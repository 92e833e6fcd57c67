"""Destruction after the retention term (issue 17, docs/adr/0110/0111): nothing personal of
the destroyed dossiers remains in ANY table of ANY app (every text, char and JSON column is
searched, the access log's free text included), their document files are gone, a member
who is in another dossier stays with that dossier's data, and the figures are unchanged."""

import os

import pytest
from django.apps import apps
from django.db import models

from cases import retention
from cases.factories import settled_beheer
from cases.models import AccessLogEntry, Client, DestructionList, DestructionStatus, Dossier
from journal.models import Document
from reporting.compute import compute_periods
from reporting.models import IndicatorRow
from reporting.periods import Period
from tests.retention_world import CLOSED, LONG_AGO, RetentionWorld

TEXT = (models.CharField, models.TextField, models.JSONField, models.FileField)


def every_text_value():
    """(model label, column, text) of every text-like column of every row of every model."""
    for model in apps.get_models(include_auto_created=True):
        columns = [f for f in model._meta.concrete_fields if isinstance(f, TEXT)]
        if not columns:
            continue
        for row in model._base_manager.values_list(*[f.attname for f in columns]).iterator():
            for column, value in zip(columns, row, strict=True):
                if value not in (None, ""):
                    yield model._meta.label, column.name, str(value)


def found(markers) -> list[str]:
    return [f"{label}.{column}: {marker}" for label, column, text in every_text_value()
            for marker in markers if marker and marker in text]


def figures():
    return sorted(IndicatorRow.objects.values_list("period", "team_id", "indicator", "dimension", "value", "count"),
                  key=str)


@pytest.fixture
def world(team_a, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RETENTION_YEARS = 15
    return RetentionWorld(team_a, tmp_path=tmp_path)


@pytest.mark.django_db
def test_nothing_personal_remains_and_figures_stay(world, beheer, django_capture_on_commit_callbacks):
    second = settled_beheer("beheer-2")
    periods = [Period.quarter_of(LONG_AGO).code, Period.quarter_of(CLOSED).code, str(LONG_AGO.year)]
    compute_periods(periods)
    before = figures()
    assert before, "the past periods have figures"
    markers = world.markers()
    tables = {hit.split(".")[0] + "." + hit.split(".")[1] for hit in found(markers)}
    assert len(tables) >= 15, f"the markers are in many tables before destruction: {sorted(tables)}"
    files = [document.file.path for document in Document.objects.filter(dossier=world.old)]
    kept_file = Document.objects.filter(dossier=world.current).order_by("pk").first().file.path
    assert files and all(os.path.exists(path) for path in files)

    proposal = retention.propose(user=beheer)
    assert list(proposal.items.values_list("dossier_id", flat=True)) == [world.old.pk]
    with django_capture_on_commit_callbacks(execute=True):
        destroyed = retention.destroy(proposal.pk, user=second)

    assert found(markers) == []
    assert not Dossier.objects.filter(pk=world.old.pk).exists()
    assert not Client.objects.filter(pk__in=[c.pk for c in world.old_clients]).exists()
    assert not AccessLogEntry.objects.filter(client_id__in=[c.pk for c in world.old_clients]).exists()
    assert not AccessLogEntry.objects.filter(dossier_id=world.old.pk).exists()
    assert all(not os.path.exists(path) for path in files)
    # The member in a current dossier stays, with that dossier's data and access log.
    assert Client.objects.filter(pk=world.staying.pk).exists()
    assert Document.objects.filter(dossier=world.current).exists()
    assert os.path.exists(kept_file)
    assert AccessLogEntry.objects.filter(client=world.staying, dossier=world.current).exists()
    # The record: no personal data, counts, both administrators.
    destroyed.refresh_from_db()
    assert destroyed.status == DestructionStatus.DESTROYED
    assert (destroyed.proposed_by, destroyed.decided_by) == (beheer, second)
    assert (destroyed.dossier_count, destroyed.client_count) == (1, 2)
    assert destroyed.latest_closed_on == CLOSED
    assert destroyed.counts["journal.JournalEntry"] == 3 and destroyed.counts["cases.Client"] == 2
    assert not destroyed.items.exists()
    # Figures: unchanged by destruction, and a recomputation keeps the stored ones.
    assert figures() == before
    assert compute_periods(periods) == {}
    assert figures() == before


@pytest.mark.django_db
def test_the_access_log_still_refuses_changes_outside_a_destruction(world):
    from django.db import DatabaseError, transaction

    entry = AccessLogEntry.objects.filter(client__isnull=False).first()
    for change in ({"detail": ""}, {"client": None}):
        with pytest.raises(DatabaseError), transaction.atomic():
            AccessLogEntry.objects.filter(pk=entry.pk).update(**change)
    # Not even while a list is only proposed.
    DestructionList.objects.create(cutoff=CLOSED, proposed_by=world.worker)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).update(detail="")
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
