"""A provider's request decided like an aanvraag (granted → 301, refused or investigated →
319), and the two commands of the spec with their output lines and exit codes."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from maatwerk.models import Referral
from toegang import requests
from toegang.inbound import receive
from toegang.iwmo import examples, schemas
from toegang.models import Kind, Message, ProviderRequest
from toegang.tests.conftest import DAY, TODAY

AGB = "12345678"


@pytest.fixture
def request_315(allocation, settings):
    receive(examples.request_315(sender=AGB, receiver=settings.IWMO_GEMEENTECODE, identification="R1",
                                 bsn=allocation.client.bsn, category="02", code="02A07", starts_on=TODAY,
                                 ends_on=TODAY + 90 * DAY, on=TODAY))
    return ProviderRequest.objects.get()


@pytest.mark.parametrize(("status", "reason", "answer"), [("afgewezen", "3", "1"), ("onderzoek", "", "2")])
def test_a_refused_or_investigated_request_is_answered_with_a_319(request_315, generalist_a, status, reason,
                                                                  answer):
    requests.decide_request(request_315, user=generalist_a, status=status, refusal_reason=reason)
    message = Message.objects.filter(kind=Kind.ANSWER).get()
    root = schemas.parse(message.xml.encode()).root
    ns = {"w": schemas.namespace("319")}
    assert root.findtext("w:Antwoord/w:VerzoekAntwoord", namespaces=ns) == answer
    assert root.findtext("w:Antwoord/w:ReferentieAanbieder", namespaces=ns) == "R1"
    assert (root.findtext("w:Antwoord/w:RedenAfwijzingVerzoek", namespaces=ns) or "") == reason
    assert message.receiver == AGB


def test_a_granted_315_becomes_a_granted_referral_with_its_301(request_315, generalist_a):
    before = Message.objects.filter(kind=Kind.ALLOCATION).count()
    requests.decide_request(request_315, user=generalist_a, status="toegekend", reasons="Past bij de vraag.")
    (referral,) = request_315.referrals.all()
    assert (referral.status, referral.volume, referral.unit, referral.frequency) == ("toegekend", 4, "04", "4")
    assert Message.objects.filter(kind=Kind.ALLOCATION).count() == before + 1


def test_a_refusal_needs_its_reason(request_315, generalist_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        requests.decide_request(request_315, user=generalist_a, status="afgewezen")
    assert "refusal_reason" in refused.value.message_dict


def test_a_granted_317_changes_the_allocation_with_reason_12(allocation, settings, generalist_a):
    receive(examples.request_317(sender=AGB, receiver=settings.IWMO_GEMEENTECODE, identification="W1",
                                 bsn=allocation.client.bsn, number=allocation.allocation_number,
                                 starts_on=allocation.starts_on, ends_on=TODAY + 200 * DAY, on=TODAY))
    requests.decide_request(ProviderRequest.objects.get(), user=generalist_a, status="toegekend", reasons="Langer.")
    assert Referral.objects.get(pk=allocation.pk).ends_on == TODAY + 200 * DAY
    latest = Message.objects.filter(kind=Kind.ALLOCATION).order_by("-pk").first()
    assert "<wmo301:RedenWijziging>12</wmo301:RedenWijziging>" in latest.xml


def test_iwmo_receive_prints_a_line_per_file_and_exits_1_on_a_refusal(allocation, settings, tmp_path):
    good = tmp_path / "a.xml"
    good.write_bytes(examples.delivery("305", sender=AGB, receiver=settings.IWMO_GEMEENTECODE,
                                       identification="C1", bsn=allocation.client.bsn,
                                       number=allocation.allocation_number, starts_on=allocation.starts_on,
                                       started_on=allocation.starts_on))
    bad = tmp_path / "b.xml"
    bad.write_bytes(b"<geen/>")
    out = io.StringIO()
    call_command("iwmo_receive", str(good), str(good), stdout=out)
    assert out.getvalue().splitlines() == ["verwerkt", "dubbel"]
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("iwmo_receive", str(bad), stdout=out)
    assert failed.value.returncode == 1
    assert out.getvalue().splitlines() == ["geweigerd: geen iWmo 3.2-bericht (onbekende naamruimte of hoofdelement)"]


def test_iwmo_301_writes_a_message_per_referral_and_names_those_it_cannot(allocation, tmp_path, generalist_a):
    pgb = Referral.objects.get(pk=allocation.pk)
    pgb.pk, pgb.ref, pgb.form, pgb.allocation_number = None, "PGB1", "pgb", None
    pgb.save()
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("iwmo_301", allocation.ref, "PGB1", "ONBEKEND", "--out", str(tmp_path / "uit"), stdout=out)
    assert failed.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert lines[1] == "PGB1: geen 301: a personal budget (pgb) goes through the SVB, not iWmo" or "SVB" in lines[1]
    assert lines[2] == "ONBEKEND: geen 301: onbekende verwijzing"
    (written,) = (tmp_path / "uit").iterdir()
    assert lines[0] == f"{allocation.ref}: {written}"
    assert schemas.parse(written.read_bytes()).kind == "301"


def test_iwmo_301_refuses_a_client_without_birth_date(allocation, tmp_path):
    allocation.client.birth_date = None
    allocation.client.save()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("iwmo_301", allocation.ref, "--out", str(tmp_path), stdout=out)
    assert "date of birth" in out.getvalue() or "geboortedatum" in out.getvalue()
    assert not list(tmp_path.iterdir())
