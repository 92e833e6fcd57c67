"""Dutch names for the model fields whose ``verbose_name`` Django made from the code name
("created at", "agreed by", "kind"): pages and documents for people (change history, inzage)
name a field by ``field_label`` and never show a code word."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Field names without an explicit verbose_name, in every app, and the relations' attnames.
FIELD_LABELS = {
    "account": gettext_lazy("portal account"),
    "action": gettext_lazy("support"),
    "agreed_by": gettext_lazy("agreed by"),
    "agreed_version": gettext_lazy("agreed version"),
    "at": gettext_lazy("moment"),
    "author": gettext_lazy("written by"),
    "client": gettext_lazy("client"),
    "code": gettext_lazy("code"),
    "created_at": gettext_lazy("created on"),
    "created_by": gettext_lazy("created by"),
    "decided_at": gettext_lazy("decided on"),
    "decided_by": gettext_lazy("decided by"),
    "destruction": gettext_lazy("destruction list"),
    "detail": gettext_lazy("details"),
    "document": gettext_lazy("document"),
    "domain": gettext_lazy("life domain"),
    "done_by": gettext_lazy("done by"),
    "dossier": gettext_lazy("dossier"),
    "from_household": gettext_lazy("written by the household"),
    "from_status": gettext_lazy("previous status"),
    "fte": gettext_lazy("FTE"),
    "goal": gettext_lazy("goal"),
    "instrument": gettext_lazy("ZRM version"),
    "kanteling": gettext_lazy("kind of support (kanteling)"),
    "kind": gettext_lazy("kind"),
    "last": gettext_lazy("last"),
    "link": gettext_lazy("link"),
    "message": gettext_lazy("message"),
    "note": gettext_lazy("note"),
    "offered_at": gettext_lazy("offered on"),
    "offered_by": gettext_lazy("offered by"),
    "on": gettext_lazy("date"),
    "postcode": gettext_lazy("postcode"),
    "product": gettext_lazy("product"),
    "proposed_at": gettext_lazy("proposed on"),
    "proposed_by": gettext_lazy("proposed by"),
    "referral": gettext_lazy("referral"),
    "reported_at": gettext_lazy("reported on"),
    "reported_by": gettext_lazy("reported by"),
    "scores": gettext_lazy("scores"),
    "shared_at": gettext_lazy("shared on"),
    "shared_by": gettext_lazy("shared by"),
    "status": gettext_lazy("status"),
    "team": gettext_lazy("team"),
    "to_status": gettext_lazy("new status"),
    "updated_at": gettext_lazy("changed on"),
    "user": gettext_lazy("worker"),
    "volume": gettext_lazy("volume"),
    "withdrawn_by": gettext_lazy("withdrawn by"),
    "workers": gettext_lazy("involved workers"),
}


def field_label(field) -> str:
    """The field's Dutch name: its own verbose_name, or ours when Django made one from the code name."""
    verbose = str(field.verbose_name)
    if verbose == field.name.replace("_", " ") and field.name in FIELD_LABELS:
        return str(FIELD_LABELS[field.name])
    return verbose


def attname_label(fields: dict, attname: str) -> str:
    """The name of a stored change's field (``fields``: attname -> model field); a field the
    model no longer has by its code name made readable, never the code itself."""
    if attname in fields:
        return field_label(fields[attname])
    name = attname.removesuffix("_id")
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    return _("another field")
