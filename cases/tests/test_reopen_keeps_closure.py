"""Defect 5: reopening keeps the closure it undoes (who, when, why, and its values), and the
close form starts from those values instead of today, "onbekend" and no borging."""

import datetime as dt

import pytest
from django.urls import reverse

from cases import services
from cases.factories import household
from cases.models import ClosureReason, FormerClosure, Safeguard, YesNoUnknown
from conftest import as_user

TODAY = services.today()


@pytest.fixture
def reopened(team_a, generalist_a, coach_a):
    dossier = household(team_a, registered_on=TODAY - dt.timedelta(days=90))
    services.close_dossier(
        dossier, user=generalist_a, closed_on=TODAY - dt.timedelta(days=3),
        closure_reason=ClosureReason.ACCORDING_TO_PLAN, can_continue_independently=YesNoUnknown.YES,
        client_rating=8, safeguards=[Safeguard.GP, Safeguard.OWN_NETWORK],
    )
    return services.reopen_dossier(dossier, user=coach_a, reason="Nieuwe schuldenvraag")


def test_reopening_records_the_former_closure(reopened, coach_a):
    former = FormerClosure.objects.get(dossier=reopened)
    assert (former.closed_on, former.closure_reason, former.can_continue_independently, former.client_rating) == (
        TODAY - dt.timedelta(days=3), ClosureReason.ACCORDING_TO_PLAN, YesNoUnknown.YES, 8)
    assert former.safeguards == sorted([Safeguard.GP, Safeguard.OWN_NETWORK])
    assert (former.reopened_by, former.reason) == (coach_a, "Nieuwe schuldenvraag")
    reopened.refresh_from_db()
    assert reopened.closed_on is None and not reopened.safeguards.exists()


def test_the_close_form_starts_from_the_former_closure(client, reopened, generalist_a):
    as_user(client, generalist_a)
    form = client.get(reverse("cases:close", args=[reopened.pk])).context["form"]
    assert form["closed_on"].value() == TODAY - dt.timedelta(days=3)
    assert form["closure_reason"].value() == ClosureReason.ACCORDING_TO_PLAN
    assert form["can_continue_independently"].value() == YesNoUnknown.YES
    assert form["client_rating"].value() == 8
    assert sorted(form["safeguards"].value()) == sorted([Safeguard.GP, Safeguard.OWN_NETWORK])


def test_a_dossier_never_closed_starts_empty(client, team_a, generalist_a):
    dossier = household(team_a)
    as_user(client, generalist_a)
    form = client.get(reverse("cases:close", args=[dossier.pk])).context["form"]
    assert form["closed_on"].value() == TODAY
    assert form["can_continue_independently"].value() is None  # defect 18: nothing pre-selected
    assert not form["safeguards"].value()
