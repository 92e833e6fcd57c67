"""The ZRM section of the dossier page: per member and domain nulmeting → doelmeting →
latest measurement, the measurements, the reminders, in a constant number of queries."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases import services as case_services
from cases.factories import DossierMemberFactory, household
from cases.models import ClosureReason
from conftest import as_user
from zrm.factories import measure
from zrm.models import Measurement
from zrm.panels import zrm_panel_context
from zrm.progress import load_measurements, reminders, units
from zrm.tests.conftest import DAY, TODAY


def development(dossier):
    members = list(dossier.members.select_related("client").order_by("id"))
    return units(members, load_measurements(Measurement.objects.filter(dossier=dossier)))


def table(unit):
    """{domain code: (nul, doel, latest, change)}, None for a missing cell, "nvt" for n.v.t."""
    def value(cell):
        if cell is None:
            return None
        return cell.score if cell.applicable else "nvt"

    return {row.code: (value(row.baseline), value(row.goal), value(row.latest), row.change) for row in unit.rows}


def test_nul_doel_latest_per_domain(dossier, applicant):
    nul = measure(dossier, applicant, "nulmeting", TODAY - 90 * DAY, {"financien": 2, "huisvesting": 4, "justitie": 1})
    measure(dossier, applicant, "doelmeting", TODAY - 85 * DAY, {"financien": 3, "huisvesting": 5})
    doel = measure(dossier, applicant, "doelmeting", TODAY - 80 * DAY, {"financien": 4, "huisvesting": 5})
    measure(dossier, applicant, "tussenmeting", TODAY - 40 * DAY, {"financien": 3, "huisvesting": 2})
    last = measure(dossier, applicant, "eindmeting", TODAY - 5 * DAY, {"financien": 4, "huisvesting": 3})
    [unit] = development(dossier)
    assert unit.client == applicant
    assert table(unit) == {
        "financien": (2, 4, 4, 2),
        "huisvesting": (4, 5, 3, -1),
        "justitie": (1, "nvt", "nvt", None),
    }
    assert [row.code for row in unit.rows] == ["financien", "huisvesting", "justitie"], "instrument order"
    assert (unit.baseline_measurements, unit.goal_measurements, unit.latest_measurements) == ([nul], [doel], [last])


def test_the_first_nulmeting_counts_and_a_doelmeting_is_no_measured_state(dossier, applicant):
    measure(dossier, applicant, "nulmeting", TODAY - 90 * DAY, {"financien": 1})
    measure(dossier, applicant, "nulmeting", TODAY - 60 * DAY, {"financien": 3})
    measure(dossier, applicant, "doelmeting", TODAY - 50 * DAY, {"financien": 5})
    [unit] = development(dossier)
    assert table(unit) == {"financien": (1, 5, None, None)}


def test_domains_compare_by_code_across_versions_and_supplements(dossier, applicant):
    measure(dossier, applicant, "nulmeting", TODAY - 90 * DAY, {"financien": 1, "adl": 2}, code="zrm-2013")
    measure(dossier, applicant, "nulmeting", TODAY - 90 * DAY, {"opvang": 2}, code="zrm-ouderschap")
    measure(dossier, applicant, "tussenmeting", TODAY - 10 * DAY, {"financien": 4, "basale_adl": 3})
    measure(dossier, applicant, "tussenmeting", TODAY - 9 * DAY, {"opvang": 4}, code="zrm-ouderschap")
    [unit] = development(dossier)
    assert table(unit) == {
        "financien": (1, None, 4, 3),
        "basale_adl": (None, None, 3, None),
        "adl": (2, None, None, None),
        "opvang": (2, None, 4, 2),
    }
    codes = [row.code for row in unit.rows]
    assert codes.index("financien") < codes.index("basale_adl") < codes.index("adl") < codes.index("opvang"), (
        "newest main instrument first, older versions next, supplements last")
    assert {row.code: row.label for row in unit.rows}["financien"] == "Financiën", "label of the newest version"


def test_units_in_household_order_and_the_household_last(dossier, applicant, partner):
    measure(dossier, None, "nulmeting", TODAY - 50 * DAY, {"huisvesting": 2})
    measure(dossier, partner, "nulmeting", TODAY - 40 * DAY, {"financien": 3})
    measure(dossier, applicant, "nulmeting", TODAY - 30 * DAY, {"financien": 1})
    DossierMemberFactory(dossier=dossier)  # a member without measurements is not listed
    assert [unit.client for unit in development(dossier)] == [applicant, partner, None]
    assert table(development(dossier)[2]) == {"huisvesting": (2, None, None, None)}


def test_the_dossier_page_shows_the_development(client, generalist_a, dossier, applicant, partner):
    first = measure(dossier, applicant, "nulmeting", TODAY - 60 * DAY, {"financien": 2})
    latest = measure(dossier, applicant, "tussenmeting", TODAY - 10 * DAY, {"financien": 4})
    as_user(client, generalist_a)
    html = client.get(reverse("cases:dossier", args=[dossier.pk])).content.decode()
    section = html[html.index('aria-labelledby="zrm-heading"'):]
    section = section[:section.index("</section>")]
    assert applicant.display_name in section and partner.display_name not in section
    row = section[section.index('scope="row">Financiën</th>'):]
    row = row[:row.index("</tr>")]
    # The score cells carry the table component's class and the colour of the step.
    assert 'zrm-low">2 ' in row and 'zrm-ok">4 ' in row and "+2" in row
    for m in (first, latest):
        assert reverse("zrm:detail", args=[dossier.pk, m.pk]) in section
    assert f'{reverse("zrm:new", args=[dossier.pk])}?client={applicant.pk}' in section


def render_panel(rf, user, dossier):
    request = rf.get("/")
    request.user = user
    members = list(dossier.members.select_related("client"))
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("zrm/_panel.html", zrm_panel_context(request, dossier, members), request=request)
    return html, len(queries)


def test_the_panel_needs_a_constant_number_of_queries(rf, generalist_a, team_a):
    small = household(team_a, members=1, registered_on=TODAY - 300 * DAY)
    measure(small, small.members.get().client, "nulmeting", TODAY - 200 * DAY, {"financien": 2})
    render_panel(rf, generalist_a, small)  # warm the user's roles
    _html, few = render_panel(rf, generalist_a, small)

    big = household(team_a, members=4, registered_on=TODAY - 300 * DAY)
    for member in big.members.all():
        for i, kind in enumerate(["nulmeting", "doelmeting", "tussenmeting", "tussenmeting", "eindmeting"]):
            measure(big, member.client, kind, TODAY - (250 - 20 * i) * DAY, {"financien": 1 + i, "justitie": 3})
        measure(big, member.client, "nulmeting", TODAY - 200 * DAY, {"opvang": 2}, code="zrm-ouderschap")
    measure(big, None, "nulmeting", TODAY - 200 * DAY, {"adl": 2}, code="zrm-2013")
    html, many = render_panel(rf, generalist_a, big)
    assert html.count("/zrm/") > 25
    # 1: the measurements with instrument and member (select_related)
    # 2: the domains of their instruments, in order (prefetch)
    assert many == few == 2


@pytest.fixture
def fresh(team_a):
    return lambda days: household(team_a, registered_on=TODAY - days * DAY)


def test_reminder_without_nulmeting_after_six_weeks(fresh):
    assert reminders(fresh(42), [], TODAY) == []
    old = fresh(43)
    [message] = reminders(old, [], TODAY)
    assert "43" in message
    client = old.members.get().client
    tussen = measure(old, client, "tussenmeting", TODAY - DAY, {"financien": 3})
    assert len(reminders(old, [tussen], TODAY)) == 1, "a tussenmeting is no nulmeting"
    nul = measure(old, client, "nulmeting", TODAY - 2 * DAY, {"financien": 3})
    assert reminders(old, [nul, tussen], TODAY) == []


def test_reminder_when_the_last_measurement_is_over_six_months_old(fresh):
    dossier = fresh(400)
    client = dossier.members.get().client
    nul = measure(dossier, client, "nulmeting", TODAY - 300 * DAY, {"financien": 3})
    recent = measure(dossier, client, "tussenmeting", TODAY - 183 * DAY, {"financien": 3})
    assert reminders(dossier, [nul, recent], TODAY) == []
    recent.measured_on = TODAY - 184 * DAY
    [message] = reminders(dossier, [nul, recent], TODAY)
    assert "184" in message and (TODAY - 184 * DAY).strftime("%d-%m-%Y") in message


def test_no_reminders_for_closed_dossiers(fresh, generalist_a):
    dossier = case_services.close_dossier(fresh(400), user=generalist_a, closed_on=TODAY,
                                          closure_reason=ClosureReason.ACCORDING_TO_PLAN)
    assert reminders(dossier, [], TODAY) == []


def test_the_dossier_page_shows_the_reminders(client, generalist_a, fresh):
    dossier = fresh(50)
    as_user(client, generalist_a)
    response = client.get(reverse("cases:dossier", args=[dossier.pk]))
    assert len(response.context["reminders"]) == 1
    assert response.context["reminders"][0] in response.content.decode()
