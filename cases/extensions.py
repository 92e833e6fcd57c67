"""Extension points of the dossier page, its timeline and its closing.

``cases`` is the base of the app graph and imports no other app. Apps that add to a dossier
(ZRM, maatwerk, the plan, the journal, ...) register here from their ``AppConfig.ready()``:

    from cases import extensions
    extensions.register_dossier_panel(order=20, template="zrm/_panel.html", context=zrm_panel_context)

The dossier view then asks every registered panel for its context, so all queries of the
page are made by the view (none hide in template tags), and the template includes each
panel's template in ``order``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class DossierPanel:
    order: int
    template: str
    # context(request, dossier, members) -> dict for the template (scoped by the caller's user)
    context: Callable[..., dict]


@dataclass(frozen=True)
class TimelineItem:
    """One line on the dossier timeline contributed by another app (a journal entry, a
    goal set, ...). ``at`` sorts the timeline; ``on`` is the date the item is about."""

    at: datetime
    title: str
    on: date | None = None
    detail: str = ""
    user: Any = None
    url: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class OpenItem:
    """Something that is still open on a dossier and must be settled when it is closed
    (a referral awaiting a decision, a goal still ``lopend``).

    The close form asks, per item, one of ``choices`` ((value, label) pairs) in a field
    named ``field`` (unique on the dossier, e.g. ``settle_referral_12``); closing calls
    ``settle(user=, choice=, on=closing date)`` inside its transaction (the dossier is
    locked and still open), which raises ``ValidationError`` when it cannot. An item
    without choices must be settled on its own page (``url``) before the dossier closes."""

    label: str
    url: str = ""
    field: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    settle: Callable[..., None] | None = None


_panels: list[DossierPanel] = []
_timeline_sources: list[Callable[..., list[TimelineItem]]] = []
_open_item_sources: list[Callable[..., list[OpenItem]]] = []
_member_usages: list[Callable[..., str | None]] = []


def register_dossier_panel(*, order: int, template: str, context: Callable[..., dict]) -> None:
    if any(p.template == template for p in _panels):  # ready() may run twice in tests
        return
    _panels.append(DossierPanel(order, template, context))
    _panels.sort(key=lambda p: p.order)


def dossier_panels(request, dossier, members) -> list[tuple[str, dict]]:
    """(template, context) per registered panel, in order."""
    return [(p.template, p.context(request, dossier, members)) for p in _panels]


def register_timeline_source(source: Callable[..., list[TimelineItem]]) -> None:
    """``source(request, dossier) -> list[TimelineItem]``, already scoped to the user."""
    if source not in _timeline_sources:
        _timeline_sources.append(source)


def timeline_items(request, dossier) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    for source in _timeline_sources:
        items.extend(source(request, dossier))
    return items


def register_open_items(source: Callable[..., list[OpenItem]]) -> None:
    """``source(dossier) -> list[OpenItem]``: what must be settled before the dossier closes."""
    if source not in _open_item_sources:
        _open_item_sources.append(source)


def open_items(dossier) -> list[OpenItem]:
    items: list[OpenItem] = []
    for source in _open_item_sources:
        items.extend(source(dossier))
    return items


def register_member_usage(source: Callable[..., str | None]) -> None:
    """``source(dossier, client_id) -> str | None``: why the member cannot leave the household
    (e.g. "ZRM measurements"), or None."""
    if source not in _member_usages:
        _member_usages.append(source)


def member_in_use(dossier, client_id: int) -> list[str]:
    return [reason for source in _member_usages if (reason := source(dossier, client_id))]
