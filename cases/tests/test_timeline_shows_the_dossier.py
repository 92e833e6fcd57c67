"""Defect 15: the timeline shows what the dossier holds, also when an import stored the dates
without their events: registration, first contact, support start, closure, and imported ZRM
measurements and referrals, each once (a recorded event is not repeated)."""

import datetime as dt

from django.urls import reverse

from cases import services
from cases.factories import household
from cases.models import Client, ClosureReason, Location
from conftest import as_user
from maatwerk.factories import ReferralFactory
from zrm.factories import measure

TODAY = services.today()
DAY = dt.timedelta(days=1)


def _timeline(client, dossier):
    return client.get(reverse("cases:dossier", args=[dossier.pk])).context["timeline"]


def test_an_imported_dossier_shows_its_dates(client, generalist_a, team_a):
    dossier = household(team_a, registered_on=TODAY - 40 * DAY, first_contact_on=TODAY - 35 * DAY,
                        first_contact_location=Location.HOME, support_started_on=TODAY - 30 * DAY,
                        closed_on=TODAY - 2 * DAY, closure_reason=ClosureReason.ACCORDING_TO_PLAN)
    client_ = dossier.members.get().client
    measure(dossier, client_, "nulmeting", TODAY - 30 * DAY, {"financien": 2})
    ReferralFactory(dossier=dossier, client=client_, requested_on=TODAY - 20 * DAY)
    as_user(client, generalist_a)
    timeline = _timeline(client, dossier)
    lines = sorted((item.on, str(item.title)) for item in timeline)
    kinds = ("registered", "first_contact", "support_started", "closed", "measurement", "referral")
    from cases.models import EventKind

    labels = {key: str(EventKind(key).label) for key in kinds}  # the labels as the page shows them
    assert lines == sorted([
        (TODAY - 40 * DAY, labels["registered"]), (TODAY - 35 * DAY, labels["first_contact"]),
        (TODAY - 30 * DAY, labels["support_started"]), (TODAY - 30 * DAY, labels["measurement"]),
        (TODAY - 20 * DAY, labels["referral"]), (TODAY - 2 * DAY, labels["closed"]),
    ])
    assert [item.on for item in timeline] == sorted((item.on for item in timeline), reverse=True), "newest first"
    assert "Nog niets vastgelegd" not in client.get(reverse("cases:dossier", args=[dossier.pk])).content.decode()


def test_a_recorded_event_is_not_repeated(client, generalist_a, team_a):
    dossier = services.register_dossier(user=generalist_a, team=team_a, registered_on=TODAY - 5 * DAY,
                                        applicant=Client(family_name="Jansen"))
    as_user(client, generalist_a)
    timeline = _timeline(client, dossier)
    assert [item.on for item in timeline] == [TODAY - 5 * DAY]

