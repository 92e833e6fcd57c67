"""Every page that shows persons logs which persons it showed; a list logs the persons
listed in one set-based write; a searched BSN is never stored or shown in full."""

import csv
import io

import pytest
from django.urls import reverse

from cases.factories import household
from cases.models import AccessLogEntry
from conftest import as_user


def shown(dossiers):
    return {(d.pk, m.client_id) for d in dossiers for m in d.members.all()}


def logged(action="view"):
    return set(AccessLogEntry.objects.filter(action=action).values_list("dossier_id", "client_id"))


def access_log_inserts(queries):
    return [q for q in queries if q["sql"].startswith('INSERT INTO "cases_accesslogentry"')]


@pytest.mark.parametrize("url_name", ["cases:team_dossiers", "cases:waiting_list", "cases:my_dossiers"])
def test_a_list_logs_every_member_listed_in_one_write(client, generalist_a, team_a, url_name,
                                                      django_assert_max_num_queries):
    dossiers = [household(team_a, members=2, lead_worker=generalist_a) for _ in range(3)]
    url = reverse(url_name) if url_name == "cases:my_dossiers" else reverse(url_name, args=[team_a.code])
    as_user(client, generalist_a)
    with django_assert_max_num_queries(30) as queries:
        assert client.get(url).status_code == 200
    assert logged() == shown(dossiers)
    assert len(access_log_inserts(queries.captured_queries)) == 1
    assert {e.user_id for e in AccessLogEntry.objects.all()} == {generalist_a.pk}


def test_a_search_logs_the_persons_found_and_masks_a_searched_bsn(client, generalist_a, team_a, beheer):
    dossier = household(team_a)
    person = dossier.members.get().client
    as_user(client, generalist_a).get(reverse("cases:team_dossiers", args=[team_a.code]), {"q": person.bsn})
    entry = AccessLogEntry.objects.get(action="search")
    assert (entry.dossier_id, entry.client_id) == (dossier.pk, person.pk)
    masked = "*****" + person.bsn[-4:]
    assert person.bsn not in entry.detail and masked in entry.detail
    assert person.bsn not in entry.path
    # Shown and exported masked too.
    page = as_user(client, beheer).get(reverse("cases:access_log"), {"client": person.pk}).content.decode()
    assert masked in page and person.bsn not in page.replace(f'value="{person.bsn}"', "")
    export = client.get(reverse("cases:access_log_export", args=[person.pk])).content.decode()
    assert person.bsn not in export and masked in export
    assert all(person.bsn not in cell for row in csv.reader(io.StringIO(export)) for cell in row)


def test_entries_written_before_masking_are_shown_masked(client, beheer, generalist_a, team_a):
    person = household(team_a).members.get().client
    AccessLogEntry.objects.create(user=generalist_a, action="search", client=person,
                                  detail=f"zoekopdracht: {person.bsn}", path=f"/dossiers?q={person.bsn}")
    as_user(client, beheer)
    assert person.bsn not in client.get(reverse("cases:access_log"), {"client": person.pk}).content.decode()
    assert person.bsn not in client.get(reverse("cases:access_log_export", args=[person.pk])).content.decode()


@pytest.mark.parametrize("url_name", ["cases:edit_details", "cases:first_contact", "cases:start_support",
                                      "cases:transfer", "cases:close"])
def test_dossier_forms_log_the_household(client, generalist_a, team_a, url_name):
    dossier = household(team_a, members=2)
    assert as_user(client, generalist_a).get(reverse(url_name, args=[dossier.pk])).status_code == 200
    assert logged() == shown([dossier])


def test_the_client_edit_form_logs_the_client(client, generalist_a, team_a):
    person = household(team_a).members.get().client
    assert as_user(client, generalist_a).get(reverse("cases:client_edit", args=[person.pk])).status_code == 200
    assert set(AccessLogEntry.objects.values_list("client_id", "action")) == {(person.pk, "view")}
