"""Every CSV download for people opens in Dutch Excel as columns: the journal and the access
log, like the figures, use ";" between columns, a BOM, dates as dd-mm-jjjj and a decimal comma
(one writer: ``cases.spreadsheet.dutch_csv``)."""

import csv
import datetime as dt
import io

from django.urls import reverse

from cases.factories import household
from cases.spreadsheet import dutch_csv
from conftest import as_user
from journal import services as journal_services


def _rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "no BOM"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_writer_uses_dutch_dates_decimals_and_words():
    rows = _rows(dutch_csv([["a", "b"], [dt.date(2026, 3, 4), 1.5], [True, "=SUM(A1)"]]))
    assert rows == [["a", "b"], ["04-03-2026", "1,5"], ["ja", "'=SUM(A1)"]]


def test_the_journal_csv_opens_as_columns(client, generalist_a, team_a):
    dossier = household(team_a, registered_on=dt.date(2026, 1, 5))
    journal_services.write_entry(dossier, user=generalist_a, written_on=dt.date(2026, 1, 6), kind="telefoon",
                                 text="Gebeld, ook over de huur; en de school.")
    response = as_user(client, generalist_a).get(reverse("journal:export", args=[dossier.pk]))
    rows = _rows(response.content)
    assert len(rows[0]) == 9 and rows[1][1] == "06-01-2026" and rows[1][-1].startswith("Gebeld, ook")


def test_the_access_log_csv_opens_as_columns(client, beheer, generalist_a, team_a):
    dossier = household(team_a)
    person = dossier.members.get().client
    as_user(client, generalist_a).get(reverse("cases:client", args=[person.pk]))
    rows = _rows(as_user(client, beheer).get(reverse("cases:access_log_export", args=[person.pk])).content)
    assert rows[0][:3] == ["tijdstip", "medewerker", "actie"] and len(rows[1]) == 8
    assert rows[1][0][2] == "-" and rows[1][0][5] == "-"  # dd-mm-jjjj uu:mm
