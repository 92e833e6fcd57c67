"""Provider messages built from the iWmo 3.2 examples, adapted to a granted allocation, are
processed (305 sets the delivery start, 307 its end and reason, 315 and 317 land in the team's
queue); corrupted copies are refused naming the reason, and change nothing; a repeated
BerichtIdentificatie from the same sender is a duplicate. The validator is the real one."""

import datetime as dt

import pytest
from lxml import etree

from maatwerk.models import Referral
from toegang.inbound import receive
from toegang.iwmo import examples, schemas
from toegang.models import Message, MessageStatus, ProviderRequest
from toegang.tests.conftest import DAY, TODAY
from work.models import Task

AGB = "12345678"


def snapshot(referral):
    fresh = Referral.objects.get(pk=referral.pk)
    return (fresh.delivery_started_on, fresh.delivery_ended_on, fresh.delivery_end_reason, fresh.status,
            fresh.starts_on, fresh.ends_on, fresh.volume)


def start(allocation, settings, *, identification="P1", **changes):
    fields = {"sender": AGB, "receiver": settings.IWMO_GEMEENTECODE, "identification": identification,
              "bsn": allocation.client.bsn, "number": allocation.allocation_number,
              "starts_on": allocation.starts_on, "started_on": allocation.starts_on + 2 * DAY}
    return examples.delivery("305", **{**fields, **changes})


def stop(allocation, settings, *, identification="P2", **changes):
    fields = {"sender": AGB, "receiver": settings.IWMO_GEMEENTECODE, "identification": identification,
              "bsn": allocation.client.bsn, "number": allocation.allocation_number,
              "starts_on": allocation.starts_on, "started_on": allocation.starts_on + 2 * DAY,
              "ended_on": allocation.starts_on + 9 * DAY, "reason": "23"}
    return examples.delivery("307", **{**fields, **changes})


def test_the_adapted_examples_validate():
    for kind in ("305", "307", "315", "317"):
        assert schemas.parse((examples.EXAMPLES / f"WMO{kind}.xml").read_bytes()).kind == kind


def test_a_305_sets_the_delivery_start_and_a_307_its_end(allocation, settings):
    outcome = receive(start(allocation, settings), "start.xml")
    assert outcome.line == "verwerkt"
    allocation.refresh_from_db()
    assert allocation.delivery_started_on == allocation.starts_on + 2 * DAY
    message = outcome.message
    assert (message.kind, message.sender, message.identification, message.dossier) == (
        "305", AGB, "P1", allocation.dossier)
    assert list(message.referrals.all()) == [allocation]
    assert receive(stop(allocation, settings), "stop.xml").line == "verwerkt"
    allocation.refresh_from_db()
    assert (allocation.delivery_ended_on, allocation.delivery_end_reason) == (allocation.starts_on + 9 * DAY, "23")


def test_a_repeated_message_is_a_duplicate_and_not_processed_twice(allocation, settings):
    assert receive(start(allocation, settings)).line == "verwerkt"
    Referral.objects.filter(pk=allocation.pk).update(delivery_started_on=None)
    outcome = receive(start(allocation, settings))
    assert outcome.line == "dubbel"
    assert Referral.objects.get(pk=allocation.pk).delivery_started_on is None
    assert Message.objects.filter(status=MessageStatus.DUPLICATE, dossier=allocation.dossier).count() == 1
    # the same identification from another sender is another message
    other = start(allocation, settings, sender="87654321")
    assert receive(other).status == MessageStatus.REFUSED  # (but that sender is not the provider)


def _corrupt_xsd(data: bytes) -> bytes:
    root = etree.fromstring(data)
    bsn = root.find(f".//{{{schemas.namespace('305')}}}Bsn")
    bsn.text = "12AB"
    return etree.tostring(root)


@pytest.mark.parametrize(("corrupt", "reason"), [
    (lambda a, s: _corrupt_xsd(start(a, s)), "voldoet niet aan WMO305.xsd"),
    (lambda a, s: b"<niet-af", "geen geldige XML"),
    (lambda a, s: start(a, s, number=999_999), "onbekend ToewijzingNummer 999999"),
    (lambda a, s: start(a, s, bsn="111222333"), "BSN hoort niet bij toewijzing"),
    (lambda a, s: start(a, s, sender="87654321"), "afzender 87654321 is niet de aanbieder"),
    (lambda a, s: start(a, s, started_on=a.starts_on - DAY), "valt buiten toewijzing"),
    (lambda a, s: start(a, s, receiver="0999"), "ontvanger 0999 is niet deze gemeente"),
    (lambda a, s: stop(a, s, ended_on=TODAY + 400 * DAY), None),
])
def test_corrupted_copies_are_refused_and_change_nothing(allocation, settings, corrupt, reason):
    from maatwerk import services
    from maatwerk.allocation import Allocation

    if reason is None:  # an end after the allocation's end
        services.change_allocation(allocation, user=allocation.dossier.team.memberships.first().user,
                                   allocation=Allocation(3, "2", allocation.starts_on, TODAY + 30 * DAY))
        reason = "valt buiten toewijzing"
    before, messages = snapshot(allocation), Message.objects.count()
    outcome = receive(corrupt(allocation, settings), "kapot.xml")
    assert outcome.status == MessageStatus.REFUSED
    assert outcome.line.startswith("geweigerd: ") and reason in outcome.line, outcome.line
    assert snapshot(allocation) == before
    assert Message.objects.count() == messages + 1
    assert outcome.message.reasons and outcome.message.xml


def test_the_unchanged_examples_name_no_known_allocation(allocation):
    for kind in ("305", "307", "317"):
        outcome = receive((examples.EXAMPLES / f"WMO{kind}.xml").read_bytes())
        assert outcome.status == MessageStatus.REFUSED, kind
    assert snapshot(allocation)[0] is None


def test_a_315_lands_in_the_team_queue(allocation, settings, product):
    data = examples.request_315(sender=AGB, receiver=settings.IWMO_GEMEENTECODE, identification="R1",
                                bsn=allocation.client.bsn, category="02", code="02A07", starts_on=TODAY,
                                ends_on=TODAY + 90 * DAY, on=TODAY)
    outcome = receive(data)
    assert outcome.line == "verwerkt"
    (request,) = ProviderRequest.objects.all()
    assert (request.kind, request.dossier, request.client, request.provider) == (
        "315", allocation.dossier, allocation.client, allocation.provider)
    assert request.items[0]["code"] == "02A07" and request.items[0]["volume"] == 4
    assert Task.objects.filter(dossier=allocation.dossier, title__contains="315").exists()


def test_a_315_for_an_unknown_bsn_is_refused_and_only_beheer_sees_it(allocation, settings, generalist_a):
    data = examples.request_315(sender=AGB, receiver=settings.IWMO_GEMEENTECODE, identification="R2",
                                bsn="111222333", category="02", code="02A07", starts_on=TODAY, ends_on=None,
                                on=TODAY)
    outcome = receive(data)
    assert outcome.line == "geweigerd: BSN is geen bekende cliënt"
    assert outcome.message.dossier is None
    assert not Message.objects.for_user(generalist_a).filter(pk=outcome.message.pk).exists()


def test_a_317_lands_as_a_change_request(allocation, settings):
    data = examples.request_317(sender=AGB, receiver=settings.IWMO_GEMEENTECODE, identification="W1",
                                bsn=allocation.client.bsn, number=allocation.allocation_number,
                                starts_on=allocation.starts_on, ends_on=TODAY + 200 * DAY, on=TODAY)
    assert receive(data).line == "verwerkt"
    request = ProviderRequest.objects.get()
    assert list(request.referrals.all()) == [allocation]
    assert request.items[0]["number"] == allocation.allocation_number
    assert isinstance(dt.date.fromisoformat(request.items[0]["ends_on"]), dt.date)
