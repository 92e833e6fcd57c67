"""Small builders for the indicator tests: dossiers with explicit dates, ZRM
measurements with scores per domain code, referrals. Everything is written straight to
the database (no lifecycle rules), because the indicators are computed from stored
data and the tests need exact dates."""

import datetime as dt

from cases.factories import ClientFactory, DossierFactory, DossierMemberFactory, ReferrerFactory
from cases.models import Client, Dossier, DossierSafeguard, MemberRole, Team
from maatwerk.models import Category, Product, Provider, Referral, Status
from zrm.models import Domain, Instrument, Measurement, canonical_scores


def dossier(team: Team, registered_on: dt.date, *, members: int | list[Client] = 1, **fields) -> Dossier:
    """A dossier of ``team`` with ``members`` new clients (or the given clients) as members.

    ``closed_on`` without ``closure_reason`` gets ``volgens_plan`` (a closed dossier needs a reason)."""
    if fields.get("closed_on") and not fields.get("closure_reason"):
        fields["closure_reason"] = "volgens_plan"
    result = DossierFactory(team=team, registered_on=registered_on, **fields)
    clients = members if isinstance(members, list) else [ClientFactory() for _ in range(members)]
    for index, client in enumerate(clients):
        DossierMemberFactory(dossier=result, client=client,
                             role=MemberRole.APPLICANT if index == 0 else MemberRole.PARTNER)
    return result


def referrer(code: str, *, self_referral: bool = False):
    return ReferrerFactory(code=code, name=code.title(), self_referral=self_referral)


def safeguard(target: Dossier, *codes: str) -> None:
    DossierSafeguard.objects.bulk_create(DossierSafeguard(dossier=target, safeguard=code) for code in codes)


def measurement(target: Dossier, type: str, measured_on: dt.date, scores: dict[str, int], *,
                client: Client | str | None = "first", instrument: str = "zrm-2013") -> Measurement:
    """A measurement scoring the domain codes in ``scores`` (other domains: no score = n.v.t.).

    ``client="first"`` (default) is the dossier's first member; ``client=None`` the household."""
    if client == "first":
        client = target.members.order_by("id").first().client
    tool = Instrument.objects.get(code=instrument)
    unknown = set(scores) - set(Domain.objects.filter(instrument=tool).values_list("code", flat=True))
    assert not unknown, f"not domains of {instrument}: {unknown}"
    return Measurement.objects.create(dossier=target, client=client, instrument=tool, type=type,
                                      measured_on=measured_on, scores=canonical_scores(scores))


def product(code: str, category: str = Category.GUIDANCE) -> Product:
    return Product.objects.get_or_create(code=code, defaults={"name": f"Product {code}", "category": category})[0]


def provider(code: str) -> Provider:
    return Provider.objects.get_or_create(code=code, defaults={"name": f"Aanbieder {code}"})[0]


def referral(target: Dossier, product_code: str, provider_code: str, *, status: str = Status.GRANTED,
             decided_on: dt.date | None = None, starts_on: dt.date | None = None,
             category: str = Category.GUIDANCE) -> Referral:
    return Referral.objects.create(
        dossier=target, client=target.members.order_by("id").first().client,
        product=product(product_code, category), provider=provider(provider_code), status=status,
        requested_on=decided_on, decided_on=decided_on, starts_on=starts_on,
    )
