"""The Plan family is served by the indicators API like every family: computed rows,
filterable by indicator code (the catalogue knows the codes)."""

import datetime as dt

from plans.factories import ActionFactory, PlanFactory
from reporting.compute import compute_periods
from reporting.factories import dossier
from reporting.tests.api_helpers import auth

URL = "/api/v1/indicators"


def test_plan_rows_in_the_api(client, api_token, team_a):
    d = dossier(team_a, dt.date(2019, 4, 2))
    PlanFactory(dossier=d, agreed_on=dt.date(2019, 4, 12))
    ActionFactory(dossier=d, kanteling="eigen_kracht", starts_on=dt.date(2019, 4, 3))
    compute_periods(["2019-Q2"])
    body = client.get(URL, {"period": "2019-Q2", "indicator": ["plans_agreed", "support_new_pct"]},
                      **auth(api_token)).json()
    found = {(r["team"], r["indicator"], r["dimension"]): (r["value"], r["count"]) for r in body["results"]}
    assert found == {
        ("team-a", "plans_agreed", ""): (1.0, 1), (None, "plans_agreed", ""): (1.0, 1),
        ("team-a", "support_new_pct", "eigen_kracht"): (100.0, 1),
        (None, "support_new_pct", "eigen_kracht"): (100.0, 1),
    }
