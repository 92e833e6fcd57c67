"""The change history as the team reads it (docs/adr/0101): on the dossier page (a panel),
the client page and their full history pages. Values are shown as on the pages themselves:
choices by their label, dates as dd-mm-jjjj, a related object by its name (one query per
kind of related object shown)."""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext as _

from cases.labels import attname_label
from cases.models import ChangeRecord
from cases.permissions import team_ids

PANEL_SIZE = 10


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


def dossier_records(dossier):
    """Every change recorded about the dossier and what belongs to it (the caller scoped the dossier)."""
    return ChangeRecord.objects.filter(dossier_id=dossier.pk).select_related("user")


def client_records(user, client):
    """Changes of the client and of what belongs to them in dossiers of the user's teams
    (not what another team's dossier holds about them)."""
    mine = Q(dossier__isnull=True) | Q(dossier_id__in=apps.get_model("cases", "Dossier").objects
                                       .filter(team_id__in=team_ids(user)).values("pk"))
    return ChangeRecord.objects.filter(mine, client_id=client.pk).select_related("user")


def _user_name(user) -> str:
    return user.get_full_name() or user.username


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _field_map(model) -> dict:
    return {f.attname: f for f in model._meta.concrete_fields} if model is not None else {}


def _text(field, value, related: dict) -> str:
    if value is None or value == "":
        return "–"
    if field is None:
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if field.is_relation:
        return related.get((field.related_model, value), f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
        except ValueError:
            return value
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def readable(records, *, values: bool = True) -> list:
    """The records with ``kind`` (what was changed) and ``fields`` (FieldChange, in order).
    Without ``values`` only the fields' names (no query beyond the records themselves, so a
    page's query count does not depend on which kinds of objects changed)."""
    records = list(records)
    wanted: dict = {}
    for record in records if values else ():
        fields = _field_map(_model(record.model))
        for attname, (old, new) in record.changes.items():
            field = fields.get(attname)
            if field is not None and field.is_relation:
                wanted.setdefault(field.related_model, set()).update(v for v in (old, new) if v is not None)
    related: dict = {}
    for model, ids in wanted.items():
        for obj in model._default_manager.filter(pk__in=ids):
            name = _user_name(obj) if model is apps.get_model("auth", "User") else str(obj)
            related[(model, obj.pk)] = name
    for record in records:
        model = _model(record.model)
        fields = _field_map(model)
        record.kind = str(model._meta.verbose_name) if model is not None else _("bundle import")
        record.who = _user_name(record.user) if record.user_id and record.user else _("the system")
        if record.action == "imported":
            record.fields = [FieldChange(_("files"), "", ", ".join(
                f"{name}: {count}" for name, count in record.changes.get("files", {}).items()))]
            continue
        if not values:
            record.fields = [FieldChange(attname_label(fields, a), "", "")
                             for a in record.changes if a != "files"]
            continue
        if "workers" in record.changes and "workers" not in fields:
            ids = [i for part in record.changes["workers"] if part for i in part]
            users = {u.pk: _user_name(u) for u in apps.get_model("auth", "User").objects.filter(pk__in=ids)}
            old, new = record.changes["workers"]
            record.fields = [FieldChange(_("involved workers"), ", ".join(users.get(i, "") for i in old or []) or "–",
                                         ", ".join(users.get(i, "") for i in new or []) or "–")]
            continue
        record.fields = [
            FieldChange(
                attname_label(fields, attname),
                _text(fields.get(attname), old, related), _text(fields.get(attname), new, related),
            )
            for attname, (old, new) in record.changes.items()
        ]
    return records


def history_panel_context(request, dossier, members) -> dict:
    """The latest changes of the dossier, which fields changed (the values on the full page): one query."""
    records = readable(dossier_records(dossier)[:PANEL_SIZE], values=False)
    return {"dossier": dossier, "history": records, "history_more": len(records) == PANEL_SIZE}


def inzage(client, dossier_ids: list[int]) -> list:
    """The change history in an inzage export (AVG art. 15): every change of the client and of
    what belongs to the dossiers they are a member of, with who made it, old and new values."""
    from cases.extensions import InzageSection

    records = readable(ChangeRecord.objects.filter(Q(client_id=client.pk) | Q(dossier_id__in=dossier_ids))
                       .select_related("user").order_by("at", "id"))
    rows = [
        {_("When"): record.at, _("Who"): record.who, _("What"): f"{record.kind} {record.get_action_display()}",
         _("Changes"): "; ".join(_("%(field)s: %(old)s became %(new)s") % {"field": c.label, "old": c.old, "new": c.new}
                                 for c in record.fields)}
        for record in records
    ]
    return [InzageSection(_("Change history"), rows, "cases.ChangeRecord")]
