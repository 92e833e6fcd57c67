"""Recording and correcting ZRM measurements. The rules live here, nowhere else:

- the user works in the dossier's team;
- the date is not before the dossier's registration and not in the future;
- the member belongs to the dossier (no member: the household as a whole);
- new measurements use an active instrument, and score only that instrument's domains,
  each 1 to 5 or not at all (not applicable: no score, never a zero);
- a closed dossier is read-only, except for its eindmeting dated on the closing date,
  which may still be recorded and corrected;
- the order per unit (one member, or the household), docs/adr/0010-zrm-measurement-order.md:
  one nulmeting and at most one eindmeting; a doel-, tussen- or eindmeting needs the
  nulmeting and is not dated before it; a nulmeting is not dated after the unit's other
  measurements; a tussenmeting is not dated after the eindmeting, nor an eindmeting
  before a tussenmeting;
- a measurement entered in error is withdrawn (``withdraw_measurement``): moved to
  ``WithdrawnMeasurement`` with who, when and why, so it counts nowhere any more.

Every write is atomic and locks the dossier row. Rule violations raise
``ValidationError`` keyed by the entry form's field names."""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases import history
from cases.models import Client, Dossier, DossierMember, EventKind
from cases.rules import Errors, date_text
from cases.services import lock_dossier, record_event
from zrm.models import (
    Domain,
    Instrument,
    InstrumentKind,
    Measurement,
    MeasurementType,
    ScoredWith,
    WithdrawnMeasurement,
    canonical_scores,
)

SCORE_PREFIX = "score_"
ADULT_AGE = 18  # the participatieladder is scored for adult members (client-voice.md)


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def score_field(domain_code: str) -> str:
    """The entry form's field name for one domain."""
    return f"{SCORE_PREFIX}{domain_code}"


def default_instrument() -> Instrument | None:
    """For new measurements: the most recently added active main instrument (zrm-2017 as shipped)."""
    active = Instrument.objects.filter(active=True, kind=InstrumentKind.ZRM)
    return (
        active.filter(supplement=False).order_by("-pk").first()
        or active.filter(code="zrm-2017").first()
        or active.order_by("-pk").first()
    )


def household_instrument(dossier: Dossier) -> Instrument | None:
    """The main instrument the household is measured with: that of its latest measurement, else
    the one for new measurements. Forms list its domains (2013 and 2017 share codes)."""
    latest = (Measurement.objects.filter(dossier=dossier, instrument__supplement=False)
              .select_related("instrument").order_by("-measured_on", "-pk").first())
    return latest.instrument if latest else default_instrument()


def is_editable(measurement: Measurement, dossier: Dossier | None = None) -> bool:
    """Open dossiers: every measurement but a resident's zelfscan (their own view, which a
    worker does not change). Closed dossiers: only the eindmeting on the closing date."""
    if measurement.type == MeasurementType.SELF_SCAN:
        return False
    dossier = dossier or measurement.dossier
    if not dossier.is_closed:
        return True
    return measurement.type == MeasurementType.FINAL and measurement.measured_on == dossier.closed_on


def date_errors(dossier: Dossier, measured_on: dt.date | None) -> list[str]:
    """The date rule on its own, so the form can show it together with its own errors."""
    errors = Errors()
    if measured_on is None:
        errors.add("measured_on", _("Enter the date of the measurement."))
    errors.not_in_future("measured_on", measured_on)
    errors.not_before_registration("measured_on", measured_on, dossier)
    return errors.get("measured_on", [])


def _check(
    dossier: Dossier,
    *,
    client: Client | None,
    instrument: Instrument,
    type: str,
    measured_on: dt.date | None,
    scores: Mapping[str, int | None],
    current: Measurement | None = None,
    scored_with: str = ScoredWith.TOGETHER,
) -> dict:
    """Every rule at once, so the form shows all problems together. Returns {domain code: score}."""
    errors = Errors()
    if scored_with not in ScoredWith.values:
        errors.add("scored_with", _("Choose who scored the measurement."))

    if type not in MeasurementType.values:
        errors.add("type", _("Choose the type of measurement."))

    for message in date_errors(dossier, measured_on):
        errors.add("measured_on", message)

    if client is not None and not DossierMember.objects.filter(dossier=dossier, client=client).exists():
        errors.add("client", _("This person is not a member of the household."))
    if instrument.kind == InstrumentKind.PARTICIPATION:
        if client is None:
            errors.add("client", _("The participatieladder is scored for one adult member, not the household."))
        elif client.birth_date and measured_on and _age(client.birth_date, measured_on) < ADULT_AGE:
            errors.add("client", _("The participatieladder is scored for adult members (18 or older)."))

    changed_instrument = current is None or current.instrument_id != instrument.pk
    if changed_instrument and not instrument.active:
        errors.add("instrument", _("This instrument is no longer used for new measurements."))

    if dossier.is_closed and type in MeasurementType.values:
        if type != MeasurementType.FINAL:
            errors.add("type", _("A closed dossier only takes its eindmeting (final measurement)."))
        elif measured_on is not None and measured_on != dossier.closed_on:
            errors.add("measured_on", _("The eindmeting of a closed dossier is dated on its closing date (%(date)s).")
                       % {"date": date_text(dossier.closed_on)})

    domains = {domain.code: domain for domain in instrument.domains.all()}
    unknown = sorted(set(scores) - set(domains))
    if unknown:
        errors.add("scores", _("Not a domain of %(instrument)s: %(codes)s.")
                   % {"instrument": instrument.name, "codes": ", ".join(unknown)})
    scored = {}
    steps = instrument.step_numbers()
    for code, value in scores.items():
        if code not in domains or value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in steps:
            errors.add(score_field(code), _("A score is a step from 1 to %(last)d, or n.v.t.") % {"last": steps[-1]})
        else:
            scored[code] = value
    if not unknown and not scored and not any(k.startswith(SCORE_PREFIX) for k in errors):
        errors.add(NON_FIELD_ERRORS, _("Score at least one domain."))

    if type in MeasurementType.values and measured_on is not None:
        for field, message in order_errors(dossier, client=client, instrument=instrument, type=type,
                                           measured_on=measured_on, current=current):
            errors.add(field, message)

    errors.raise_if_any()
    return canonical_scores(scored)


LATER_TYPES = (MeasurementType.GOAL, MeasurementType.INTERIM, MeasurementType.FINAL)


def order_errors(
    dossier: Dossier, *, client: Client | None, instrument: Instrument, type: str, measured_on: dt.date,
    current: Measurement | None = None,
) -> list[tuple[str, str]]:
    """The order of one unit's measurements (see the module docstring), as (field, message).
    Only measurements that share a domain with ``instrument`` count: zrm-2013 and zrm-2017
    are one series, a supplement scored alongside (parenting) has a series of its own."""
    unit = Measurement.objects.filter(dossier=dossier, client=client)
    if current is not None:
        unit = unit.exclude(pk=current.pk)
    rows = list(unit.values_list("type", "measured_on", "instrument_id"))
    codes: dict[int, set[str]] = {}
    for instrument_id, code in Domain.objects.filter(
            instrument_id__in={r[2] for r in rows} | {instrument.pk}).values_list("instrument_id", "code"):
        codes.setdefault(instrument_id, set()).add(code)
    own = codes.get(instrument.pk, set())
    others = [(t, d) for t, d, instrument_id in rows if codes.get(instrument_id, set()) & own]
    baselines = sorted(d for t, d in others if t == MeasurementType.BASELINE)
    finals = sorted(d for t, d in others if t == MeasurementType.FINAL)
    interims = sorted(d for t, d in others if t == MeasurementType.INTERIM)
    date = date_text
    problems = []
    if type == MeasurementType.BASELINE:
        if baselines:
            problems.append(("type", _("This member already has a nulmeting (%(date)s). Correct or withdraw that "
                                       "one instead.") % {"date": date(baselines[0])}))
        later = [d for t, d in others if t in LATER_TYPES and d < measured_on]
        if later:
            problems.append(("measured_on", _("The nulmeting cannot be after a later measurement of this member "
                                              "(%(date)s).") % {"date": date(min(later))}))
    elif type in LATER_TYPES:
        if not baselines:
            problems.append(("type", _("Record the nulmeting of this member first: a %(type)s is compared with it.")
                             % {"type": MeasurementType(type).label}))
        elif measured_on < baselines[0]:
            problems.append(("measured_on", _("A %(type)s cannot be before the nulmeting (%(date)s).")
                             % {"type": MeasurementType(type).label, "date": date(baselines[0])}))
    if type == MeasurementType.FINAL:
        if finals:
            problems.append(("type", _("This member already has an eindmeting (%(date)s).")
                             % {"date": date(finals[0])}))
        if interims and measured_on < interims[-1]:
            problems.append(("measured_on", _("The eindmeting cannot be before a tussenmeting (%(date)s).")
                             % {"date": date(interims[-1])}))
    if type == MeasurementType.INTERIM and finals and measured_on > finals[0]:
        problems.append(("measured_on", _("A tussenmeting cannot be after the eindmeting (%(date)s).")
                         % {"date": date(finals[0])}))
    return problems


def _describe(measurement: Measurement) -> str:
    unit = measurement.client.display_name if measurement.client_id else _("household")
    return f"{measurement.get_type_display()}, {measurement.instrument.name}, {unit}"


@transaction.atomic
def record_measurement(
    dossier: Dossier,
    *,
    user,
    client: Client | None,
    instrument: Instrument,
    type: str,
    measured_on: dt.date,
    scores: Mapping[str, int | None],
    scored_with: str = ScoredWith.TOGETHER,
) -> Measurement:
    """A new measurement of a member (or of the household: ``client=None``)."""
    dossier = lock_dossier(user, dossier.pk, open_only=False)  # an eindmeting follows the closure
    scored = _check(dossier, client=client, instrument=instrument, type=type, measured_on=measured_on,
                    scores=scores, scored_with=scored_with)
    measurement = Measurement.objects.create(
        dossier=dossier, client=client, instrument=instrument, type=type, measured_on=measured_on,
        created_by=user, scores=scored, scored_with=scored_with,
    )
    record_event(dossier, user, EventKind.MEASUREMENT, on=measured_on, detail=_describe(measurement))
    return measurement


@transaction.atomic
def update_measurement(
    measurement: Measurement,
    *,
    user,
    client: Client | None,
    type: str,
    measured_on: dt.date,
    scores: Mapping[str, int | None],
    instrument: Instrument | None = None,
    scored_with: str | None = None,
) -> Measurement:
    """Correct a measurement; its scores are replaced by ``scores``. Without ``instrument``
    the measurement keeps its own (which may since have been retired)."""
    dossier = lock_dossier(user, measurement.dossier_id, open_only=False)
    current = Measurement.objects.select_related("instrument").get(pk=measurement.pk, dossier=dossier)
    if not is_editable(current, dossier):
        raise ValidationError(_("This dossier is closed and can no longer be changed."))
    instrument = instrument or current.instrument
    scored_with = current.scored_with if scored_with is None else scored_with
    scored = _check(dossier, client=client, instrument=instrument, type=type, measured_on=measured_on,
                    scores=scores, current=current, scored_with=scored_with or ScoredWith.TOGETHER)
    current.scored_with = scored_with
    current.client = client
    current.instrument = instrument
    current.type = type
    current.measured_on = measured_on
    current.scores = scored
    current.save()
    record_event(dossier, user, EventKind.MEASUREMENT, on=measured_on,
                 detail=_("changed: %(what)s") % {"what": _describe(current)})
    return current


@transaction.atomic
def withdraw_measurement(measurement: Measurement, *, user, reason: str) -> WithdrawnMeasurement:
    """Withdraw a measurement entered in error: it moves to ``WithdrawnMeasurement`` with
    the user, the time and the reason, and is recorded on the timeline. From then on it
    counts nowhere (development, reminders, indicators, exports). A closed dossier only
    lets its editable eindmeting be withdrawn."""
    from cases.services import lock_dossier

    dossier = lock_dossier(user, measurement.dossier_id, open_only=False)
    current = Measurement.objects.select_related("instrument", "client").get(pk=measurement.pk, dossier=dossier)
    if not is_editable(current, dossier):
        raise ValidationError(_("This dossier is closed and can no longer be changed."))
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the measurement is withdrawn.")]})
    withdrawn = WithdrawnMeasurement.objects.create(
        ref=current.ref, dossier=dossier, client=current.client, instrument=current.instrument, type=current.type,
        measured_on=current.measured_on, scores=current.scores, scored_with=current.scored_with,
        created_by=current.created_by,
        created_at=current.created_at, withdrawn_by=user, reason=reason.strip(),
    )
    what = _describe(current)
    history.removed(current)
    current.delete()
    record_event(dossier, user, EventKind.MEASUREMENT, on=withdrawn.measured_on,
                 detail=_("withdrawn: %(what)s, %(date)s (%(why)s)")
                 % {"what": what, "date": date_text(withdrawn.measured_on), "why": withdrawn.reason})
    return withdrawn


@transaction.atomic
def record_self_scan(dossier: Dossier, *, user, client: Client, instrument: Instrument,
                     scores: Mapping[str, int | None], held: Dossier | None = None) -> Measurement:
    """A resident's zelfscan (client-voice.md): the ZRM as the resident sees it, dated today,
    ``scored_with`` client. Outside the order rules and every ZRM figure; skipped domains have
    no score. ``held``/``user``: the portal's service holds the dossier's lock."""
    dossier = lock_dossier(user, dossier.pk, held=held, check_team=False)
    errors = Errors()
    if not DossierMember.objects.filter(dossier=dossier, client=client).exists():
        errors.add("client", _("This person is not a member of the household."))
    domains = set(instrument.domains.values_list("code", flat=True))
    steps = instrument.step_numbers()
    scored = {code: value for code, value in scores.items() if value is not None}
    for code, value in scored.items():
        if code not in domains or isinstance(value, bool) or value not in steps:
            errors.add(score_field(code), _("A score is a step from 1 to %(last)d, or n.v.t.") % {"last": steps[-1]})
    if not scored:
        errors.add(NON_FIELD_ERRORS, _("Answer at least one question."))
    errors.raise_if_any()
    from cases.services import today

    return Measurement.objects.create(
        dossier=dossier, client=client, instrument=instrument, type=MeasurementType.SELF_SCAN, measured_on=today(),
        scored_with=ScoredWith.CLIENT, scores=canonical_scores(scored))
