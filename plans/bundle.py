"""The plan's bundle files (`plan.md`): plans, goals, actions and network contacts.
See ``cases.bundlespec``; parsed after the maatwerk part (actions name referrals).

Rules checked (all of them, every problem as ``file:line: column: message``):
- plans.csv: at most one row per dossier; ``agreed_on >= registered_on``, not in the future.
- goals.csv: client_ref a member of the dossier; domain a ZRM domain code or ``overig``;
  ``set_on >= registered_on``; ``status_on`` required for a status other than ``lopend`` and
  empty for ``lopend``, ``>= set_on``; proposed_by empty = ``medewerker``. A goal implies a
  (draft) plan.
- actions.csv: goal_ref and referral_ref belong to the same dossier (in the bundle or the
  system); ``existing`` is ``true``/``false``; ``starts_on`` required for new support;
  ``ends_on >= starts_on``.
- network.csv: codes of kind and supportive.
- consents.csv (read after journal.csv): client_ref exists, and is a member of dossier_ref
  when one is given; form a code; ``given_on`` required, not in the future;
  ``given_on <= expires_on`` (which may lie ahead); ``given_on <= withdrawn_on``, not in
  the future. Stored without who recorded it (unknown in the source system).
Stored set-based (``store.upsert``); the export writes the same columns, so
import -> export -> import is lossless."""

import datetime as dt
import itertools
import sys
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from cases.bundlespec import BOOLEANS, BundlePart, FileSpec, max_length
from cases.models import DossierMember
from maatwerk.models import Referral
from plans.models import (
    OTHER_DOMAIN,
    Action,
    Consent,
    ConsentForm,
    ContactKind,
    Direction,
    Goal,
    GoalStatus,
    Kanteling,
    NetworkContact,
    Plan,
    ProposedBy,
    Supportive,
)
from zrm.models import Domain

PLANS = FileSpec("plans.csv", 11, ("dossier_ref", "agreed_on"), ("dossier_ref",))
GOALS = FileSpec(
    "goals.csv", 12,
    ("goal_ref", "dossier_ref", "client_ref", "domain", "direction", "description", "proposed_by", "set_on",
     "target_on", "status", "status_on"),
    ("goal_ref", "dossier_ref", "domain", "direction", "set_on", "status"),
    codes={"direction": frozenset(Direction.values), "proposed_by": frozenset(ProposedBy.values),
           "status": frozenset(GoalStatus.values)},
    max_lengths={"goal_ref": max_length(Goal, "ref"), "domain": max_length(Goal, "domain")},
)
ACTIONS = FileSpec(
    "actions.csv", 13,
    ("action_ref", "dossier_ref", "goal_ref", "domain", "kanteling", "existing", "description", "by", "starts_on",
     "ends_on", "referral_ref"),
    ("action_ref", "dossier_ref", "domain", "kanteling", "existing"),
    codes={"kanteling": frozenset(Kanteling.values), "existing": frozenset(BOOLEANS)},
    max_lengths={"action_ref": max_length(Action, "ref"), "domain": max_length(Action, "domain"),
                 "by": max_length(Action, "by")},
)
NETWORK = FileSpec(
    "network.csv", 14,
    ("contact_ref", "dossier_ref", "kind", "name", "relation", "phone", "email", "supportive"),
    ("contact_ref", "dossier_ref", "kind"),
    codes={"kind": frozenset(ContactKind.values), "supportive": frozenset(Supportive.values)},
    max_lengths={"contact_ref": max_length(NetworkContact, "ref"), "name": max_length(NetworkContact, "name"),
                 "relation": max_length(NetworkContact, "relation"), "phone": max_length(NetworkContact, "phone"),
                 "email": max_length(NetworkContact, "email")},
)

CONSENTS = FileSpec(
    "consents.csv", 16,
    ("consent_ref", "client_ref", "dossier_ref", "recipient", "purpose", "form", "given_on", "expires_on",
     "withdrawn_on"),
    ("consent_ref", "client_ref", "recipient", "form", "given_on"),
    codes={"form": frozenset(ConsentForm.values)},
    max_lengths={"consent_ref": max_length(Consent, "ref"), "recipient": max_length(Consent, "recipient")},
)


@dataclass(slots=True)
class GoalRecord:
    dossier_ref: str
    client_ref: str | None
    domain: str
    direction: str
    description: str
    proposed_by: str
    set_on: dt.date
    target_on: dt.date | None
    status: str
    status_on: dt.date | None


@dataclass(slots=True)
class ActionRecord:
    dossier_ref: str
    goal_ref: str | None
    domain: str
    kanteling: str
    existing: bool
    description: str
    by: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    referral_ref: str | None


def _domains() -> frozenset[str]:
    return frozenset(Domain.objects.values_list("code", flat=True)) | {OTHER_DOMAIN}


def _parse_plans(p) -> None:
    plans = p.spool("plans.csv")
    seen: set[str] = set()
    _table, rows, _members = p.dossier_rows("plans.csv", with_members=False)
    for row in rows:
        ref = p.unique(row, "dossier_ref", seen)  # at most one plan per dossier
        agreed_on = row.date("agreed_on")
        dates = p.dossier(row, ref) if ref else None
        if dates:
            row.not_before("agreed_on", agreed_on, "registered_on", dates[0])
        if row.ok:
            plans[ref] = agreed_on


def _parse_goals(p, domains) -> None:
    goals = p.spool("goals.csv")
    owners = p.parsed.data["plans:goal_owners"] = {}  # goal_ref -> dossier_ref, for actions.csv
    seen: set[str] = set()
    _table, rows, members = p.dossier_rows("goals.csv")
    for row in rows:
        ref = p.unique(row, "goal_ref", seen)
        dossier_ref, client_ref = row.required("dossier_ref"), row.text("client_ref")
        dates = p.dossier(row, dossier_ref)
        if dates:
            p.member(row, dossier_ref, client_ref, members)
        domain = row.required("domain") and row.code("domain", domains)
        direction = row.required("direction") and row.code("direction")
        proposed_by = row.code("proposed_by") or ProposedBy.WORKER
        set_on = row.required("set_on") and row.date("set_on")
        target_on = row.date("target_on", past_only=False)
        status = row.required("status") and row.code("status")
        status_on = row.date("status_on")
        if status and status != GoalStatus.ONGOING and not row.text("status_on"):
            row.error("status_on", _("required for status %(status)s") % {"status": status})
        if status == GoalStatus.ONGOING and row.text("status_on"):
            row.error("status_on", _("must be empty while the goal is lopend"))
        if dates:
            row.not_before("set_on", set_on or None, "registered_on", dates[0])
        row.not_before("status_on", status_on, "set_on", set_on or None)
        if row.ok:
            goals[ref] = GoalRecord(dossier_ref, client_ref or None, domain, direction, row.text("description"),
                                    proposed_by, set_on, target_on, status, status_on)
            owners[ref] = sys.intern(dossier_ref)  # the dossier's own key (parse.INTERNED)
    p.named("goals.csv", seen, valid=owners)


def _owners(p, missing: set[str], in_bundle: dict, file: str, model) -> dict[str, str | None]:
    """ref -> its dossier's ref: ``in_bundle`` (the bundle's valid rows, ref -> its dossier's
    ref; extended in place, not copied: at the cap it holds a million keys), with the refs
    ``missing`` from it looked up in the system; None for a ref on a bundle row with problems
    of its own (not reported again)."""
    owners = in_bundle
    named = p.parsed.named.get(file, set())
    owners.update(dict(model.objects.filter(ref__in=sorted(missing)).values_list("ref", "dossier__ref")))
    for ref in missing:
        if ref not in owners and (ref in named or p.unreadable(file)):
            owners[ref] = None
    return owners


def _parse_actions(p, domains) -> None:
    actions = p.spool("actions.csv")
    table = p.table("actions.csv")
    goals = p.parsed.data.pop("plans:goal_owners", {})
    referrals = p.parsed.data.pop("maatwerk:referral_owners", {})
    # First pass: only the goals and referrals that the bundle does not hold are collected.
    goal_refs, referral_refs = set(), set()
    if table is not None:
        g, r = table.index.get("goal_ref"), table.index.get("referral_ref")
        for _line, cells in table.rows(type(p.problems)()):
            if g is not None and cells[g] and cells[g] not in goals:
                goal_refs.add(cells[g])
            if r is not None and cells[r] and cells[r] not in referrals:
                referral_refs.add(cells[r])
    goal_owner = _owners(p, goal_refs, goals, "goals.csv", Goal)
    referral_owner = _owners(p, referral_refs, referrals, "referrals.csv", Referral)
    seen = p.key_check("actions.csv", "action_ref")
    _table, rows, _members = p.dossier_rows("actions.csv", with_members=False)
    for row in rows:
        ref = p.unique(row, "action_ref", seen)
        dossier_ref = row.required("dossier_ref")
        dates = p.dossier(row, dossier_ref)
        for column, owners, file in (("goal_ref", goal_owner, "goals.csv"),
                                     ("referral_ref", referral_owner, "referrals.csv")):
            value = row.text(column)
            if not value:
                continue
            if value not in owners:
                p.exists(row, column, value, (), file)
            elif owners[value] is not None and dates and owners[value] != dossier_ref:
                row.error(column, _("%(value)r belongs to another dossier (%(other)r)")
                          % {"value": value, "other": owners[value]})
        domain = row.required("domain") and row.code("domain", domains)
        kanteling = row.required("kanteling") and row.code("kanteling")
        existing = row.required("existing") and row.code("existing")
        starts_on = row.date("starts_on", past_only=False)
        ends_on = row.date("ends_on", past_only=False)
        if existing == "false" and not row.text("starts_on"):
            row.error("starts_on", _("required for new support (existing = false)"))
        row.not_before("ends_on", ends_on, "starts_on", starts_on)
        if row.ok:
            actions[ref] = ActionRecord(dossier_ref, row.text("goal_ref") or None, domain, kanteling,
                                        BOOLEANS[existing], row.text("description"), row.text("by"), starts_on,
                                        ends_on, row.text("referral_ref") or None)
    p.report_duplicates(seen)


def _parse_network(p) -> None:
    contacts = p.spool("network.csv")
    seen = p.key_check("network.csv", "contact_ref")
    _table, rows, _members = p.dossier_rows("network.csv", with_members=False)
    for row in rows:
        ref = p.unique(row, "contact_ref", seen)
        dossier_ref = row.required("dossier_ref")
        p.dossier(row, dossier_ref)
        kind = row.required("kind") and row.code("kind")
        supportive = row.code("supportive")
        if row.ok:
            contacts[ref] = (dossier_ref, kind, row.text("name"), row.text("relation"), row.text("phone"),
                             row.text("email"), supportive)
    p.report_duplicates(seen)


def _parse_consents(p) -> None:
    consents = p.spool("consents.csv")
    seen: set[str] = set()
    _dossiers, client_refs, _pairs = p.collect("consents.csv", pairs=False)
    table = p.table("consents.csv")
    if table is not None and "client_ref" in table.index:  # clients of consents without a dossier
        c = table.index["client_ref"]
        client_refs |= {cells[c] for _line, cells in table.rows(type(p.problems)()) if cells[c]}
    known_clients = p.client_refs(client_refs)
    _table, rows, members = p.dossier_rows("consents.csv")
    for row in rows:
        ref = p.unique(row, "consent_ref", seen)
        client_ref, dossier_ref = row.required("client_ref"), row.text("dossier_ref")
        if client_ref and not dossier_ref:
            p.exists(row, "client_ref", client_ref, known_clients, "clients.csv")
        elif client_ref and p.dossier(row, dossier_ref):
            p.member(row, dossier_ref, client_ref, members)
        recipient = row.required("recipient")
        form = row.required("form") and row.code("form")
        given_on = row.required("given_on") and row.date("given_on")
        expires_on = row.date("expires_on", past_only=False)
        withdrawn_on = row.date("withdrawn_on")
        row.not_before("expires_on", expires_on, "given_on", given_on or None)
        row.not_before("withdrawn_on", withdrawn_on, "given_on", given_on or None)
        if row.ok:
            consents[ref] = (client_ref, dossier_ref or None, recipient, row.text("purpose"), form, given_on,
                             expires_on, withdrawn_on)
    p.named("consents.csv", seen)


def parse(p) -> None:
    domains = _domains()
    _parse_plans(p)
    _parse_goals(p, domains)
    _parse_actions(p, domains)
    _parse_network(p)
    _parse_consents(p)


def _store_consents(s, consents: dict) -> None:
    dossiers = s.ids["dossiers"]
    named = {c[1] for c in consents.values() if c[1]} - set(dossiers)
    if named:
        dossiers.update(s.lookup("cases_dossier", "ref", named))
    clients = s.client_ids(c[0] for c in consents.values())
    columns = ("ref", "client_id", "dossier_id", "recipient", "purpose", "form", "given_on", "expires_on",
               "withdrawn_on")
    s.upsert(
        "consents.csv", "plans_consent", (*columns, "recorded_at"),
        ((ref, clients[c[0]], dossiers.get(c[1]), *c[2:], s.now) for ref, c in consents.items()),
        key=("ref",), compare=columns[1:],
    )


def store(s, parsed) -> None:
    data, now = parsed.data, s.now
    dossiers = s.ids["dossiers"]
    # dossiers in the system that the bundle names without holding them (only those are kept)
    named = itertools.chain(data["plans.csv"].keys(), (r.dossier_ref for r in data["goals.csv"].values()),
                            (r.dossier_ref for r in data["actions.csv"].values()),
                            (c[0] for c in data["network.csv"].values()))
    missing = {ref for ref in named if ref not in dossiers}
    if missing:
        dossiers.update(s.lookup("cases_dossier", "ref", missing))

    plan_columns = ("dossier_id", "agreed_on", "agreed_version", "created_at", "updated_at")
    s.upsert("plans.csv", "plans_plan", plan_columns,
             ((dossiers[ref], agreed_on, "{}", now, now) for ref, agreed_on in data["plans.csv"].items()),
             key=("dossier_id",), compare=("agreed_on",), touch=("updated_at",))
    # A goal implies a plan: a draft where neither the bundle nor the system has one (gathered
    # as the dossiers' ids, the int objects ``dossiers`` holds, not as a second copy of the refs).
    implied = {dossiers[r.dossier_ref] for r in data["goals.csv"].values()}
    implied.difference_update(dossiers[ref] for ref in data["plans.csv"])
    s.upsert("plans.csv", "plans_plan", plan_columns,
             ((dossier_id, None, "{}", now, now) for dossier_id in sorted(implied)), key=("dossier_id",))

    goals = data["goals.csv"]
    clients = s.client_ids(r.client_ref for r in goals.values())
    s.upsert(
        "goals.csv", "plans_goal",
        ("ref", "dossier_id", "client_id", "domain", "direction", "description", "proposed_by", "set_on",
         "target_on", "status", "status_on", "created_at", "updated_at"),
        ((ref, dossiers[r.dossier_ref], clients.get(r.client_ref), r.domain, r.direction, r.description,
          r.proposed_by, r.set_on, r.target_on, r.status, r.status_on, now, now) for ref, r in goals.items()),
        key=("ref",),
        compare=("dossier_id", "client_id", "domain", "direction", "description", "proposed_by", "set_on",
                 "target_on", "status", "status_on"),
        touch=("updated_at",),
    )
    s.upsert(
        "network.csv", "plans_networkcontact",
        ("ref", "dossier_id", "kind", "name", "relation", "phone", "email", "supportive", "created_at", "updated_at"),
        ((ref, dossiers[c[0]], *c[1:], now, now) for ref, c in data["network.csv"].items()),
        key=("ref",), compare=("dossier_id", "kind", "name", "relation", "phone", "email", "supportive"),
        touch=("updated_at",),
    )
    # An action's goal and referral (in the bundle or the system) go in by their refs: the
    # staging table finds their ids (``Store._stage``).
    s.upsert(
        "actions.csv", "plans_action",
        ("ref", "dossier_id", "goal_id", "domain", "kanteling", "existing", "description", "by_whom", "starts_on",
         "ends_on", "referral_id", "created_at", "updated_at"),
        ((ref, dossiers[r.dossier_ref], r.goal_ref, r.domain, r.kanteling, r.existing, r.description,
          r.by, r.starts_on, r.ends_on, r.referral_ref, now, now) for ref, r in data["actions.csv"].items()),
        key=("ref",),
        compare=("dossier_id", "goal_id", "domain", "kanteling", "existing", "description", "by_whom", "starts_on",
                 "ends_on", "referral_id"),
        touch=("updated_at",),
        refs={"goal_id": ("plans_goal", "ref"), "referral_id": ("maatwerk_referral", "ref")},
    )
    _store_consents(s, data["consents.csv"])


def export(writer, scope) -> None:
    rows = writer.rows
    dossiers = scope.dossier_ids
    writer.write(PLANS, rows(Plan.objects.filter(dossier__in=dossiers).order_by("dossier_id"),
                             "dossier__ref", "agreed_on"))
    writer.write(GOALS, rows(
        scope.own(Goal.objects.filter(dossier__in=dossiers)).order_by("pk"), "ref", "dossier__ref", "client__ref",
        "domain", "direction", "description", "proposed_by", "set_on", "target_on", "status", "status_on",
    ))
    actions = Action.objects.filter(dossier__in=dossiers)
    if scope.client is not None:  # one client's data: not what belongs to another member's goal or referral
        actions = actions.filter(Q(goal__isnull=True) | Q(goal__client__isnull=True) | Q(goal__client=scope.client))
        actions = actions.filter(Q(referral__isnull=True) | Q(referral__client__isnull=True)
                                 | Q(referral__client=scope.client))
    writer.write(ACTIONS, rows(
        actions.order_by("pk"), "ref", "dossier__ref", "goal__ref", "domain", "kanteling", "existing",
        "description", "by", "starts_on", "ends_on", "referral__ref",
    ))
    writer.write(NETWORK, rows(
        NetworkContact.objects.filter(dossier__in=dossiers).order_by("pk"), "ref", "dossier__ref", "kind", "name",
        "relation", "phone", "email", "supportive",
    ))


    members = DossierMember.objects.filter(dossier__in=dossiers).values("client_id")
    consents = Consent.objects.filter(Q(dossier__in=dossiers) | Q(dossier__isnull=True, client__in=members))
    if scope.client is not None:  # one client's data: only their own consents
        consents = consents.filter(client=scope.client)
    writer.write(CONSENTS, rows(
        consents.order_by("pk"), "ref", "client__ref", "dossier__ref", "recipient", "purpose", "form", "given_on",
        "expires_on", "withdrawn_on",
    ))


PART = BundlePart(app="plans", order=40, files=(PLANS, GOALS, ACTIONS, NETWORK, CONSENTS), parse=parse, store=store,
                  export=export)
