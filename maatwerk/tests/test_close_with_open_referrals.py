"""Defect 3: closing a dossier asks what happens with every referral still awaiting a
decision (registered by maatwerk through ``cases.extensions.register_open_items``): the
close page lists it with a link to its decision, refuses to close until a choice is made,
and withdrawing it happens in the same step, on the closing date, with its status history."""

import pytest
from django.urls import reverse

from cases.models import ClosureReason
from conftest import as_user
from maatwerk.models import Referral, Status, StatusChange
from maatwerk.tests.conftest import TODAY

FIELDS = {"closed_on": TODAY.isoformat(), "closure_reason": ClosureReason.ACCORDING_TO_PLAN,
          "can_continue_independently": "ja"}


def test_the_close_page_lists_the_open_referral_with_its_decision_link(client, generalist_a, requested):
    as_user(client, generalist_a)
    response = client.get(reverse("cases:close", args=[requested.dossier.pk]))
    html = response.content.decode()
    assert requested.product.name in html
    assert reverse("maatwerk:decide", args=[requested.pk]) in html
    assert f"settle_referral_{requested.pk}" in response.context["form"].fields


def test_closing_without_settling_the_referral_is_refused_with_a_clear_message(client, generalist_a, requested):
    as_user(client, generalist_a)
    response = client.post(reverse("cases:close", args=[requested.dossier.pk]), FIELDS)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [f"settle_referral_{requested.pk}"]
    requested.dossier.refresh_from_db()
    assert requested.dossier.closed_on is None
    assert Referral.objects.get(pk=requested.pk).status == Status.REQUESTED


def test_withdrawing_on_closing_settles_the_referral_and_closes(client, generalist_a, requested):
    as_user(client, generalist_a)
    response = client.post(reverse("cases:close", args=[requested.dossier.pk]),
                           {**FIELDS, f"settle_referral_{requested.pk}": "withdraw"})
    assert response.status_code == 302
    requested.dossier.refresh_from_db()
    assert requested.dossier.closed_on == TODAY
    referral = Referral.objects.get(pk=requested.pk)
    assert (referral.status, referral.decided_on) == (Status.WITHDRAWN, TODAY)
    assert StatusChange.objects.filter(referral=referral, to_status=Status.WITHDRAWN, user=generalist_a).exists()


def test_a_decided_referral_is_not_an_open_item(client, generalist_a, requested):
    from maatwerk import services

    services.decide(requested, user=generalist_a, status=Status.GRANTED, decided_on=TODAY)
    as_user(client, generalist_a)
    response = client.post(reverse("cases:close", args=[requested.dossier.pk]), FIELDS)
    assert response.status_code == 302


@pytest.mark.parametrize("closed_on", ["2000-01-01"])
def test_a_failing_settlement_keeps_everything_open(client, generalist_a, requested, closed_on):
    """The closing date is checked first: nothing is withdrawn when the dossier cannot close."""
    as_user(client, generalist_a)
    response = client.post(reverse("cases:close", args=[requested.dossier.pk]),
                           {**FIELDS, "closed_on": closed_on, f"settle_referral_{requested.pk}": "withdraw"})
    assert "closed_on" in response.context["form"].errors
    assert Referral.objects.get(pk=requested.pk).status == Status.REQUESTED
