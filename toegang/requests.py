"""Deciding a provider's request (315: a new allocation; 317: a change) like an aanvraag
(wmo-toegang.md): granted → the allocations are made or changed through maatwerk's services,
which send the 301 and the letter; refused (with RedenAfwijzingVerzoek) or taken into
onderzoek → a 319. Atomic; the dossier is locked first; problems by field."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.rules import Errors, today
from cases.services import lock_dossier
from maatwerk import services as maatwerk_services
from maatwerk.allocation import Allocation
from maatwerk.models import Form, Product, Referral
from toegang import outbound
from toegang.models import Kind, ProviderRequest, RequestStatus

ANSWERS: dict[str, str] = {RequestStatus.REFUSED: "1", RequestStatus.INVESTIGATED: "2"}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _product(request: ProviderRequest, item: dict[str, Any]) -> Product | None:
    return (request.provider.products.filter(iwmo_category=item["category"], iwmo_code=item["code"], active=True)
            .order_by("pk").first())


def _grant_new(request: ProviderRequest, item: dict[str, Any], *, user: Any, reasons: str, held: Any,
               volume: int | None, frequency: str) -> Referral:
    product = _product(request, item)
    if product is None:
        raise ValidationError({"status": _("%(provider)s offers no product %(category)s %(code)s in the catalogue: "
                                           "refuse the request (no contract).")
                               % {"provider": request.provider.name, "category": item["category"],
                                  "code": item["code"]}})
    referral = maatwerk_services.request_referral(
        request.dossier, user=user, client=request.client, product=product, provider=request.provider,
        form=Form.IN_KIND, requested_on=request.received_on, held=held,
        notes=_("Requested by the provider (iWmo %(kind)s)") % {"kind": request.kind})
    allocation = Allocation(volume or item.get("volume"), frequency or item.get("frequency") or "",
                            _date(item.get("starts_on")), _date(item.get("ends_on")))
    return maatwerk_services.decide(referral, user=user, status="toegekend", decided_on=today(), held=held,
                                    reasons=reasons, allocation=allocation)


def _grant_change(request: ProviderRequest, item: dict[str, Any], *, user: Any, reasons: str, held: Any,
                  volume: int | None, frequency: str) -> Referral:
    referral = Referral.objects.select_related("product", "provider").get(allocation_number=item["number"])
    starts_on = _date(item.get("starts_on")) or referral.starts_on
    allocation = Allocation(volume or item.get("volume") or referral.volume,
                            frequency or item.get("frequency") or referral.frequency,
                            starts_on if referral.starts_on is None or (starts_on and starts_on < referral.starts_on)
                            else referral.starts_on,
                            _date(item.get("ends_on")) if item.get("ends_on") else referral.ends_on)
    return maatwerk_services.change_allocation(referral, user=user, allocation=allocation, reasons=reasons,
                                               change="12", held=held)  # RedenWijziging 12: aanbieder


@transaction.atomic
def decide_request(request: ProviderRequest, *, user: Any, status: str, refusal_reason: str = "", reasons: str = "",
                   volume: int | None = None, frequency: str = "") -> ProviderRequest:
    dossier = lock_dossier(user, request.dossier_id)
    request = ProviderRequest.objects.select_for_update().select_related("provider", "client").get(pk=request.pk)
    request.dossier = dossier
    errors = Errors()
    if request.status != RequestStatus.OPEN:
        raise ValidationError(_("This request has been decided already."))
    if status not in (RequestStatus.GRANTED, RequestStatus.REFUSED, RequestStatus.INVESTIGATED):
        errors.add("status", _("Choose a decision."))
    if status == RequestStatus.REFUSED and not refusal_reason:
        errors.add("refusal_reason", _("Choose the reason of refusal; the provider receives it."))
    if status != RequestStatus.REFUSED and refusal_reason:
        errors.add("refusal_reason", _("A reason of refusal belongs to a refusal only."))
    if status == RequestStatus.GRANTED and not reasons.strip():
        errors.add("reasons", _("Write the reasons: the client reads them in the beschikking."))
    errors.raise_if_any()
    if status == RequestStatus.GRANTED:
        granted = []
        for item in request.items:
            grant = _grant_change if request.kind == Kind.CHANGE_REQUEST and item.get("number") else _grant_new
            granted.append(grant(request, item, user=user, reasons=reasons, held=dossier, volume=volume,
                                 frequency=frequency))
        request.referrals.add(*granted)
    else:
        outbound.send_answer(request, answer=ANSWERS[status], reason=refusal_reason)
    request.status, request.refusal_reason = status, refusal_reason
    request.decided_on, request.decided_by = today(), user
    request.save(update_fields=["status", "refusal_reason", "decided_on", "decided_by"])
    return request
