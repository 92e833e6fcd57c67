"""The ZRM app's bundle file ``zrm.csv``: one row per measurement, one column per domain
of the instrument (`import-bundle.md`, `zrm-instruments.md`). See ``cases.bundlespec``."""

import datetime as dt
import json
import sys
from array import array
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cases.bundlespec import BundlePart, FileSpec, max_length
from zrm.models import Domain, Instrument, Measurement, MeasurementType, ScoredWith, WithdrawnMeasurement


def _domain_codes() -> frozenset[str]:
    return frozenset(Domain.objects.values_list("code", flat=True))


ZRM = FileSpec(
    "zrm.csv", 9,
    ("measurement_ref", "dossier_ref", "client_ref", "instrument", "type", "measured_on", "scored_with"),
    ("measurement_ref", "dossier_ref", "instrument", "type", "measured_on"),
    codes={"type": frozenset(MeasurementType.values), "scored_with": frozenset(ScoredWith.values)},
    max_lengths={"measurement_ref": max_length(Measurement, "ref")},
    extra_columns=_domain_codes,
)


@dataclass(slots=True)
class MeasurementRecord:
    dossier_ref: str
    client_ref: str | None
    instrument: str
    type: str
    measured_on: dt.date
    scores: dict[str, int]  # {domain code: step}, canonical (sorted)
    scored_with: str  # "" = unknown


def parse(p) -> None:
    records = p.spool("zrm.csv")
    loaded = list(Instrument.objects.prefetch_related("domains", "steps"))
    instruments = {i.code: {d.code: d.pk for d in i.domains.all()} for i in loaded}
    steps = {i.code: {str(n): n for n in i.step_numbers()} for i in loaded}
    table, rows, members = p.dossier_rows("zrm.csv")
    if table is None:
        return
    domain_codes = _domain_codes()
    domain_names = sorted(c for c in table.index if c in domain_codes)  # scores come out sorted
    domain_positions = [table.index[c] for c in domain_names]
    seen = p.key_check("zrm.csv", "measurement_ref")
    used: dict[str, int] = {}
    series = _series(instruments)
    # (dossier, client, series) -> the valid rows' (measured_on, type, line), packed: the order rules
    units: dict[tuple, array] = {}
    withdrawn = set(WithdrawnMeasurement.objects.values_list("ref", flat=True))
    for row in rows:
        ref = p.unique(row, "measurement_ref", seen)
        if ref in withdrawn:
            row.error("measurement_ref", _("this measurement was withdrawn as entered in error; an import does not "
                                           "bring it back"))
        dossier_ref, client_ref = row.required("dossier_ref"), row.text("client_ref")
        instrument = row.required("instrument") and row.code("instrument", instruments.keys())
        kind = row.required("type") and row.code("type")
        measured_on = row.required("measured_on") and row.date("measured_on")
        scored_with = row.code("scored_with") if row.text("scored_with") else ""
        dates = p.dossier(row, dossier_ref)
        if dates and measured_on:
            row.not_before("measured_on", measured_on, "registered_on", dates[0])
        if dates:
            p.member(row, dossier_ref, client_ref, members)
        scores = {}
        domains = instruments.get(instrument, {})
        own_steps = steps.get(instrument, {})
        cells = map(row.cells.__getitem__, domain_positions)
        for column, value in [(c, v) for c, v in zip(domain_names, cells, strict=True) if v]:
            step = own_steps.get(value)
            if column not in domains:
                if instrument:
                    row.error(column, _("not a domain of %(instrument)s") % {"instrument": instrument})
            elif step is not None:
                scores[column] = step
            else:
                row.error(column, _("score %(value)r must be 1 to %(last)d, or empty (not applicable)")
                          % {"value": value, "last": len(own_steps) or 5})
        if instrument:
            used.setdefault(instrument, row.line)
        if row.ok:
            records[ref] = MeasurementRecord(dossier_ref, client_ref or None, instrument, kind, measured_on, scores,
                                             scored_with or "")
            if kind != MeasurementType.SELF_SCAN:  # the resident's own view, outside the order
                # the member's refs are the strings the cases part holds (docs/adr/0200)
                key = (sys.intern(dossier_ref), client_ref and sys.intern(client_ref), series[instrument])
                units.setdefault(key, array("q")).append(_pack(measured_on, kind, row.line))
    _check_order(p, units, skip=p.report_duplicates(seen))
    for instrument, line in used.items():
        for code in instruments[instrument]:
            if code not in table.index:
                message = _("column missing for instrument %(instrument)s (used on line %(line)d)")
                p.problems.add(table.name, 1, code, message % {"instrument": instrument, "line": line})


def _series(instruments: dict[str, dict]) -> dict[str, str]:
    """Instruments that share a domain are one series (zrm-2013 and zrm-2017); a supplement
    scored alongside (parenting) is a series of its own (as ``zrm.services.order_errors``)."""
    series: dict[str, str] = {}
    for code in sorted(instruments):
        domains = set(instruments[code])
        series[code] = next((series[other] for other in series if domains & set(instruments[other])), code)
    return series


# A measurement in the order rules as one 64-bit number (8 bytes instead of a tuple of about
# 150): its date's ordinal, its type's position in ``KINDS`` and its line.
KINDS = tuple(MeasurementType.values)
LINE_BITS = 32
LINE_MASK = (1 << LINE_BITS) - 1
ORDERED = (MeasurementType.BASELINE, MeasurementType.FINAL)  # at most one of each per member


def _pack(measured_on: dt.date, kind: str, line: int) -> int:
    return (measured_on.toordinal() << 36) | (KINDS.index(kind) << LINE_BITS) | line


def _unpack(packed: int) -> tuple[dt.date, str, int]:
    return dt.date.fromordinal(packed >> 36), KINDS[(packed >> LINE_BITS) & 0xF], packed & LINE_MASK


def _check_order(p, units: dict[tuple, array], skip: set[int]) -> None:
    """The order rules of ``zrm.services`` within the bundle, per member and series: one
    nulmeting, later measurements not before it, one eindmeting and none after it.
    ``units``: (dossier, client, series) -> the valid rows, packed (``_pack``); ``skip``: the
    lines of rows with a duplicate key (their own problem is the one to fix). One member's
    measurements are unpacked at a time."""
    # The first nulmeting (eindmeting) is the earliest, by ref on the same day: members with
    # more than one wait until their refs are read again (rare in a valid bundle).
    waiting = []
    for packed in units.values():
        if len(packed) > 1:
            measurements = [m for m in map(_unpack, packed) if m[2] not in skip]
            if any(sum(kind == k for _d, kind, _l in measurements) > 1 for k in ORDERED):
                waiting.append(measurements)
            else:
                _check_member(p, measurements, {})
    wanted = {line for measurements in waiting for _d, kind, line in measurements if kind in ORDERED}
    refs = p.cells_at("zrm.csv", "measurement_ref", wanted)
    for measurements in waiting:
        _check_member(p, measurements, refs)


def _check_member(p, measurements: list[tuple[dt.date, str, int]], refs: dict[int, str]) -> None:
    baselines = sorted((d, refs.get(line, ""), line) for d, kind, line in measurements
                       if kind == MeasurementType.BASELINE)
    finals = sorted((d, refs.get(line, ""), line) for d, kind, line in measurements if kind == MeasurementType.FINAL)
    for _date, _ref, line in baselines[1:]:
        p.problems.add("zrm.csv", line, "type", _("a second nulmeting for this member (the first is %(ref)r)")
                       % {"ref": baselines[0][1]})
    for _date, _ref, line in finals[1:]:
        p.problems.add("zrm.csv", line, "type", _("a second eindmeting for this member (the first is "
                                                  "%(ref)r)") % {"ref": finals[0][1]})
    for measured_on, kind, line in measurements:
        if kind == MeasurementType.BASELINE:
            continue
        if baselines and measured_on < baselines[0][0]:
            p.problems.add("zrm.csv", line, "measured_on",
                           _("before the nulmeting of this member (%(date)s)") % {"date": baselines[0][0]})
        if finals and measured_on > finals[0][0]:
            p.problems.add("zrm.csv", line, "measured_on",
                           _("after the eindmeting of this member (%(date)s)") % {"date": finals[0][0]})


def store(s, parsed) -> None:
    records = parsed.data["zrm.csv"]
    now = s.now
    codes, client_refs, known = set(), set(), s.ids.get("clients", {})
    for m in records.values():  # one reading of the spooled records for both
        codes.add(m.instrument)
        if m.client_ref not in known:
            client_refs.add(m.client_ref)
    instruments = s.lookup("zrm_instrument", "code", codes)
    dossiers, clients = s.ids["dossiers"], s.client_ids(client_refs)
    s.upsert(
        "zrm.csv", "zrm_measurement",
        ("ref", "dossier_id", "client_id", "instrument_id", "type", "measured_on", "scored_with", "scores",
         "created_by_id", "created_at", "updated_at"),
        (
            (ref, dossiers[m.dossier_ref], clients.get(m.client_ref), instruments[m.instrument], m.type,
             m.measured_on, m.scored_with, json.dumps(m.scores), None, now, now)
            for ref, m in records.items()
        ),
        key=("ref",),
        compare=("dossier_id", "client_id", "instrument_id", "type", "measured_on", "scored_with", "scores"),
        touch=("updated_at",),
    )


def export(writer, scope) -> None:
    """One column per domain code of the instruments used, in the instruments' order."""
    measurements = scope.own(Measurement.objects.filter(dossier__in=scope.dossier_ids))
    used = Instrument.objects.filter(pk__in=measurements.values("instrument_id")).order_by("code")
    domain_columns: list[str] = []
    for code in Domain.objects.filter(instrument__in=used).order_by("instrument__code", "order").values_list(
        "code", flat=True
    ):
        if code not in domain_columns:
            domain_columns.append(code)
    position = {code: i for i, code in enumerate(domain_columns)}

    def rows():
        fields = ("ref", "dossier__ref", "client__ref", "instrument__code", "type", "measured_on", "scored_with",
                  "scores")
        for *fixed, scores in writer.rows(measurements.order_by("pk"), *fields):
            cells = [""] * len(position)
            for code, score in scores.items():
                cells[position[code]] = score
            yield [*fixed, *cells]

    writer.write(ZRM, rows(), header=[*ZRM.columns, *domain_columns])


PART = BundlePart(app="zrm", order=20, files=(ZRM,), parse=parse, store=store, export=export)
