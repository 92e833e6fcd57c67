"""A frozen version never changes: after importing changed data, registering more and
recomputing, the version's rows - and the API's answer for it - are byte-for-byte the same,
while the current figures (and the revisions) did move."""

import csv
import datetime as dt
import io
import shutil

import pytest
from django.core.management import call_command

from cases.models import Team
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from reporting.factories import dossier
from reporting.freezing import latest_version, revisions
from reporting.models import FrozenRow, IndicatorRow
from reporting.tests.api_helpers import auth
from tests.sample_paths import SAMPLE_BUNDLE

PERIODS = ("2019-Q2", "2019-04", "2019-05", "2019-06")


def frozen_answers(client, token) -> dict[str, bytes]:
    """The API's answer for version 1 of every period, every page, as bytes."""
    answers = {}
    for code in PERIODS:
        pages, url, params = [], "/api/v1/indicators", {"period": code, "version": "1"}
        while url:
            response = client.get(url, params, **auth(token))
            assert response.status_code == 200
            pages.append(response.content)
            url, params = response.json()["next"], None
        answers[code] = b"\n".join(pages)
    return answers


def stored_version() -> list[tuple]:
    return list(FrozenRow.objects.filter(version__number=1).order_by("id").values_list(
        "id", "version__period", "version__frozen_at", "version__frozen_by_name", "team_id", "indicator", "dimension",
        "value", "count", "computed_at"))


def changed_copy(tmp_path):
    """The sample bundle again, with every dossier closed in April 2019 closed a month later
    and without a client rating: an import that changes the quarter's figures."""
    shutil.copytree(SAMPLE_BUNDLE, tmp_path / "changed")
    path = tmp_path / "changed" / "dossiers.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    changed = 0
    for row in rows:
        if row["closed_on"].startswith("2019-04"):
            row["closed_on"], row["client_rating"] = row["closed_on"].replace("2019-04", "2019-05"), ""
            changed += 1
    assert changed
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return tmp_path / "changed"


@pytest.mark.django_db
def test_frozen_version_survives_import_registration_and_recomputation(client, api_token, tmp_path):
    assert import_bundle(SAMPLE_BUNDLE).ok
    compute_periods(["2019-Q2"])
    call_command("freeze_indicators", "2019-Q2", stdout=io.StringIO())
    before_rows, before_api = stored_version(), frozen_answers(client, api_token)
    assert len(before_rows) == sum(latest_version(code).row_count for code in PERIODS) > 100

    result = import_bundle(changed_copy(tmp_path))
    assert result.ok, result.problems
    team = Team.objects.order_by("pk").first()
    for day in range(1, 4):
        dossier(team, dt.date(2019, 5, day), first_contact_on=dt.date(2019, 5, day + 1))
    compute_periods(["2019-Q2"])

    changes = revisions(latest_version("2019-Q2"))
    assert len(changes) > 5, "the import and the registrations changed the current figures"
    assert IndicatorRow.objects.filter(period="2019-Q2").exists()
    assert stored_version() == before_rows
    assert frozen_answers(client, api_token) == before_api

    call_command("freeze_indicators", "2019-Q2", stdout=io.StringIO())
    assert latest_version("2019-Q2").number == 2 and not revisions(latest_version("2019-Q2"))
    assert stored_version() == before_rows and frozen_answers(client, api_token) == before_api
