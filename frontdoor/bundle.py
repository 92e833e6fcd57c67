"""The front door's bundle files (front-door.md "Bundle files"): team areas, short contacts,
early signals and their outreach attempts. See ``cases.bundlespec``.

- A short contact without ``recorded_on`` was recorded on its contact date.
- A signal without a team is routed by its PC4 (the bundle's team areas, then the system's);
  one whose PC4 no team serves keeps an empty team (the queue of functional administration).
- ``signal_attempts.csv`` rows are identified by all four columns: a row the system already
  holds is a duplicate and changes nothing."""

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from cases.bundlespec import BOOLEANS, BundlePart, FileSpec, max_length
from cases.models import Team
from frontdoor.earlysignals import MAX_ARREARS_CENTS, POSTCODE
from frontdoor.models import (
    Attempt,
    AttemptKind,
    AttemptResult,
    Channel,
    ContactOutcome,
    CreditorKind,
    EarlySignal,
    ShortContact,
    SignalOutcome,
    TeamArea,
)
from frontdoor.services import topic_codes

TEAM_AREAS = FileSpec("team_areas.csv", 1.5, ("team", "pc4"), ("team", "pc4"))
# front-door.md: after dossier_clients.csv (7) and wmo_meldingen.csv (7.5), before the safeguards
SHORT_CONTACTS = FileSpec(
    "short_contacts.csv", 7.6,
    ("contact_ref", "team", "contacted_on", "channel", "topic", "anonymous", "outcome", "client_ref", "referred_to",
     "dossier_ref", "minutes", "recorded_on"),
    ("contact_ref", "team", "contacted_on", "channel", "topic", "anonymous", "outcome"),
    codes={"channel": frozenset(Channel.values), "outcome": frozenset(ContactOutcome.values)},
    max_lengths={"contact_ref": max_length(ShortContact, "ref"),
                 "referred_to": max_length(ShortContact, "referred_to")},
)
SIGNALS = FileSpec(
    "signals.csv", 7.7,
    ("signal_ref", "received_on", "creditor_kind", "creditor", "arrears_cents", "arrears_months", "postcode",
     "house_number", "house_number_addition", "team", "dossier_ref", "outcome", "outcome_on", "contact_ref"),
    ("signal_ref", "received_on", "creditor_kind", "arrears_cents", "postcode", "house_number"),
    codes={"creditor_kind": frozenset(CreditorKind.values), "outcome": frozenset(SignalOutcome.values)},
    max_lengths={"signal_ref": max_length(EarlySignal, "ref"), "creditor": max_length(EarlySignal, "creditor"),
                 "house_number_addition": max_length(EarlySignal, "house_number_addition")},
)
ATTEMPTS = FileSpec(
    "signal_attempts.csv", 7.8, ("signal_ref", "on", "kind", "result"), ("signal_ref", "on", "kind", "result"),
    codes={"kind": frozenset(AttemptKind.values), "result": frozenset(AttemptResult.values)},
)


@dataclass(slots=True)
class ContactRecord:
    team: str
    contacted_on: dt.date
    channel: str
    topic: str
    anonymous: bool
    outcome: str
    client_ref: str | None
    referred_to: str
    dossier_ref: str | None
    minutes: int | None
    recorded_on: dt.date


@dataclass(slots=True)
class SignalRecord:
    received_on: dt.date
    creditor_kind: str
    creditor: str
    arrears_cents: int
    arrears_months: int | None
    postcode: str
    house_number: int
    addition: str
    team: str | None
    dossier_ref: str | None
    outcome: str
    outcome_on: dt.date | None
    contact_ref: str | None


def _parse_areas(p: Any, team_codes: set[str]) -> dict[str, str]:
    areas = p.parsed.data["team_areas.csv"] = {}
    seen: set[str] = set()
    _table, rows = p.rows("team_areas.csv")
    for row in rows:
        team, pc4 = row.required("team"), p.unique(row, "pc4", seen)
        p.exists(row, "team", team, team_codes, "teams.csv")
        if pc4 and not (len(pc4) == 4 and pc4.isascii() and pc4.isdigit() and pc4[0] != "0"):
            row.error("pc4", _("%(value)r is not a postcode area (four digits)") % {"value": pc4})
        if row.ok:
            areas[pc4] = team
    p.named("team_areas.csv", seen)
    return {**dict(TeamArea.objects.values_list("pc4", "team__code")), **areas}


def _parse_contacts(p: Any, team_codes: set[str]) -> set[str]:
    """Short contacts; returns the refs of the bundle's valid ones."""
    contacts = p.spool("short_contacts.csv")
    known: set[str] = set()
    seen = p.key_check("short_contacts.csv", "contact_ref")
    topics = topic_codes()
    dossier_refs, named_clients, pairs = p.collect("short_contacts.csv")
    p.dossier_refs(dossier_refs)
    members = p.members_of(pairs)
    client_refs = p.client_refs(named_clients)
    _table, rows = p.rows("short_contacts.csv")
    for row in rows:
        ref = p.unique(row, "contact_ref", seen)
        team = row.required("team")
        p.exists(row, "team", team, team_codes, "teams.csv")
        contacted_on = row.required("contacted_on") and row.date("contacted_on")
        channel = row.required("channel") and row.code("channel")
        topic = row.required("topic")
        if topic and topic not in topics:
            row.error("topic", _("unknown code %(value)r (allowed: a domain of a ZRM instrument, or overig)")
                      % {"value": topic})
        flag = row.required("anonymous")
        if flag and flag not in BOOLEANS:
            row.error("anonymous", _("use true or false"))
        anonymous = BOOLEANS.get(flag, False)
        outcome = row.required("outcome") and row.code("outcome")
        client_ref, dossier_ref = row.text("client_ref"), row.text("dossier_ref")
        referred_to = row.text("referred_to")
        minutes = row.integer("minutes", 1, 100_000)
        recorded_on = row.date("recorded_on")
        row.not_before("recorded_on", recorded_on, "contacted_on", contacted_on or None)
        if anonymous and client_ref:
            row.error("client_ref", _("an anonymous contact has no client"))
        if client_ref:
            p.exists(row, "client_ref", client_ref, client_refs, "clients.csv")
        if anonymous and outcome == ContactOutcome.DOSSIER:
            row.error("outcome", _("an anonymous contact cannot become a dossier"))
        if outcome == ContactOutcome.REFERRED and not referred_to:
            row.error("referred_to", _("required for outcome %(outcome)s") % {"outcome": outcome})
        if outcome == ContactOutcome.DOSSIER and not dossier_ref:
            row.error("dossier_ref", _("required for outcome %(outcome)s") % {"outcome": outcome})
        if dossier_ref:
            dates = p.dossier(row, dossier_ref)
            if dates and outcome == ContactOutcome.DOSSIER:
                if contacted_on and dates[0] != contacted_on:
                    row.error("dossier_ref", _("dossier %(dossier)r was not registered on contacted_on %(date)s")
                              % {"dossier": dossier_ref, "date": contacted_on})
                if client_ref:
                    p.member(row, dossier_ref, client_ref, members)
        if row.ok:
            contacts[ref] = ContactRecord(team, contacted_on, channel, topic, anonymous, outcome, client_ref or None,
                                          referred_to, dossier_ref or None, minutes, recorded_on or contacted_on)
            known.add(ref)
    p.report_duplicates(seen)
    return known


def _parse_signals(p: Any, team_codes: set[str], areas: dict[str, str],
                   contacts: set[str]) -> dict[str, tuple[dt.date, int]]:
    """Signals; returns {signal_ref: (received_on, line)} of the bundle's valid rows."""
    signals = p.parsed.data["signals.csv"] = {}
    seen: set[str] = set()
    table = p.table("signals.csv")
    wanted: set[str] = set()
    if table is not None and "contact_ref" in table.index:
        wanted = {cells[table.index["contact_ref"]] for _line, cells in table.rows(_Unreported())} - {""}
    system_contacts = set(ShortContact.objects.filter(ref__in=sorted(wanted - contacts))
                          .values_list("ref", flat=True)) if wanted else set()
    known_contacts = contacts | system_contacts
    _table, rows, _members = p.dossier_rows("signals.csv", with_members=False)
    lines = {}
    for row in rows:
        ref = p.unique(row, "signal_ref", seen)
        received_on = row.required("received_on") and row.date("received_on")
        kind = row.required("creditor_kind") and row.code("creditor_kind")
        cents = row.required("arrears_cents") and row.integer("arrears_cents", 1, MAX_ARREARS_CENTS)
        months = row.integer("arrears_months", 1, 999)
        postcode = row.required("postcode")
        if postcode and not POSTCODE.match(postcode):
            row.error("postcode", _("%(value)r is not a postcode like 1234AB") % {"value": postcode})
        number = row.required("house_number") and row.integer("house_number", 1, 999_999)
        team, dossier_ref = row.text("team"), row.text("dossier_ref")
        p.exists(row, "team", team, team_codes, "teams.csv")
        if dossier_ref:
            p.dossier(row, dossier_ref)
        outcome, outcome_on = row.code("outcome"), row.date("outcome_on")
        if bool(row.text("outcome")) != bool(row.text("outcome_on")):
            row.error("outcome_on" if row.text("outcome") else "outcome",
                      _("outcome and outcome_on are both set or both empty"))
        row.not_before("outcome_on", outcome_on, "received_on", received_on or None)
        contact_ref = row.text("contact_ref")
        if contact_ref:
            p.exists(row, "contact_ref", contact_ref, known_contacts, "short_contacts.csv")
        if outcome == SignalOutcome.ACCEPTED and not (dossier_ref or contact_ref):
            row.error("outcome", _("hulp_aanvaard requires a dossier_ref or a contact_ref"))
        if not team and postcode:
            team = areas.get(postcode[:4], "")
        if row.ok:
            signals[ref] = SignalRecord(received_on, kind, row.text("creditor"), cents, months, postcode, number,
                                        row.text("house_number_addition"), team or None, dossier_ref or None,
                                        outcome, outcome_on, contact_ref or None)
            lines[ref] = row.line
    p.named("signals.csv", seen)
    p.parsed.data["frontdoor:signal_lines"] = lines
    return {ref: (s.received_on, lines[ref]) for ref, s in signals.items()}


class _Unreported(list[Any]):
    """A problem list for a first pass: the real pass reports each problem once."""

    def add(self, *args: Any) -> None:
        pass


def _parse_attempts(p: Any, signals: dict[str, Any]) -> None:
    attempts = p.parsed.data["signal_attempts.csv"] = set()
    table = p.table("signal_attempts.csv")
    named = set(p.parsed.named.get("signals.csv", set()))
    wanted: set[str] = set()
    if table is not None:
        wanted = {cells[table.index["signal_ref"]] for _line, cells in table.rows(_Unreported())} - set(named)
    in_system = dict(EarlySignal.objects.filter(ref__in=sorted(wanted)).values_list("ref", "received_on"))
    _table, rows = p.rows("signal_attempts.csv")
    for row in rows:
        ref = row.required("signal_ref")
        on = row.required("on") and row.date("on")
        kind = row.required("kind") and row.code("kind")
        result = row.required("result") and row.code("result")
        received_on = signals[ref][0] if ref in signals else in_system.get(ref)
        if ref and ref not in signals and ref not in in_system and ref not in named \
                and not p.unreadable("signals.csv"):
            row.error("signal_ref", _("%(value)r does not exist in the bundle or the system") % {"value": ref})
        row.not_before("on", on or None, "received_on", received_on)
        if row.ok:
            attempts.add((ref, on, kind, result))
    if not p.unreadable("signal_attempts.csv"):  # else its problems are the ones to fix first
        _check_signal_outcomes(p, attempts)


def _check_signal_outcomes(p: Any, attempts: set[tuple[Any, ...]]) -> None:
    """The outcome rules that need the attempts: outcome_on not before the last one, and
    geen_contact after at least two (the bundle's and the system's)."""
    signals, lines = p.parsed.data["signals.csv"], p.parsed.data["frontdoor:signal_lines"]
    closed = {ref for ref, s in signals.items() if s.outcome}
    all_attempts: dict[str, set[tuple[Any, ...]]] = {}
    for ref, on, kind, result in attempts:
        if ref in closed:
            all_attempts.setdefault(ref, set()).add((on, kind, result))
    for ref, on, kind, result in Attempt.objects.filter(signal__ref__in=sorted(closed)) \
            .values_list("signal__ref", "attempted_on", "kind", "result"):
        all_attempts.setdefault(ref, set()).add((on, kind, result))
    for ref in sorted(closed):
        signal, found = signals[ref], all_attempts.get(ref, set())
        last = max((on for on, _k, _r in found), default=None)
        problems = []
        if last and signal.outcome_on and signal.outcome_on < last:
            problems.append(("outcome_on", _("outcome_on %(value)s lies before the last attempt %(last)s")
                             % {"value": signal.outcome_on, "last": last}))
        if signal.outcome == SignalOutcome.NO_CONTACT and len(found) < 2:
            problems.append(("outcome", _("geen_contact requires at least two attempts")))
        for column, message in problems:
            p.problems.add("signals.csv", lines[ref], column, message)


def parse(p: Any) -> None:
    data = p.parsed.data
    team_codes = data.get("team_codes") or set(Team.objects.values_list("code", flat=True))
    areas = _parse_areas(p, team_codes)
    contacts = _parse_contacts(p, team_codes)
    signals = _parse_signals(p, team_codes, areas, contacts)
    _parse_attempts(p, signals)


def store(s: Any, parsed: Any) -> None:
    data, now = parsed.data, s.now
    teams = s.lookup("cases_team", "code", [*data["team_areas.csv"].values(),
                                            *(c.team for c in data["short_contacts.csv"].values()),
                                            *(x.team for x in data["signals.csv"].values() if x.team)])
    s.upsert("team_areas.csv", "frontdoor_teamarea", ("pc4", "team_id"),
             ((pc4, teams[team]) for pc4, team in data["team_areas.csv"].items()), key=("pc4",), compare=("team_id",))
    contacts = data["short_contacts.csv"]
    # the dossiers of this import, with those in the system the bundle names without holding them
    dossiers = s.ids.setdefault("dossiers", {})
    named = itertools.chain((c.dossier_ref for c in contacts.values()),
                            (x.dossier_ref for x in data["signals.csv"].values()))
    dossiers.update(s.lookup("cases_dossier", "ref", {ref for ref in named if ref and ref not in dossiers}))
    clients = s.client_ids(c.client_ref for c in contacts.values())
    s.upsert(
        "short_contacts.csv", "frontdoor_shortcontact",
        ("ref", "team_id", "contacted_on", "recorded_on", "channel", "topic", "minutes", "anonymous", "client_id",
         "summary", "outcome", "referred_to", "dossier_id", "created_at"),
        ((ref, teams[c.team], c.contacted_on, c.recorded_on, c.channel, c.topic, c.minutes, c.anonymous,
          clients.get(c.client_ref), "", c.outcome, c.referred_to, dossiers.get(c.dossier_ref), now)
         for ref, c in contacts.items()),
        key=("ref",), compare=("team_id", "contacted_on", "recorded_on", "channel", "topic", "minutes", "anonymous",
                               "client_id", "outcome", "referred_to", "dossier_id"),
    )
    signals = data["signals.csv"]
    signal_ids = s.upsert(
        "signals.csv", "frontdoor_earlysignal",
        ("ref", "received_on", "creditor_kind", "creditor", "arrears_cents", "arrears_months", "postcode",
         "house_number", "house_number_addition", "name", "team_id", "dossier_id", "outcome", "outcome_on",
         "short_contact_id", "created_at"),
        ((ref, x.received_on, x.creditor_kind, x.creditor, x.arrears_cents, x.arrears_months, x.postcode,
          x.house_number, x.addition, "", teams.get(x.team) if x.team else None, dossiers.get(x.dossier_ref),
          x.outcome, x.outcome_on, x.contact_ref, now) for ref, x in signals.items()),
        key=("ref",), compare=("received_on", "creditor_kind", "creditor", "arrears_cents", "arrears_months",
                               "postcode", "house_number", "house_number_addition", "team_id", "dossier_id",
                               "outcome", "outcome_on", "short_contact_id"), ids=True,
        # the short contact by its ref, in this import or the system (``Store._stage``)
        refs={"short_contact_id": ("frontdoor_shortcontact", "ref")},
    )
    attempts = data["signal_attempts.csv"]
    signal_ids.update(s.lookup("frontdoor_earlysignal", "ref", {a[0] for a in attempts} - set(signal_ids)))
    s.upsert("signal_attempts.csv", "frontdoor_attempt",
             ("signal_id", "attempted_on", "kind", "result", "created_at"),
             ((signal_ids[ref], on, kind, result, now) for ref, on, kind, result in sorted(attempts)),
             key=("signal_id", "attempted_on", "kind", "result"))


def export(writer: Any, scope: Any) -> None:
    rows = writer.rows
    areas = TeamArea.objects.order_by("pc4")
    contacts = ShortContact.objects.all()
    signals = EarlySignal.objects.all()
    if scope.team is not None:
        areas = areas.filter(team=scope.team)
        contacts, signals = contacts.filter(team=scope.team), signals.filter(team=scope.team)
    if scope.client is not None:
        contacts = contacts.filter(client=scope.client)
        signals = signals.filter(dossier__in=scope.dossier_ids) | signals.filter(short_contact__in=contacts)
    writer.write(TEAM_AREAS, rows(areas, "team__code", "pc4"))
    writer.write(SHORT_CONTACTS, rows(
        contacts.order_by("pk"), "ref", "team__code", "contacted_on", "channel", "topic", "anonymous", "outcome",
        "client__ref", "referred_to", "dossier__ref", "minutes", "recorded_on"))
    writer.write(SIGNALS, rows(
        signals.order_by("pk"), "ref", "received_on", "creditor_kind", "creditor", "arrears_cents", "arrears_months",
        "postcode", "house_number", "house_number_addition", "team__code", "dossier__ref", "outcome", "outcome_on",
        "short_contact__ref"))
    writer.write(ATTEMPTS, rows(Attempt.objects.filter(signal__in=signals.values("pk")).order_by("signal_id", "pk"),
                                "signal__ref", "attempted_on", "kind", "result"))


PART = BundlePart(app="frontdoor", order=35, files=(TEAM_AREAS, SHORT_CONTACTS, SIGNALS, ATTEMPTS), parse=parse,
                  store=store, export=export)
