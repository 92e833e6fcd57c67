"""The referrals section of the dossier page, registered with ``cases.extensions``."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.extensions import OpenItem, TimelineItem
from cases.models import EventKind
from cases.timeline import on_date
from maatwerk.models import Referral, Status

WITHDRAW = "withdraw"


def referrals_panel_context(request, dossier, members) -> dict:
    referrals = (
        Referral.objects.for_user(request.user).filter(dossier=dossier).select_related("client", "product", "provider")
    )
    return {"dossier": dossier, "referrals": list(referrals)}


def open_referrals(dossier) -> list[OpenItem]:
    """Closing asks what happens with every referral still awaiting a decision: it is
    withdrawn on the closing date, or its decision is recorded first (the link)."""
    from maatwerk import services

    def settle(referral):
        def run(*, user, choice, on, dossier):
            if choice == WITHDRAW:
                services.decide(referral, user=user, status=Status.WITHDRAWN, decided_on=on, held=dossier)
        return run

    referrals = Referral.objects.filter(dossier=dossier, status=Status.REQUESTED).select_related(
        "client", "product", "provider").order_by("requested_on", "id")
    return [
        OpenItem(
            label=_("referral %(what)s for %(who)s, requested on %(date)s, awaits a decision") % {
                "what": referral, "who": referral.client.display_name if referral.client_id else _("the household"),
                "date": referral.requested_on.strftime("%d-%m-%Y") if referral.requested_on else "?"},
            url=reverse("maatwerk:decide", args=[referral.pk]),
            field=f"settle_referral_{referral.pk}",
            choices=((WITHDRAW, gettext_lazy("Withdraw the request on the closing date")),),
            settle=settle(referral),
        )
        for referral in referrals
    ]


def member_referrals(dossier, client_id) -> str | None:
    if Referral.objects.filter(dossier=dossier, client_id=client_id).exists():
        return _("referrals")
    return None


def imported_referrals(request, dossier) -> list[TimelineItem]:
    """Referrals that came with an import (no status was ever set here, so no event): on the
    timeline on their request date with their status. One query."""
    imported = (Referral.objects.for_user(request.user).filter(dossier=dossier, status_changes__isnull=True,
                                                               requested_on__isnull=False)
                .select_related("product", "provider"))
    return [
        TimelineItem(at=on_date(r.requested_on), title=str(EventKind.REFERRAL.label), on=r.requested_on,
                     detail=f"{r}: {r.get_status_display()}", url=r.get_absolute_url(), extra={"imported": True})
        for r in imported
    ]
