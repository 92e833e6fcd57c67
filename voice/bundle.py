"""The questionnaire's bundle file ``questionnaires.csv`` (client-voice.md): one row per
questionnaire, then one column per statement code (``1``-``5``, ``weet_niet``, or empty when
not answered). See ``cases.bundlespec``.

Rules: ``answered_on >= registered_on`` of the dossier and not after today; a client_ref is
a member of the dossier; at most one questionnaire per dossier (in the bundle and the
system). An imported questionnaire takes the active version of the statements (the most
recent one); a column must be one of its statements."""

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from cases.bundlespec import BundlePart, FileSpec, max_length
from voice.models import ANSWERS, Channel, Questionnaire, Statement
from voice.services import current_set


def _statement_codes() -> frozenset[str]:
    return frozenset(Statement.objects.values_list("code", flat=True))


QUESTIONNAIRES = FileSpec(
    "questionnaires.csv", 7.2, ("questionnaire_ref", "dossier_ref", "client_ref", "answered_on", "channel"),
    ("questionnaire_ref", "dossier_ref", "answered_on", "channel"),
    codes={"channel": frozenset(Channel.values)},
    max_lengths={"questionnaire_ref": max_length(Questionnaire, "ref")},
    extra_columns=_statement_codes,
)


@dataclass(slots=True)
class QuestionnaireRecord:
    dossier_ref: str
    client_ref: str | None
    answered_on: dt.date
    channel: str
    answers: dict[str, str]  # {statement code: "1".."5" | "weet_niet"}, sorted


def parse(p: Any) -> None:
    records = p.spool("questionnaires.csv")
    table, rows, members = p.dossier_rows("questionnaires.csv")
    if table is None:
        return
    version = current_set()
    own = set(version.statements.values_list("code", flat=True)) if version else set()
    all_codes = _statement_codes()
    columns = sorted(c for c in table.index if c in all_codes)
    for column in columns:
        if column not in own:
            p.problems.add(table.name, 1, column, _("not a statement of the questionnaire in use"))
    seen: set[str] = set()
    by_dossier: dict[str, str] = {}
    lines: dict[str, int] = {}
    for row in rows:
        ref = p.unique(row, "questionnaire_ref", seen)
        dossier_ref, client_ref = row.required("dossier_ref"), row.text("client_ref")
        answered_on = row.required("answered_on") and row.date("answered_on")
        channel = row.required("channel") and row.code("channel")
        dates = p.dossier(row, dossier_ref)
        if dates:
            p.member(row, dossier_ref, client_ref, members)
            row.not_before("answered_on", answered_on or None, "registered_on", dates[0])
        if dossier_ref and dossier_ref in by_dossier and by_dossier[dossier_ref] != ref:
            row.error("dossier_ref", _("a second questionnaire for this dossier (the first is %(ref)r)")
                      % {"ref": by_dossier[dossier_ref]})
        elif dossier_ref:
            by_dossier[dossier_ref] = ref
        answers = {}
        for column in columns:
            value = row.text(column)
            if not value:
                continue
            if value not in ANSWERS:
                row.error(column, _("answer %(value)r must be 1 to 5, weet_niet, or empty") % {"value": value})
            else:
                answers[column] = value
        if row.ok:
            records[ref] = QuestionnaireRecord(dossier_ref, client_ref or None, answered_on, channel, answers)
            lines[ref] = row.line
    # One per dossier also against the system: another ref for a dossier that has one already.
    taken = dict(Questionnaire.objects.filter(dossier__ref__in=list(by_dossier)).values_list("dossier__ref", "ref"))
    refused = []
    for ref, record in records.items():
        other = taken.get(record.dossier_ref)
        if other is not None and other != ref:
            p.problems.add("questionnaires.csv", lines[ref], "dossier_ref",
                           _("this dossier already has a questionnaire (%(ref)r)") % {"ref": other})
            refused.append(ref)
    for ref in refused:
        del records[ref]


def store(s: Any, parsed: Any) -> None:
    records = parsed.data.get("questionnaires.csv", {})
    if not records:
        return
    version = current_set()
    assert version is not None  # parse refused every answer column without one
    dossiers, clients = s.ids["dossiers"], s.client_ids(r.client_ref for r in records.values())
    s.upsert(
        "questionnaires.csv", "voice_questionnaire",
        ("ref", "dossier_id", "client_id", "statement_set_id", "answered_on", "channel", "answers", "created_by_id",
         "created_at"),
        (
            (ref, dossiers[r.dossier_ref], clients.get(r.client_ref), version.pk, r.answered_on, r.channel,
             json.dumps(r.answers), None, s.now)
            for ref, r in records.items()
        ),
        key=("ref",), compare=("dossier_id", "client_id", "answered_on", "channel", "answers"),
    )


def export(writer: Any, scope: Any) -> None:
    """One column per statement code of the versions used, in their order."""
    questionnaires = scope.own(Questionnaire.objects.filter(dossier__in=scope.dossier_ids))
    codes: list[str] = []
    used = questionnaires.values("statement_set_id")
    for code in Statement.objects.filter(statement_set__in=used).order_by("statement_set__code", "order") \
            .values_list("code", flat=True):
        if code not in codes:
            codes.append(code)

    def rows() -> Any:
        fields = ("ref", "dossier__ref", "client__ref", "answered_on", "channel", "answers")
        for *fixed, answers in writer.rows(questionnaires.order_by("pk"), *fields):
            yield [*fixed, *(answers.get(code, "") for code in codes)]

    writer.write(QUESTIONNAIRES, rows(), header=[*QUESTIONNAIRES.columns, *codes])


PART = BundlePart(app="voice", order=25, files=(QUESTIONNAIRES,), parse=parse, store=store, export=export)
