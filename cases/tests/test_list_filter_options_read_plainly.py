"""The worker filter of the dossier lists reads its options in one plain query of the columns
it shows (issue 32, docs/adr/0210): not through a server-side cursor (DECLARE, FETCH, CLOSE:
three round trips on PostgreSQL on every list page), and without the users' password hashes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.factories import household, user_with_role
from cases.models import Role
from conftest import as_user

pytestmark = pytest.mark.django_db


def _worker_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries if 'FROM "auth_user"' in q["sql"]
                      and "DISTINCT" in q["sql"]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="server-side cursors are PostgreSQL's")
@pytest.mark.parametrize("page", ["my", "team"])
def test_worker_options_come_from_one_plain_query(client, generalist_a, team_a, page):
    household(team_a, lead_worker=generalist_a)
    as_user(client, generalist_a)
    url = reverse("cases:my_dossiers") if page == "my" else reverse("cases:team_dossiers", args=[team_a.code])
    client.get(url)
    response, worker_sql = _worker_queries(client, url)
    assert len(worker_sql) == 1
    assert not worker_sql[0].lstrip().upper().startswith("DECLARE")
    assert '"auth_user"."password"' not in worker_sql[0]
    assert f'<option value="{generalist_a.pk}"' in response.content.decode()


def test_a_chosen_worker_still_filters_the_list(client, generalist_a, team_a):
    colleague = user_with_role(Role.GENERALIST, team_a, username="generalist-a2")
    mine = household(team_a, lead_worker=generalist_a)
    theirs = household(team_a, lead_worker=colleague)
    as_user(client, generalist_a)
    url = reverse("cases:team_dossiers", args=[team_a.code]) + f"?worker={colleague.pk}"
    rows = client.get(url).content.decode()
    assert reverse("cases:dossier", args=[theirs.pk]) + '"' in rows
    assert reverse("cases:dossier", args=[mine.pk]) + '"' not in rows
