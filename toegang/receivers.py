"""What follows a referral's decision or change (``maatwerk.signals.referral_changed``, inside
maatwerk's transaction; raising rolls the change back): the beschikking letter, and the 301
toewijzing for the provider when the referral goes by iWmo.

``change`` says what happened: "decided" (granted, rejected or withdrawn), "changed" (period
or omvang), "redecided" (after an upheld objection), or an iWmo RedenWijziging code when the
allocation was ended early for that reason. ``before`` is the allocation before a change
(volume, frequency, starts_on, ends_on)."""

from typing import Any

from maatwerk.models import Referral, Status
from toegang import letters, outbound
from toegang.models import LetterKind

EXTENDED, SHORTENED, CORRECTED = "04", "05", "14"  # RedenWijziging


def change_reason(referral: Referral, change: str, before: tuple[Any, ...] | None) -> str:
    """The RedenWijziging of a changed allocation: the one chosen for an early end; a later or
    no end: verlenging (04); an earlier end: verkorting (05); anything else (start, omvang):
    administratieve correctie (14)."""
    if change not in ("changed", "redecided", "decided"):
        return change
    if before is None:
        return CORRECTED
    old_end = before[3]
    if old_end != referral.ends_on:
        if referral.ends_on is None or (old_end is not None and referral.ends_on > old_end):
            return EXTENDED
        return SHORTENED
    return CORRECTED


def referral_changed(sender: object, *, referral: Referral, user: Any = None, change: str = "",
                     before: tuple[Any, ...] | None = None, **kwargs: Any) -> None:
    referral = Referral.objects.select_related("client", "product", "provider", "dossier__team").get(pk=referral.pk)
    if change == "decided":
        if referral.status not in (Status.GRANTED, Status.REJECTED):
            return
        letters.issue(referral, LetterKind.GRANTED if referral.status == Status.GRANTED else LetterKind.REJECTED,
                      user=user)
        if referral.status == Status.GRANTED and outbound.goes_out(referral):
            outbound.send_allocations([referral])
        return
    if change == "redecided":
        letters.issue(referral, LetterKind.REDECIDED, user=user)
        if referral.status == Status.GRANTED and outbound.goes_out(referral):
            outbound.send_allocations([referral], reasons={referral.pk: CORRECTED})
        return
    if referral.status != Status.GRANTED:
        return
    letters.issue(referral, LetterKind.CHANGED, user=user)
    if outbound.goes_out(referral):
        outbound.send_allocations([referral], reasons={referral.pk: change_reason(referral, change, before)})
