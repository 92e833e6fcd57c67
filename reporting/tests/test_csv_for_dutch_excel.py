"""Defect 16: the API's CSV (for programs) gives computed_at in local time, like its JSON.
(The dashboard's CSV for Dutch Excel, ";" and decimal comma: test_dashboard_export.)"""

import csv
import io

from django.utils import timezone

from reporting.tests.api_helpers import auth, stored_rows


def test_the_api_csv_gives_computed_at_in_local_time_like_json(client, api_token, team_a):
    stored_rows("2019-Q2", [team_a])
    json_at = client.get("/api/v1/indicators", {"period": "2019-Q2"}, **auth(api_token)).json()["results"][0][
        "computed_at"]
    lines = list(csv.reader(io.StringIO(client.get("/api/v1/indicators.csv", {"period": "2019-Q2"},
                                                   **auth(api_token)).content.decode())))
    csv_at = lines[1][6]
    assert csv_at.endswith(timezone.localtime().strftime("%z")[:3] + ":" + timezone.localtime().strftime("%z")[3:])
    assert csv_at[:19] == json_at[:19]
