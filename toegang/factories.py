"""Factories of the Wmo toegang tests and demo data: an iWmo catalogue entry (a product with
iWmo codes and a tariff, a provider with an AGB code) and a granted allocation made through
maatwerk's services (so its letter and its 301 exist as in real use)."""

import datetime as dt
from typing import Any, cast

from cases.factories import household
from cases.models import Client, Team
from maatwerk import services
from maatwerk.allocation import Allocation
from maatwerk.factories import ProductFactory, ProviderFactory
from maatwerk.models import Category, Form, IwmoFrequency, IwmoUnit, Melding, Product, Provider, Referral

AGB = "12345678"


def iwmo_product(code: str = "iab-iwmo", **fields: Any) -> Product:
    defaults = {"name": "Individuele ambulante begeleiding", "category": Category.GUIDANCE, "iwmo_category": "02",
                "iwmo_code": "02A07", "unit": IwmoUnit.HOUR, "tariff_cents": 6240}
    return cast(Product, ProductFactory(code=code, **{**defaults, **fields}))


def iwmo_provider(products: list[Product], code: str = "zorg-iwmo", agb_code: str = AGB, **fields: Any) -> Provider:
    provider = cast(Provider, ProviderFactory(
        code=code, name=fields.pop("name", "Zorg Utrecht"), products=products))
    provider.agb_code = agb_code
    provider.save(update_fields=["agb_code"])
    return provider


def person(client: Client, *, given_name: str = "Łucja", prefix: str = "van", family_name: str = "Şahin-Čapková",
           address: str = "Oudegracht 12a", postcode: str = "3511AB", bsn: str | None = None) -> Client:
    client.given_name, client.family_name_prefix, client.family_name = given_name, prefix, family_name
    client.address, client.postcode, client.gender = address, postcode, "v"
    client.phone, client.email = "06-12345678", "lucja@example.org"
    client.birth_date = client.birth_date or dt.date(1961, 3, 14)
    if bsn is not None:
        client.bsn = bsn
    client.save()
    return client


def granted_allocation(team: Team, user: Any, *, today: dt.date, product: Product | None = None,
                       provider: Provider | None = None, volume: int = 3, frequency: str = IwmoFrequency.PER_WEEK,
                       ends_on: dt.date | None = None, reasons: str = "Begeleiding bij dagstructuur.") -> Referral:
    """A household with a named client, and a referral of that client granted with an omvang."""
    dossier = household(team, registered_on=today - dt.timedelta(days=90))
    first = dossier.members.order_by("id").first()
    assert first is not None
    client = person(first.client)
    product = product or iwmo_product()
    provider = provider or iwmo_provider([product])
    referral = services.request_referral(dossier, user=user, client=client, product=product, provider=provider,
                                         form=Form.IN_KIND, requested_on=today - dt.timedelta(days=30))
    return services.decide(referral, user=user, status="toegekend", decided_on=today - dt.timedelta(days=20),
                           reasons=reasons, allocation=Allocation(volume, frequency, today - dt.timedelta(days=15),
                                                                  ends_on))


# ---- objects on a given dossier (tests/test_persona_matrix.py: made("toegang.factories:...")) ----


def melding(dossier: Any) -> Melding:

    member = dossier.members.order_by("id").first()
    return Melding.objects.create(dossier=dossier, client=member.client if member else None,
                                  melding_on=dossier.registered_on, verslag="Verslag van het gesprek.")


def letter(dossier: Any) -> Any:
    """A letter of a referral of the dossier (made as it would be printed)."""
    from maatwerk.factories import ReferralFactory
    from toegang.letters import beschikking_pdf
    from toegang.models import Letter, LetterKind

    referral = cast(Referral, ReferralFactory(dossier=dossier))
    return Letter.objects.create(referral=referral, kind=LetterKind.REJECTED, issued_on=dossier.registered_on,
                                 pdf=beschikking_pdf(referral, LetterKind.REJECTED, dossier.registered_on))


def message(dossier: Any) -> Any:
    """A processed 305 about the dossier's first member (its XML names the member's BSN)."""
    from toegang.models import Direction, Kind, Message, MessageStatus

    member = dossier.members.order_by("id").first()
    return Message.objects.create(
        direction=Direction.IN, kind=Kind.STARTED, sender=AGB, receiver="0344",
        identification=f"F{Message.objects.count() + 1}",
        status=MessageStatus.PROCESSED, xml=f"<Bericht><Bsn>{member.client.bsn}</Bsn></Bericht>", dossier=dossier,
        client=member.client)


def provider_request(dossier: Any) -> Any:
    from toegang.models import Kind, ProviderRequest

    member = dossier.members.order_by("id").first()
    product = iwmo_product(code=f"iwmo-{dossier.pk}")
    provider = iwmo_provider([product], code=f"iwmo-{dossier.pk}")
    return ProviderRequest.objects.create(
        message=message(dossier), kind=Kind.REQUEST, dossier=dossier, client=member.client, provider=provider,
        reference="R1", received_on=dossier.registered_on,
        items=[{"category": "02", "code": "02A07", "number": None, "starts_on": None, "ends_on": None,
                "volume": 2, "unit": "04", "frequency": "2"}])


def refused_message(dossier: Any = None) -> Any:
    """A refused message whose client is unknown: no dossier (only beheer sees it)."""
    from toegang.models import Direction, Message, MessageStatus

    return Message.objects.create(direction=Direction.IN, kind="305", sender=AGB, receiver="0344",
                                  identification="X1", status=MessageStatus.REFUSED,
                                  reasons=["BSN hoort niet bij toewijzing 1"], xml="<Bericht/>")
