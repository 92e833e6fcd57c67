"""The journal app's bundle file ``journal.csv`` (`plan.md`): one row per journal entry.
See ``cases.bundlespec``.

- ``written_on >= registered_on`` of its dossier; ``client_ref`` a member of the dossier;
  ``minutes`` 1-600; ``confidential`` true/false (empty = false); ``author`` a username
  (kept as ``author_ref`` when it matches no user, like the lead worker).
- ``corrects_ref`` names an entry of the same dossier, in the bundle or the system.

The export writes every entry of the exported dossiers, confidential ones too: a bundle is
the organisation's own lossless copy, made by the export command (its scope per member is
``scope.own``); the screens, search and CSV of a dossier apply the confidentiality rules."""

import datetime as dt
import sys
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from cases.bundlespec import BOOLEANS, BundlePart, FileSpec, max_length
from journal.models import MAX_MINUTES, EntryKind, JournalEntry

JOURNAL = FileSpec(
    "journal.csv", 15,
    ("entry_ref", "dossier_ref", "client_ref", "written_on", "kind", "minutes", "author", "confidential", "text",
     "corrects_ref"),
    ("entry_ref", "dossier_ref", "written_on", "kind"),
    codes={"kind": frozenset(EntryKind.values)},
    max_lengths={"entry_ref": max_length(JournalEntry, "ref"), "author": max_length(JournalEntry, "author_ref")},
)
BATCH = 10_000


@dataclass(slots=True)
class EntryRecord:
    dossier_ref: str
    client_ref: str | None
    written_on: dt.date
    kind: str
    minutes: int | None
    author: str
    confidential: bool
    text: str
    corrects_ref: str | None


def parse(p) -> None:
    records = p.spool("journal.csv")
    authors = p.parsed.data["journal_authors"] = {}
    table, rows, members = p.dossier_rows("journal.csv")
    if table is None:
        return
    seen: set[str] = set()
    lines: dict = {}  # ref -> line, of the valid entries that correct another
    targets: dict = {}  # ref -> its dossier's ref, of the valid entries
    authors_named: set = set()
    for row in rows:
        ref = p.unique(row, "entry_ref", seen)
        dossier_ref, client_ref = row.required("dossier_ref"), row.text("client_ref")
        written_on = row.required("written_on") and row.date("written_on")
        kind = row.required("kind") and row.code("kind")
        minutes = row.integer("minutes", 1, MAX_MINUTES)
        flag = row.text("confidential")
        if flag and flag not in BOOLEANS:
            row.error("confidential", _("use true or false"))
        corrects_ref = row.text("corrects_ref")
        if corrects_ref and corrects_ref == ref:
            row.error("corrects_ref", _("an entry cannot correct itself"))
        dates = p.dossier(row, dossier_ref)
        if dates:
            p.member(row, dossier_ref, client_ref, members)
            row.not_before("written_on", written_on or None, "registered_on", dates[0])
        if row.ok:
            records[ref] = EntryRecord(dossier_ref, client_ref or None, written_on, kind, minutes,
                                       row.text("author"), BOOLEANS.get(flag, False), row.text("text"),
                                       corrects_ref or None)
            targets[ref] = sys.intern(dossier_ref)  # the dossier's own key (parse.INTERNED)
            if corrects_ref:
                lines[ref] = (row.line, corrects_ref, dossier_ref)
            if row.text("author"):
                authors_named.add(row.text("author"))
    p.named("journal.csv", seen)
    _check_corrections(p, records, lines, targets)
    users = get_user_model().objects
    names = sorted(authors_named)
    for start in range(0, len(names), BATCH):
        authors.update(users.filter(username__in=names[start:start + BATCH]).values_list("username", "id"))


def _check_corrections(p, records, lines: dict, targets: dict) -> None:
    """corrects_ref names an entry of the same dossier, in the bundle or in the system.
    ``lines``: ref -> (line, corrects_ref, dossier_ref) of the valid entries that correct one;
    ``targets``: ref -> dossier_ref of every valid entry."""
    wanted = sorted({target for _line, target, _d in lines.values() if target not in targets})
    in_system: dict = {}
    for start in range(0, len(wanted), BATCH):
        in_system.update(JournalEntry.objects.filter(ref__in=wanted[start:start + BATCH])
                         .values_list("ref", "dossier__ref"))
    for ref, (line, target, own_dossier) in lines.items():
        dossier = targets[target] if target in targets else in_system.get(target)
        if dossier is None and target not in p.parsed.named.get("journal.csv", set()):
            message = _("%(value)r does not exist in the bundle or the system") % {"value": target}
        elif dossier is not None and dossier != own_dossier:
            message = _("%(value)r is an entry of another dossier") % {"value": target}
        else:
            continue
        p.problems.add("journal.csv", line, "corrects_ref", message)
        del records[ref]
        del targets[ref]  # a later entry correcting this one is not reported again


def store(s, parsed) -> None:
    """Two passes: the entries, then their ``corrects`` links (by then every entry has an id).
    The changed count of the file is the larger of the two passes."""
    records, authors = parsed.data.get("journal.csv", {}), parsed.data.get("journal_authors", {})
    if not records:
        return
    dossiers, clients = s.ids["dossiers"], s.client_ids(r.client_ref for r in records.values())
    before = s.changed.get("journal.csv", 0)
    ids = s.upsert(
        "journal.csv", "journal_journalentry",
        ("ref", "dossier_id", "client_id", "written_on", "kind", "minutes", "author_id", "author_ref",
         "confidential", "text", "created_at"),
        (
            (ref, dossiers[r.dossier_ref], clients.get(r.client_ref), r.written_on, r.kind, r.minutes,
             authors.get(r.author), "" if r.author in authors else r.author, r.confidential, r.text, s.now)
            for ref, r in records.items()
        ),
        key=("ref",),
        compare=("dossier_id", "client_id", "written_on", "kind", "minutes", "author_id", "author_ref",
                 "confidential", "text"),
        ids=True,
    )
    first = s.changed.get("journal.csv", 0) - before
    targets = {r.corrects_ref for r in records.values() if r.corrects_ref and r.corrects_ref not in ids}
    ids.update(s.lookup("journal_journalentry", "ref", targets))
    s.upsert(
        "journal.csv", "journal_journalentry", ("ref", "corrects_id"),
        ((ref, ids.get(r.corrects_ref) if r.corrects_ref else None) for ref, r in records.items()),
        key=("ref",), compare=("corrects_id",),
    )
    second = s.changed.get("journal.csv", 0) - before - first
    s.changed["journal.csv"] = before + max(first, second)


def export(writer, scope) -> None:
    entries = scope.own(JournalEntry.objects.filter(dossier__in=scope.dossier_ids))
    writer.write(JOURNAL, (
        (*row[:6], row[6] or row[7], *row[8:])
        for row in writer.rows(
            entries.order_by("pk"), "ref", "dossier__ref", "client__ref", "written_on", "kind", "minutes",
            "author__username", "author_ref", "confidential", "text", "corrects__ref",
        )
    ))


PART = BundlePart(app="journal", order=60, files=(JOURNAL,), parse=parse, store=store, export=export)
