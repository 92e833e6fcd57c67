"""Recording and correcting ZRM measurements. The rules live here, nowhere else:

- the user works in the dossier's team;
- the date is not before the dossier's registration and not in the future;
- the member belongs to the dossier (no member: the household as a whole);
- new measurements use an active instrument, and score only that instrument's domains,
  each 1 to 5 or not at all (not applicable: no score, never a zero);
- a closed dossier is read-only, except for its eindmeting dated on the closing date,
  which may still be recorded and corrected.

Every write is atomic and locks the dossier row. Rule violations raise
``ValidationError`` keyed by the entry form's field names."""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.access import team_ids
from cases.models import Client, Dossier, DossierMember, EventKind
from cases.services import record_event, today
from zrm.models import STEPS, Instrument, Measurement, MeasurementType, canonical_scores

SCORE_PREFIX = "score_"


def score_field(domain_code: str) -> str:
    """The entry form's field name for one domain."""
    return f"{SCORE_PREFIX}{domain_code}"


def default_instrument() -> Instrument | None:
    """For new measurements: the most recently added active main instrument (zrm-2017 as shipped)."""
    active = Instrument.objects.filter(active=True)
    return (
        active.filter(supplement=False).order_by("-pk").first()
        or active.filter(code="zrm-2017").first()
        or active.order_by("-pk").first()
    )


def is_editable(measurement: Measurement, dossier: Dossier | None = None) -> bool:
    """Open dossiers: every measurement. Closed dossiers: only the eindmeting on the closing date."""
    dossier = dossier or measurement.dossier
    if not dossier.is_closed:
        return True
    return measurement.type == MeasurementType.FINAL and measurement.measured_on == dossier.closed_on


def _lock(dossier: Dossier) -> Dossier:
    """Re-read the dossier under a row lock; the caller's copy may be stale."""
    return Dossier.objects.select_for_update().get(pk=dossier.pk)


def _require_team_member(user, dossier: Dossier) -> None:
    if dossier.team_id not in team_ids(user):
        raise PermissionDenied


def _add(errors: dict, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def date_errors(dossier: Dossier, measured_on: dt.date | None) -> list[str]:
    """The date rule on its own, so the form can show it together with its own errors."""
    if measured_on is None:
        return [_("Enter the date of the measurement.")]
    if measured_on > today():
        return [_("This date lies in the future.")]
    if measured_on < dossier.registered_on:
        return [_("A measurement cannot be before the registration date (%(date)s).")
                % {"date": dossier.registered_on.strftime("%d-%m-%Y")}]
    return []


def _check(
    dossier: Dossier,
    *,
    client: Client | None,
    instrument: Instrument,
    type: str,
    measured_on: dt.date | None,
    scores: Mapping[str, int | None],
    current: Measurement | None = None,
) -> dict:
    """Every rule at once, so the form shows all problems together. Returns {domain code: score}."""
    errors: dict = {}

    if type not in MeasurementType.values:
        _add(errors, "type", _("Choose the type of measurement."))

    for message in date_errors(dossier, measured_on):
        _add(errors, "measured_on", message)

    if client is not None and not DossierMember.objects.filter(dossier=dossier, client=client).exists():
        _add(errors, "client", _("This person is not a member of the household."))

    changed_instrument = current is None or current.instrument_id != instrument.pk
    if changed_instrument and not instrument.active:
        _add(errors, "instrument", _("This instrument is no longer used for new measurements."))

    if dossier.is_closed and type in MeasurementType.values:
        closed_text = dossier.closed_on.strftime("%d-%m-%Y")
        if type != MeasurementType.FINAL:
            _add(errors, "type", _("A closed dossier only takes its eindmeting (final measurement)."))
        elif measured_on is not None and measured_on != dossier.closed_on:
            _add(errors, "measured_on",
                 _("The eindmeting of a closed dossier is dated on its closing date (%(date)s).")
                 % {"date": closed_text})

    domains = {domain.code: domain for domain in instrument.domains.all()}
    unknown = sorted(set(scores) - set(domains))
    if unknown:
        _add(errors, "scores", _("Not a domain of %(instrument)s: %(codes)s.")
             % {"instrument": instrument.name, "codes": ", ".join(unknown)})
    scored = {}
    for code, value in scores.items():
        if code not in domains or value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in STEPS:
            _add(errors, score_field(code), _("A score is a step from 1 to 5, or n.v.t."))
        else:
            scored[code] = value
    if not unknown and not scored and not any(k.startswith(SCORE_PREFIX) for k in errors):
        _add(errors, NON_FIELD_ERRORS, _("Score at least one domain."))

    if errors:
        raise ValidationError(errors)
    return canonical_scores(scored)


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
) -> Measurement:
    """A new measurement of a member (or of the household: ``client=None``)."""
    dossier = _lock(dossier)
    _require_team_member(user, dossier)
    scored = _check(dossier, client=client, instrument=instrument, type=type, measured_on=measured_on,
                    scores=scores)
    measurement = Measurement.objects.create(
        dossier=dossier, client=client, instrument=instrument, type=type, measured_on=measured_on,
        created_by=user, scores=scored,
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
) -> Measurement:
    """Correct a measurement; its scores are replaced by ``scores``. Without ``instrument``
    the measurement keeps its own (which may since have been retired)."""
    dossier = _lock(measurement.dossier)
    _require_team_member(user, dossier)
    current = Measurement.objects.select_related("instrument").get(pk=measurement.pk, dossier=dossier)
    if not is_editable(current, dossier):
        raise ValidationError(_("This dossier is closed and can no longer be changed."))
    instrument = instrument or current.instrument
    scored = _check(dossier, client=client, instrument=instrument, type=type, measured_on=measured_on,
                    scores=scores, current=current)
    current.client = client
    current.instrument = instrument
    current.type = type
    current.measured_on = measured_on
    current.scores = scored
    current.save()
    record_event(dossier, user, EventKind.MEASUREMENT, on=measured_on,
                 detail=_("changed: %(what)s") % {"what": _describe(current)})
    return current
