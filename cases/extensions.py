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

from cases.labels import field_label


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
    ``settle(user=, choice=, on=closing date, dossier=)`` inside its transaction, with the
    dossier it has locked (still open; pass it on as ``held``, see
    ``cases.services.lock_dossier``), which raises ``ValidationError`` when it cannot. An
    item without choices must be settled on its own page (``url``) before the dossier closes."""

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


_transfer_hooks: list[Callable[..., None]] = []


def register_transfer_hook(hook: Callable[..., None]) -> None:
    """``hook(dossier, *, user, from_team, note)``: called inside the transfer's transaction
    (the dossier locked, already in its new team), e.g. to give the receiving team a task."""
    if hook not in _transfer_hooks:
        _transfer_hooks.append(hook)


def dossier_transferred(dossier, *, user, from_team, note: str) -> None:
    for hook in _transfer_hooks:
        hook(dossier, user=user, from_team=from_team, note=note)


def register_member_usage(source: Callable[..., str | None]) -> None:
    """``source(dossier, client_id) -> str | None``: why the member cannot leave the household
    (e.g. "ZRM measurements"), or None."""
    if source not in _member_usages:
        _member_usages.append(source)


def member_in_use(dossier, client_id: int) -> list[str]:
    return [reason for source in _member_usages if (reason := source(dossier, client_id))]


# --- Retention, destruction and inzage (docs/adr/0110, 0111, 0112) -------------------------

DESTRUCTION_CHUNK = 5000  # ids per query: SQLite and PostgreSQL drivers limit parameters


def chunks(ids, size: int = DESTRUCTION_CHUNK):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


@dataclass(frozen=True)
class DestructionStep:
    order: int
    # step(dossier_ids: list[int], client_ids: list[int]) -> {label: rows removed}; runs inside
    # the destroying transaction (files: delete them in transaction.on_commit). client_ids are
    # the clients removed with these dossiers (no other dossier); other members stay.
    step: Callable[..., dict]
    kind: str = "dossier"


@dataclass(frozen=True)
class DataKind:
    """A data kind an organisation may keep shorter than the whole dossier
    (``RETENTION_YEARS_BY_KIND``). ``present(dossiers)`` narrows a Dossier queryset to the
    dossiers that still hold rows of this kind."""

    kind: str
    label: str
    present: Callable[..., Any]


_destruction_steps: list[DestructionStep] = []
_data_kinds: dict[str, DataKind] = {}


def register_destruction_step(step: Callable[..., dict], *, order: int = 50, kind: str = "dossier") -> None:
    """Remove this app's rows of the destroyed dossiers and clients. Steps run by ``order``
    (apps higher in the graph first: lower numbers); ``cases`` itself runs last (members,
    dossiers, clients, the access log's anonymisation). ``kind`` "dossier" is the whole dossier;
    another kind is a partial destruction of that data kind only (see register_data_kind)."""
    if any(s.step is step and s.kind == kind for s in _destruction_steps):
        return
    _destruction_steps.append(DestructionStep(order, step, kind))
    _destruction_steps.sort(key=lambda s: s.order)


def destruction_steps(kind: str = "dossier") -> list[DestructionStep]:
    return [s for s in _destruction_steps if s.kind == kind]


def register_data_kind(kind: str, *, label, present: Callable[..., Any]) -> None:
    _data_kinds.setdefault(kind, DataKind(kind, label, present))


def data_kinds() -> dict[str, DataKind]:
    return dict(_data_kinds)


@dataclass(frozen=True)
class InzageSection:
    """A part of an inzage export (AVG art. 15): rows of (column label -> text) from one model."""

    title: str
    rows: list[dict]
    model: str = ""  # "app_label.ModelName" the rows come from (the completeness test checks it)


_inzage_sources: list[tuple[int, Callable[..., list[InzageSection]]]] = []


def register_inzage_section(source: Callable[..., list[InzageSection]], *, order: int = 50) -> None:
    """``source(client, dossier_ids) -> list[InzageSection]``: everything this app stores
    about the client (rows of the client, and the household-wide rows of the dossiers the
    client is a member of). Not scoped to a team: only functional administrators export."""
    if all(existing is not source for _order, existing in _inzage_sources):
        _inzage_sources.append((order, source))
        _inzage_sources.sort(key=lambda pair: pair[0])


def inzage_sections(client, dossier_ids: list[int]) -> list[InzageSection]:
    sections: list[InzageSection] = []
    for _order, source in _inzage_sources:
        sections.extend(source(client, dossier_ids))
    return sections


def delete_by(field: str, ids: list[int], *models) -> dict:
    """Delete the rows of ``models`` whose ``field`` is in ``ids``, in chunks, with one plain
    DELETE each: {model label: rows removed}, as a destruction step returns it.

    No model signals and no cascades on purpose (docs/adr/0110): a signal could write what
    is being destroyed somewhere else (a change history), and fetching every row for the
    collector costs minutes at 100,000 dossiers. Every app deletes its own rows; the foreign
    keys (deferred) are checked before the destruction commits, so a row an app left behind
    that still points at a destroyed one makes the whole destruction fail, never half-done."""
    counts: dict[str, int] = {}
    for chunk in chunks(ids):
        for model in models:
            queryset = model._base_manager.filter(**{f"{field}__in": chunk})
            number = queryset._raw_delete(queryset.db)
            if number:
                counts[model._meta.label] = counts.get(model._meta.label, 0) + number
    return counts


def readable_rows(objects, *, skip: tuple[str, ...] = ("id", "ref", "created_at", "updated_at")) -> list[dict]:
    """Rows for an inzage section: every field of each object under its (translated) name,
    choices by their label, a related object by its text. Ask ``select_related`` for the
    relations shown."""
    rows = []
    for obj in objects:
        row = {}
        for model_field in obj._meta.concrete_fields:
            if model_field.name in skip:
                continue
            if model_field.is_relation:
                value = getattr(obj, model_field.attname)
                if value is not None:
                    related = getattr(obj, model_field.name)
                    # a worker by name, not by username
                    value = (related.get_full_name() or related.username) if hasattr(related, "get_full_name") \
                        else str(related)
            elif model_field.choices:
                value = getattr(obj, f"get_{model_field.name}_display")()
            else:
                value = getattr(obj, model_field.attname)
            row[field_label(model_field)] = "" if value is None else value
        rows.append(row)
    return rows
