"""The demo's Wmo toegang: meldingen, allocations with omvang and delivered care import without
problems; the demo's iWmo exchange sends 301s and processes 305s, and every outbound message of
the demo validates against its XSD."""

import pytest

from exchange import demo_wmo
from exchange.demo import DemoBundle
from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import today
from maatwerk.models import Melding, Referral
from toegang.iwmo import schemas
from toegang.models import Direction, Message, MessageStatus


@pytest.mark.django_db
def test_demo_meldingen_allocations_delivery_and_messages(tmp_path):
    written = DemoBundle(300, today=today(), seed=3).generate().write(tmp_path)
    assert written["wmo_meldingen.csv"] > 0
    result = import_bundle(tmp_path)
    assert result.ok, [str(p) for p in result.problems[:20]]
    assert Melding.objects.filter(verslag_on__isnull=False).exists()
    granted = Referral.objects.filter(volume__isnull=False, allocation_number__isnull=False)
    assert granted.exists() and granted.filter(delivery_started_on__isnull=False).exists()
    from exchange.management.commands.demo_data import Command

    Command()._name_clients(3)  # as the demo command does after the import
    exchanged = demo_wmo.exchange_messages(limit=10)
    assert exchanged["301"] > 0
    outbound = Message.objects.filter(direction=Direction.OUT)
    assert outbound.count() == exchanged["301"]
    for message in outbound:
        assert schemas.parse(message.xml.encode("utf-8")).kind == "301"
    assert Message.objects.filter(direction=Direction.IN, status=MessageStatus.PROCESSED).count() == exchanged["305"]
