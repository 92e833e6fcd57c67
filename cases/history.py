"""Change history (NEN 7513 "who changed what"): for every change to a client, dossier,
household member, staff membership, measurement, referral and plan item, who did it, when,
and the old and new value of each field that changed (docs/adr/0101).

One append-only table, ``ChangeRecord``, here in ``cases`` (the base of the app graph):
apps above it register their models with ``track(Model)`` from their ``AppConfig.ready``,
so ``cases`` imports no other app.

How every change is caught:
- ``Model.save()`` (services, forms, the admin): ``post_init`` keeps the values an object
  was loaded with, ``post_save`` compares and writes one record with the fields that changed
  (a new object: every field, old value empty). Nothing is written when nothing changed.
- writes that bypass ``save()`` go through this module instead: ``update(queryset, **values)``
  for a set-based UPDATE, ``saved_in_bulk(objects, fields)`` after a ``bulk_update``, and
  ``removed(obj)`` before a service deletes an object. No delete signal is connected:
  that would make every cascading delete (the destruction of 100,000 dossiers) load each row.
- the bundle import (set-based COPY and upserts) writes one ``imported`` record per import
  with its counts per file (``imported``), not one per row.

Who: the user of the request being handled (``CurrentUserMiddleware``), or the user named
with ``acting(user)`` (tasks, commands, tests); empty for the system itself.

Never editable: the model refuses updates and deletes, and a database trigger refuses them
too (migration 0012); the only way out is ``erase(dossier_ids, client_ids)``, the removal
of destroyed dossiers' history, which the trigger lets through only while a destruction
list is being carried out (``status = 'bezig'``)."""

import contextvars
import copy
import datetime as dt
import decimal
import uuid
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_init, post_save

from cases.logs import ChangeAction, ChangeRecord

MISSING = object()
# Timestamps every save sets, and large derived copies: not a change anyone made.
SKIPPED = frozenset({"id", "created_at", "updated_at", "agreed_version"})
ERASE_CHUNK = 10_000

_request = contextvars.ContextVar("history_request", default=None)
_user = contextvars.ContextVar("history_user", default=None)


class CurrentUserMiddleware:
    """Makes the request's user the one who changes what this request changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


@contextmanager
def acting(user):
    """Changes made inside are recorded as ``user``'s (tasks, commands, tests)."""
    token = _user.set(user)
    try:
        yield
    finally:
        _user.reset(token)


def current_user_id() -> int | None:
    user = _user.get()
    if user is None:
        request = _request.get()
        user = getattr(request, "user", None) if request is not None else None
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.pk


# ---- values ---------------------------------------------------------------------------------


_TEMPORAL = (dt.datetime, dt.date, dt.time)
_AS_TEXT = (decimal.Decimal, uuid.UUID)
_MUTABLE_TYPES = frozenset({"JSONField", "ArrayField", "HStoreField"})


def _json(value):
    if isinstance(value, _TEMPORAL):
        return value.isoformat()
    if isinstance(value, _AS_TEXT):
        return str(value)
    if isinstance(value, dict | list):
        return copy.deepcopy(value)
    return value


_fields_of: dict = {}  # model -> (attnames recorded, attnames whose value may be changed in place)


def _fields(model) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if model not in _fields_of:
        fields = [f for f in model._meta.concrete_fields if f.name not in SKIPPED]
        _fields_of[model] = (tuple(f.attname for f in fields),
                             tuple(f.attname for f in fields if f.get_internal_type() in _MUTABLE_TYPES))
    return _fields_of[model]


def _snapshot(instance) -> dict:
    """The recorded fields' values as they are now, cheaply: as loaded (JSON and array values
    copied, as they can be changed in place). Made readable (``_values``) only when the object
    is saved: most loaded objects never are (a list page loads a few hundred), and converting
    every field of each at load cost ~10 ms of CPU per list page (issue 32)."""
    loaded = instance.__dict__
    names, mutable = _fields(type(instance))
    snapshot = {name: loaded[name] for name in names if name in loaded}
    for name in mutable:
        if name in snapshot:
            snapshot[name] = copy.deepcopy(snapshot[name])
    return snapshot


def _values(instance, loaded: dict | None = None) -> dict:
    """The recorded fields' values (ISO dates, texts for decimals), of the object now or of a
    ``_snapshot`` taken earlier; fields that were not loaded (``only``/``defer``) are left out."""
    loaded = instance.__dict__ if loaded is None else loaded
    return {name: _json(loaded[name]) for name in _fields(type(instance))[0] if name in loaded}


_owners: dict = {}  # model -> (dossier_id(obj), client_id(obj))


def _default_owner(attribute):
    return lambda obj: getattr(obj, attribute, None)


def track(model, *, dossier=None, client=None) -> None:
    """Record every change of ``model``. ``dossier``/``client``: obj -> id of the dossier and
    client it belongs to (default: its ``dossier_id`` and ``client_id``)."""
    if model in _owners:
        return
    _owners[model] = (dossier or _default_owner("dossier_id"), client or _default_owner("client_id"))
    post_init.connect(_loaded, sender=model, dispatch_uid=f"history.init.{model._meta.label}")
    post_save.connect(_saved, sender=model, dispatch_uid=f"history.save.{model._meta.label}")


def _loaded(sender, instance, **kwargs):
    instance._history_loaded = _snapshot(instance)


def _loaded_values(instance) -> dict | None:
    """The values the object was loaded (or last saved) with, or None (not tracked then)."""
    loaded = getattr(instance, "_history_loaded", None)
    return None if loaded is None else _values(instance, loaded)


def _record(instance, action: str, changes: dict) -> "ChangeRecord":
    dossier_of, client_of = _owners[type(instance)]
    return ChangeRecord(
        user_id=current_user_id(), action=action, model=instance._meta.label_lower, object_id=instance.pk,
        dossier_id=dossier_of(instance), client_id=client_of(instance), changes=changes,
    )


def _diff(instance, created: bool) -> dict:
    before = {} if created else (_loaded_values(instance) or {})
    after = _values(instance)
    if created:
        return {k: [None, v] for k, v in after.items() if v not in (None, "", [], {})}
    return {k: [before[k], v] for k, v in after.items() if k in before and before[k] != v}


def _saved(sender, instance, created, raw=False, **kwargs):
    if raw:  # loaddata
        return
    changes = _diff(instance, created)
    if changes or created:
        _record(instance, ChangeAction.CREATED if created else ChangeAction.CHANGED, changes).save()
    instance._history_loaded = _snapshot(instance)


def saved_in_bulk(objects, fields=None) -> int:
    """After ``Model.objects.bulk_update(objects, fields)``: one record per changed object."""
    records = []
    for instance in objects:
        changes = _diff(instance, created=False)
        if fields is not None:
            names = {instance._meta.get_field(f).attname for f in fields}
            changes = {k: v for k, v in changes.items() if k in names}
        if changes:
            records.append(_record(instance, ChangeAction.CHANGED, changes))
        instance._history_loaded = _snapshot(instance)
    ChangeRecord.objects.bulk_create(records)
    return len(records)


def update(queryset, **values) -> int:
    """``queryset.update(**values)``, recording the old and new value of every row it changes."""
    objects = list(queryset)
    for instance in objects:
        for name, value in values.items():
            setattr(instance, name, value)
    count = queryset.model.objects.filter(pk__in=[o.pk for o in objects]).update(**values)
    saved_in_bulk(objects, list(values))
    return count


def removed(instance) -> None:
    """Before a service deletes ``instance``: its last values, kept as the old values."""
    values = _loaded_values(instance) or _values(instance)
    _record(instance, ChangeAction.REMOVED, {k: [v, None] for k, v in values.items() if v not in (None, "")}).save()


def _workers_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """Involved workers of a dossier (a many-to-many field) added or removed."""
    if reverse or action not in ("post_add", "post_remove") or not pk_set:
        return
    ids = sorted(pk_set)
    change = [None, ids] if action == "post_add" else [ids, None]
    _record(instance, ChangeAction.CHANGED, {"workers": change}).save()


def imported(label: str, counts: dict) -> None:
    """One record for a bundle import: the rows it stored or changed per file (no personal data)."""
    ChangeRecord.objects.create(user_id=current_user_id(), action=ChangeAction.IMPORTED, model="exchange.bundle",
                                changes={"source": label[:200], "files": counts})


def track_cases() -> None:
    from cases.models import Client, Dossier, DossierMember, Membership

    track(Client, dossier=lambda obj: None, client=lambda obj: obj.pk)
    track(Dossier, dossier=lambda obj: obj.pk, client=lambda obj: None)
    track(DossierMember)
    track(Membership, dossier=lambda obj: None, client=lambda obj: None)
    m2m_changed.connect(_workers_changed, sender=Dossier.workers.through, dispatch_uid="history.workers")


# ---- removal with destroyed dossiers ----------------------------------------------------------


def erase(dossier_ids, client_ids) -> dict:
    """Remove the history of destroyed dossiers and clients (it holds their personal data).
    Run inside the destruction (a ``DestructionList`` with status ``bezig``, or the database
    refuses); returns ``{label: rows removed}`` as destruction steps do."""
    removed_rows = 0
    for field, ids in (("dossier_id", list(dossier_ids)), ("client_id", list(client_ids))):
        for start in range(0, len(ids), ERASE_CHUNK):
            chunk = ids[start:start + ERASE_CHUNK]
            removed_rows += ChangeRecord.objects.filter(**{f"{field}__in": chunk}).delete()[0]
    return {ChangeRecord._meta.label: removed_rows}
