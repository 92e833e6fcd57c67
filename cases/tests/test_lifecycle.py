import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from cases import services
from cases.factories import ClientFactory, ReferrerFactory, household
from cases.models import Client, ClosureReason, Dossier, DossierEvent, EventKind, MemberRole

TODAY = services.today()
DAY = dt.timedelta(days=1)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


@pytest.fixture
def dossier(team_a):
    return household(team_a, registered_on=TODAY - 20 * DAY)


def test_register_creates_dossier_applicant_and_timeline(team_a, generalist_a):
    referrer = ReferrerFactory()
    dossier = services.register_dossier(
        user=generalist_a, team=team_a, registered_on=TODAY, referrer=referrer,
        applicant=Client(family_name="Jansen"), lead_worker=generalist_a,
    )
    assert dossier.members.get().role == MemberRole.APPLICANT
    assert dossier.members.get().client.family_name == "Jansen"
    assert list(dossier.workers.all()) == [generalist_a]
    assert dossier.events.get().kind == EventKind.REGISTERED


def test_register_refuses_future_date_and_other_team(team_a, team_b, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.register_dossier(user=generalist_a, team=team_a, registered_on=TODAY + DAY,
                                  applicant=Client(family_name="X"))
    assert "registered_on" in errors_of(excinfo)
    with pytest.raises(PermissionDenied):
        services.register_dossier(user=generalist_a, team=team_b, registered_on=TODAY,
                                  applicant=Client(family_name="X"))
    assert not Dossier.objects.exists()
    assert not Client.objects.exists(), "a refused registration stores nothing"


def test_lead_worker_must_belong_to_the_team(team_a, generalist_a, generalist_b):
    with pytest.raises(ValidationError) as excinfo:
        services.register_dossier(user=generalist_a, team=team_a, registered_on=TODAY,
                                  applicant=Client(family_name="X"), lead_worker=generalist_b)
    assert "lead_worker" in errors_of(excinfo)


def test_first_contact_not_before_registration_nor_in_future(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.record_first_contact(dossier, user=generalist_a, on=dossier.registered_on - DAY, location="thuis")
    assert "first_contact_on" in errors_of(excinfo)
    with pytest.raises(ValidationError):
        services.record_first_contact(dossier, user=generalist_a, on=TODAY + DAY, location="thuis")
    services.record_first_contact(dossier, user=generalist_a, on=dossier.registered_on, location="thuis")
    dossier.refresh_from_db()
    assert dossier.first_contact_on == dossier.registered_on


def test_support_start_not_before_registration(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.start_support(dossier, user=generalist_a, on=dossier.registered_on - DAY)
    assert "support_started_on" in errors_of(excinfo)
    services.start_support(dossier, user=generalist_a, on=TODAY)
    dossier.refresh_from_db()
    assert dossier.status == "lopend"


def test_registration_date_cannot_move_past_later_dates(dossier, generalist_a):
    services.start_support(dossier, user=generalist_a, on=TODAY - 10 * DAY)
    with pytest.raises(ValidationError) as excinfo:
        services.update_details(dossier, user=generalist_a, registered_on=TODAY - 5 * DAY)
    assert "registered_on" in errors_of(excinfo)


def test_close_requires_reason_and_dates_in_order(dossier, generalist_a):
    services.start_support(dossier, user=generalist_a, on=TODAY - 10 * DAY)
    with pytest.raises(ValidationError) as excinfo:
        services.close_dossier(dossier, user=generalist_a, closed_on=TODAY - 11 * DAY, closure_reason="")
    assert set(errors_of(excinfo)) == {"closed_on", "closure_reason"}
    with pytest.raises(ValidationError) as excinfo:
        services.close_dossier(dossier, user=generalist_a, closed_on=TODAY + DAY,
                               closure_reason=ClosureReason.ACCORDING_TO_PLAN)
    assert "closed_on" in errors_of(excinfo)


def test_close_records_closure_fields_and_safeguards(dossier, generalist_a):
    services.close_dossier(
        dossier, user=generalist_a, closed_on=TODAY, closure_reason=ClosureReason.ACCORDING_TO_PLAN,
        can_continue_independently="ja", client_rating=8, safeguards=["huisarts", "eigen_netwerk", "huisarts"],
    )
    dossier.refresh_from_db()
    assert (dossier.closed_on, dossier.client_rating, dossier.can_continue_independently) == (TODAY, 8, "ja")
    assert sorted(dossier.safeguards.values_list("safeguard", flat=True)) == ["eigen_netwerk", "huisarts"]


def test_rating_outside_1_to_10_is_refused(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.close_dossier(dossier, user=generalist_a, closed_on=TODAY,
                               closure_reason=ClosureReason.UNKNOWN, client_rating=11)
    assert "client_rating" in errors_of(excinfo)


def test_closure_fields_only_on_closed_dossiers_in_the_database(dossier):
    """Even a write that bypasses the services cannot store closure fields on an open dossier."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(client_rating=7)


@pytest.fixture
def closed(dossier, generalist_a):
    return services.close_dossier(dossier, user=generalist_a, closed_on=TODAY,
                                  closure_reason=ClosureReason.ACCORDING_TO_PLAN, safeguards=["werk"])


def test_closed_dossier_is_read_only(closed, generalist_a, team_b):
    attempts = [
        lambda: services.record_first_contact(closed, user=generalist_a, on=TODAY, location="thuis"),
        lambda: services.start_support(closed, user=generalist_a, on=TODAY),
        lambda: services.update_details(closed, user=generalist_a, request_summary="x"),
        lambda: services.add_member(closed, user=generalist_a, client=ClientFactory(), role="kind"),
        lambda: services.transfer(closed, user=generalist_a, to_team=team_b),
        lambda: services.close_dossier(closed, user=generalist_a, closed_on=TODAY, closure_reason="onbekend"),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as excinfo:
            attempt()
        assert excinfo.value.messages == [gettext("This dossier is closed and can no longer be changed.")]


def test_only_a_coach_of_the_team_reopens_and_it_is_recorded(closed, generalist_a, coach_a):
    with pytest.raises(PermissionDenied):
        services.reopen_dossier(closed, user=generalist_a, reason="oeps")
    with pytest.raises(ValidationError):
        services.reopen_dossier(closed, user=coach_a, reason="  ")
    services.reopen_dossier(closed, user=coach_a, reason="Te vroeg gesloten")
    closed.refresh_from_db()
    assert closed.closed_on is None and closed.closure_reason == "" and not closed.safeguards.exists()
    event = DossierEvent.objects.get(dossier=closed, kind=EventKind.REOPENED)
    assert event.user == coach_a
    assert "Te vroeg gesloten" in event.detail


def test_transfer_moves_dossier_and_clears_workers(dossier, generalist_a, team_a, team_b):
    dossier.lead_worker = generalist_a
    dossier.save()
    dossier.workers.add(generalist_a)
    services.transfer(dossier, user=generalist_a, to_team=team_b, note="verhuisd")
    dossier.refresh_from_db()
    assert dossier.team == team_b and dossier.lead_worker is None and not dossier.workers.exists()
    assert "verhuisd" in dossier.events.get(kind=EventKind.TRANSFERRED).detail
    with pytest.raises(PermissionDenied):
        services.start_support(dossier, user=generalist_a, on=TODAY)


def test_members_are_unique_and_last_member_stays(dossier, generalist_a):
    member = dossier.members.get()
    with pytest.raises(ValidationError):
        services.add_member(dossier, user=generalist_a, client=member.client, role="partner")
    with pytest.raises(ValidationError):
        services.remove_member(dossier, user=generalist_a, member=member)
    partner = services.add_member(dossier, user=generalist_a, client=ClientFactory(), role="partner")
    services.remove_member(dossier, user=generalist_a, member=partner)
    assert dossier.members.count() == 1
