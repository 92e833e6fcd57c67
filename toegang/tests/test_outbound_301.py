"""Granting an iWmo referral sends a 301 holding the client and the allocation; a change sends
a new one with the right RedenWijziging; one message per client and provider; a referral that
cannot become a valid 301 is refused with the reason and nothing changes."""

import pytest
from django.core.exceptions import ValidationError
from lxml import etree

from maatwerk import services
from maatwerk.allocation import Allocation
from maatwerk.models import Form, Referral
from toegang import outbound
from toegang.iwmo import schemas
from toegang.models import Direction, Kind, Letter, Message, MessageStatus
from toegang.tests.conftest import DAY, TODAY

NS = {"w": schemas.namespace("301"), "i": schemas.BASE}


def xml(message):
    return etree.fromstring(message.xml.encode("utf-8"))


def test_granting_sends_one_valid_301_with_client_and_allocation(allocation, settings):
    (message,) = Message.objects.filter(direction=Direction.OUT)
    assert (message.kind, message.status) == (Kind.ALLOCATION, MessageStatus.READY)
    assert (message.sender, message.receiver) == (settings.IWMO_GEMEENTECODE, "12345678")
    assert message.identification == f"B{message.pk:011d}"
    assert list(message.referrals.all()) == [allocation]
    root = xml(message)
    schemas.validate(root, "301")
    assert root.findtext("w:Client/w:Bsn", namespaces=NS) == allocation.client.bsn
    assert root.findtext("w:Client/w:Naam/i:Geslachtsnaam/i:Achternaam", namespaces=NS) == "Şahin-Čapková"
    assert root.findtext("w:Client/w:Naam/i:Voorletters", namespaces=NS) == "Ł"
    product = root.find("w:Client/w:ToegewezenProducten/w:ToegewezenProduct", NS)
    assert product.findtext("w:ToewijzingNummer", namespaces=NS) == str(allocation.allocation_number)
    assert product.findtext("w:Product/i:Code", namespaces=NS) == "02A07"
    assert product.findtext("w:Omvang/i:Volume", namespaces=NS) == "3"
    assert product.findtext("w:Omvang/i:Eenheid", namespaces=NS) == "04"
    assert product.findtext("w:Omvang/i:Frequentie", namespaces=NS) == "2"
    assert product.find("w:RedenWijziging", NS) is None
    assert Letter.objects.filter(referral=allocation, kind="toekenning").count() == 1


@pytest.mark.parametrize(("ends_on", "reason"), [(TODAY + 300 * DAY, "04"), (TODAY + 10 * DAY, "05")])
def test_a_changed_period_sends_a_301_with_its_reason(allocation, generalist_a, ends_on, reason):
    referral = Referral.objects.get(pk=allocation.pk)
    services.change_allocation(referral, user=generalist_a, allocation=Allocation(
        3, "2", referral.starts_on, TODAY + 100 * DAY))
    services.change_allocation(referral, user=generalist_a, allocation=Allocation(3, "2", referral.starts_on, ends_on))
    latest = Message.objects.filter(direction=Direction.OUT).order_by("-pk").first()
    assert xml(latest).findtext(".//w:RedenWijziging", namespaces=NS) == reason
    assert xml(latest).findtext(".//w:Einddatum", namespaces=NS) == ends_on.isoformat()


def test_an_early_end_sends_the_chosen_reason_and_an_omvang_change_a_correction(allocation, generalist_a):
    services.change_allocation(allocation, user=generalist_a, allocation=Allocation(
        4, "2", allocation.starts_on, None))
    assert xml(Message.objects.order_by("-pk").first()).findtext(".//w:RedenWijziging", namespaces=NS) == "14"
    services.change_allocation(allocation, user=generalist_a, change="07", allocation=Allocation(
        4, "2", allocation.starts_on, TODAY))
    assert xml(Message.objects.order_by("-pk").first()).findtext(".//w:RedenWijziging", namespaces=NS) == "07"
    assert Letter.objects.filter(referral=allocation, kind="wijziging").count() == 2


def test_one_message_per_client_and_provider_holds_that_clients_allocations(allocation, generalist_a, product,
                                                                              provider):
    second = services.request_referral(allocation.dossier, user=generalist_a, client=allocation.client,
                                       product=product, provider=provider, form=Form.IN_KIND,
                                       requested_on=TODAY - 5 * DAY)
    second = services.decide(second, user=generalist_a, status="toegekend", decided_on=TODAY, reasons="Meer uren.",
                             allocation=Allocation(2, "4", TODAY, None))
    Message.objects.all().delete()
    (message,) = outbound.send_allocations([Referral.objects.get(pk=allocation.pk), second])
    numbers = xml(message).findall(".//w:ToewijzingNummer", NS)
    assert sorted(int(n.text) for n in numbers) == sorted([allocation.allocation_number, second.allocation_number])


def test_allocation_numbers_are_given_once_above_every_number(allocation, team_a, generalist_a, product, provider):
    Referral.objects.filter(pk=allocation.pk).update(allocation_number=777)
    from toegang.factories import granted_allocation

    later = granted_allocation(team_a, generalist_a, today=TODAY, product=product, provider=provider)
    assert later.allocation_number == 778
    Referral.objects.filter(pk=later.pk).delete()
    again = granted_allocation(team_a, generalist_a, today=TODAY, product=product, provider=provider)
    assert again.allocation_number == 779  # 778 is never given again


def test_a_client_without_bsn_cannot_be_granted_an_iwmo_allocation(team_a, generalist_a, product, provider):
    from cases.factories import household
    from toegang.factories import person

    dossier = household(team_a, registered_on=TODAY - 60 * DAY)
    client = person(dossier.members.first().client, bsn="")
    referral = services.request_referral(dossier, user=generalist_a, client=client, product=product,
                                         provider=provider, form=Form.IN_KIND, requested_on=TODAY - 3 * DAY)
    with pytest.raises(ValidationError, match="BSN"):
        services.decide(referral, user=generalist_a, status="toegekend", decided_on=TODAY, reasons="Nodig.",
                        allocation=Allocation(3, "2", TODAY, None))
    referral.refresh_from_db()
    assert (referral.status, referral.allocation_number) == ("aangevraagd", None)
    assert not Message.objects.exists() and not Letter.objects.exists()


def test_an_iwmo_grant_needs_omvang_and_start(team_a, generalist_a, product, provider, allocation):
    referral = services.request_referral(allocation.dossier, user=generalist_a, client=allocation.client,
                                         product=product, provider=provider, form=Form.IN_KIND,
                                         requested_on=TODAY - 3 * DAY)
    with pytest.raises(ValidationError) as refused:
        services.decide(referral, user=generalist_a, status="toegekend", decided_on=TODAY, reasons="x")
    assert {"volume", "starts_on"} <= set(refused.value.message_dict)
    with pytest.raises(ValidationError) as refused:
        services.decide(referral, user=generalist_a, status="toegekend", decided_on=TODAY, reasons="x",
                        allocation=Allocation(0, "3", TODAY, TODAY - DAY))
    assert {"volume", "frequency", "ends_on"} <= set(refused.value.message_dict)


def test_a_pgb_grant_sends_no_301(team_a, generalist_a, product, provider, allocation):
    referral = services.request_referral(allocation.dossier, user=generalist_a, client=allocation.client,
                                         product=product, provider=provider, form=Form.BUDGET,
                                         requested_on=TODAY - 3 * DAY)
    before = Message.objects.count()
    services.decide(referral, user=generalist_a, status="toegekend", decided_on=TODAY, reasons="pgb",
                    allocation=Allocation(3, "2", TODAY, None))
    assert Message.objects.count() == before


def test_the_outbound_file_is_written_once_committed(allocation, django_capture_on_commit_callbacks, generalist_a,
                                                     settings):
    with django_capture_on_commit_callbacks(execute=True):
        services.change_allocation(allocation, user=generalist_a,
                                   allocation=Allocation(5, "2", allocation.starts_on, None))
    message = Message.objects.order_by("-pk").first()
    assert message.status == MessageStatus.SENT
    written = settings.IWMO_OUTBOX_DIR / f"{message.identification}.xml"
    assert written.read_text(encoding="utf-8") == message.xml
    assert schemas.parse(written.read_bytes()).kind == "301"
