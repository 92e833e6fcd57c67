"""Retention terms (docs/adr/0110): RETENTION_YEARS after closure for the whole dossier,
shorter terms per data kind from RETENTION_YEARS_BY_KIND; manage.py retention and the
beheer page list what is due."""

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

from cases import retention
from cases.factories import settled_beheer
from cases.models import Dossier
from conftest import as_user
from journal.factories import JournalEntryFactory
from journal.models import JournalEntry
from reporting import factories as rf
from zrm.models import Measurement

TODAY = dt.date.today()


def closed(team, years_ago: float, **fields):
    closed_on = TODAY - dt.timedelta(days=int(365.25 * years_ago))
    return rf.dossier(team, closed_on - dt.timedelta(days=100), closed_on=closed_on, **fields)


@pytest.fixture
def dossiers(team_a):
    return {"old": closed(team_a, 15.1), "recent": closed(team_a, 14.9), "middle": closed(team_a, 8),
            "open": rf.dossier(team_a, TODAY - dt.timedelta(days=30))}


def test_the_whole_dossier_is_due_after_its_term(dossiers, settings):
    settings.RETENTION_YEARS = 15
    assert list(retention.due(today=TODAY)) == [dossiers["old"]]
    assert retention.cutoff(today=TODAY) == retention.years_before(TODAY, 15)
    assert retention.years_before(dt.date(2024, 2, 29), 15) == dt.date(2009, 2, 28)
    settings.RETENTION_YEARS = 7
    assert set(retention.due(today=TODAY)) == {dossiers["old"], dossiers["recent"], dossiers["middle"]}


def test_a_shorter_term_for_the_journal_removes_only_the_journal(dossiers, settings, beheer):
    settings.RETENTION_YEARS = 15
    settings.RETENTION_YEARS_BY_KIND = ["journal=5"]
    middle = dossiers["middle"]
    JournalEntryFactory(dossier=middle, written_on=middle.registered_on)
    rf.measurement(middle, "nulmeting", middle.registered_on, {"financien": 2})
    assert retention.terms() == {"dossier": 15, "journal": 5}
    # Only dossiers holding journal entries, and not those due as a whole.
    JournalEntryFactory(dossier=dossiers["old"], written_on=dossiers["old"].registered_on)
    assert list(retention.due("journal", today=TODAY)) == [middle]

    proposal = retention.propose(user=beheer, kind="journal", today=TODAY)
    done = retention.destroy(proposal.pk, user=settled_beheer("beheer-2"))
    assert done.counts == {"journal.JournalEntry": 1} and done.client_count == 0
    assert not JournalEntry.objects.filter(dossier=middle).exists()
    assert Dossier.objects.filter(pk=middle.pk).exists() and Measurement.objects.filter(dossier=middle).exists()
    assert list(retention.due("journal", today=TODAY)) == []


@pytest.mark.parametrize("setting", [["journal"], ["journal=vijf"], ["dagboek=3"]])
def test_a_wrong_term_is_refused_clearly(setting, settings):
    settings.RETENTION_YEARS_BY_KIND = setting
    with pytest.raises(ImproperlyConfigured, match="RETENTION_YEARS_BY_KIND"):
        retention.terms()


def test_a_longer_term_for_a_part_is_the_whole_dossiers(settings):
    settings.RETENTION_YEARS = 15
    settings.RETENTION_YEARS_BY_KIND = ["documents=20"]
    assert retention.terms() == {"dossier": 15}


def test_the_command_lists_what_is_due(dossiers, settings):
    settings.RETENTION_YEARS = 15
    out = StringIO()
    call_command("retention", "--list", stdout=out)
    text = out.getvalue()
    assert text.startswith("dossier: 1 dossiers closed on or before")
    assert f"  {dossiers['old'].pk}\tteam-a\t" in text and str(dossiers["recent"].pk) + "\t" not in text


def test_the_page_lists_what_is_due_without_persons(client, dossiers, settings, beheer):
    settings.RETENTION_YEARS = 15
    person = dossiers["old"].members.get().client
    html = as_user(client, beheer).get(reverse("cases:retention")).content.decode()
    assert f"<td class=\"utrecht-table__cell\">{dossiers['old'].pk}</td>" in html
    assert "Vernietigingslijst voorstellen" in html
    assert person.family_name not in html and person.bsn not in html
