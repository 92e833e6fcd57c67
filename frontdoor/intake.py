"""Reading a creditor's or the signal hub's file (the columns of signals.csv, front-door.md)
uploaded by functional administration: all or nothing, like a bundle import. Every problem of
every row is listed (line, column, message); only a file without problems is stored, in one
transaction, each signal routed as one received through the API. A signal already received
(same ``signal_ref``) is left as it is."""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frontdoor.earlysignals import SignalData, receive_signal, signal_errors
from frontdoor.models import EarlySignal

COLUMNS = ("signal_ref", "received_on", "creditor_kind", "creditor", "arrears_cents", "arrears_months", "postcode",
           "house_number", "house_number_addition", "team", "dossier_ref", "outcome", "outcome_on", "contact_ref",
           "name")
REQUIRED = ("signal_ref", "received_on", "creditor_kind", "arrears_cents", "postcode", "house_number")
TEAM_COLUMNS = ("team", "dossier_ref", "outcome", "outcome_on", "contact_ref")  # the team's, never a sender's
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    message: str


@dataclass
class IntakeResult:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    known: int = 0
    unrouted: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() else None


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def read(content: bytes) -> tuple[list[tuple[int, SignalData]], list[Problem]]:
    problems: list[Problem] = []
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(0, "-", _("The file is not UTF-8 text."))]
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        return [], [Problem(1, "-", _("The file is empty."))]
    header = [h.strip() for h in header]
    for column in header:
        if column not in COLUMNS:
            problems.append(Problem(1, column, _("unknown column")))
    for column in REQUIRED:
        if column not in header:
            problems.append(Problem(1, column, _("required column missing")))
    if len(set(header)) != len(header):
        problems.append(Problem(1, "-", _("a column appears twice")))
    if problems:
        return [], problems
    signals: list[tuple[int, SignalData]] = []
    seen: dict[str, int] = {}
    for line, cells in enumerate(reader, start=2):
        if len(signals) > MAX_ROWS:
            problems.append(Problem(line, "-", _("more than %(count)d rows") % {"count": MAX_ROWS}))
            break
        if not any(cells):
            continue
        if len(cells) != len(header):
            problems.append(Problem(line, "-", _("%(found)d cells, expected %(expected)d")
                                    % {"found": len(cells), "expected": len(header)}))
            continue
        row = {column: value.strip() for column, value in zip(header, cells, strict=True)}
        for column in TEAM_COLUMNS:
            if row.get(column):
                problems.append(Problem(line, column, _("filled in by the team, not by the sender: leave empty")))
        received_on, months = _date(row["received_on"]), row.get("arrears_months", "")
        data = SignalData(
            ref=row["signal_ref"], received_on=received_on, creditor_kind=row["creditor_kind"],
            arrears_cents=_number(row["arrears_cents"]), postcode=row["postcode"].replace(" ", "").upper(),
            house_number=_number(row["house_number"]), creditor=row.get("creditor", ""),
            arrears_months=_number(months) if months else None,
            house_number_addition=row.get("house_number_addition", ""), name=row.get("name", ""),
        )
        errors = signal_errors(data)
        if row["received_on"] and received_on is None:
            errors.add("received_on", _("Invalid date (expected YYYY-MM-DD)."))
        if months and data.arrears_months is None:
            errors.add("arrears_months", _("Enter a whole number of months, at least 1."))
        for column, messages in errors.items():
            for message in dict.fromkeys(messages):
                problems.append(Problem(line, column, message))
        if data.ref in seen:
            problems.append(Problem(line, "signal_ref", _("duplicate key %(key)r (also on line %(line)d)")
                                    % {"key": data.ref, "line": seen[data.ref]}))
        seen.setdefault(data.ref, line)
        signals.append((line, data))
    return signals, problems


def take_in(content: bytes) -> IntakeResult:
    signals, problems = read(content)
    result = IntakeResult(problems=problems)
    if problems:
        return result
    try:
        with transaction.atomic():
            for line, data in signals:
                try:
                    signal, created = receive_signal(data)
                except ValidationError as error:  # checked above; kept for a rule added later
                    result.problems.append(Problem(line, "-", " ".join(error.messages)))
                    continue
                result.created += created
                result.known += not created
                result.unrouted += created and signal.team_id is None
            if result.problems:
                raise _Refused
    except _Refused:
        result.created = result.known = result.unrouted = 0
    return result


class _Refused(Exception):
    pass


def unrouted_count() -> int:
    return EarlySignal.objects.unrouted().count()
