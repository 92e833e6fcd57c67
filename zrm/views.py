"""Recording, correcting and reading ZRM measurements. Every view starts from the
user's dossiers (``get_dossier``) and measurements (``Measurement.objects.for_user``);
other teams' objects are 404. The rules are in ``zrm.services``."""

from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases.audit import log_access, log_access_many
from cases.models import AccessAction
from cases.rules import date_text, today
from cases.shortcuts import get_dossier, submit_form
from zrm import services
from zrm.forms import (
    HOUSEHOLD,
    NOT_APPLICABLE,
    MeasurementForm,
    WithdrawForm,
    initial_scores,
    unit_choices,
    unit_value,
)
from zrm.models import Domain, Instrument, Measurement, MeasurementType, ScoredWith
from zrm.progress import Cell, cell, domain_codes, load_measurements, previous_measurement


def _instruments():
    return Instrument.objects.prefetch_related(
        "steps", Prefetch("domains", queryset=Domain.objects.order_by("order").prefetch_related("descriptions"))
    )


def _get_measurement(request, dossier, measurement_pk) -> Measurement:
    return get_object_or_404(
        Measurement.objects.for_user(request.user).filter(dossier=dossier)
        .select_related("instrument", "client", "created_by")
        .prefetch_related("instrument__steps", "instrument__domains__descriptions"),
        pk=measurement_pk,
    )


def _unit_measurements(request, dossier, client_id):
    """All measurements of one unit (member or household) of this dossier, loaded for comparison."""
    queryset = Measurement.objects.for_user(request.user).filter(dossier=dossier)
    queryset = queryset.filter(client_id=client_id) if client_id else queryset.filter(client__isnull=True)
    return load_measurements(queryset)


@dataclass
class Step:
    number: int
    label: str
    insufficient: bool


def _steps(instrument) -> list[Step]:
    labels = {step.number: step.label for step in instrument.steps.all()}
    insufficient = instrument.insufficient_steps()
    return [Step(n, labels.get(n, ""), n in insufficient) for n in instrument.step_numbers()]


@dataclass
class MatrixRow:
    domain: Domain
    field: object  # the BoundField of the domain's radio group
    options: list[dict]
    previous: Cell | None
    descriptions: list

    @property
    def error_id(self) -> str:
        return f"{self.field.auto_id}_errors"


def _matrix(form, previous) -> list[MatrixRow]:
    rows = []
    insufficient = form.instrument.insufficient_steps() if form.instrument else ()
    for domain, bound in form.score_fields():
        value = bound.value()
        value = str(value) if value is not None else None
        options = [
            {"value": str(n), "id": f"{bound.auto_id}_{n}", "step": n, "checked": value == str(n),
             "insufficient": n in insufficient}
            for n in form.steps
        ]
        options.append({"value": NOT_APPLICABLE, "id": f"{bound.auto_id}_{NOT_APPLICABLE}", "step": NOT_APPLICABLE,
                        "checked": value == NOT_APPLICABLE, "insufficient": None})
        descriptions = list(domain.descriptions.all())
        described = {d.step: f"zrm-desc-{domain.pk}-{d.step}" for d in descriptions}
        for option in options:
            ids = [described.get(option["step"], ""), f"{bound.auto_id}_errors" if bound.errors else ""]
            option["describedby"] = " ".join(i for i in ids if i)
        rows.append(MatrixRow(domain, bound, options, cell(previous, domain.code), descriptions))
    return rows


def _initial_type(dossier, unit_measurements) -> str:
    if dossier.is_closed:
        return MeasurementType.FINAL
    if not any(m.type == MeasurementType.BASELINE for m in unit_measurements):
        return MeasurementType.BASELINE
    return MeasurementType.INTERIM


def _allowed_instruments(measurement):
    """Active instruments, and for a correction also the measurement's own (perhaps retired) one."""
    match = Q(active=True)
    if measurement is not None:
        match |= Q(pk=measurement.instrument_id)
    return _instruments().filter(match)


def _pick_instrument(code, *, posted, allowed, measurement):
    """The instrument asked for (on a POST also an inactive one, so the form can say why
    it is refused while keeping what was typed), else the measurement's or the default."""
    found = (_instruments() if posted else allowed).filter(code=code).first() if code else None
    if found is None:
        found = measurement.instrument if measurement else services.default_instrument()
    return _instruments().filter(pk=found.pk).first() if found else None


def _entry(request, dossier, measurement=None):
    """The matrix on one screen for a new (``measurement`` None) or an existing measurement."""
    members = list(dossier.members.select_related("client"))
    allowed = _allowed_instruments(measurement)
    posted = request.method == "POST"
    source = request.POST if posted else request.GET

    # The unit and the instrument decide the matrix and the previous measurement.
    units = dict(unit_choices(members))
    if measurement is not None:
        default_unit = unit_value(measurement.client_id)
    else:
        default_unit = unit_value(members[0].client_id) if members else HOUSEHOLD
    unit = source.get("client") if source.get("client") in units else default_unit
    instrument = _pick_instrument(source.get("instrument"), posted=posted, allowed=allowed, measurement=measurement)

    client_id = None if unit == HOUSEHOLD else int(unit)
    unit_measurements = _unit_measurements(request, dossier, client_id)
    initial = {"client": unit, "instrument": instrument.code if instrument else None}
    if measurement:
        initial.update(type=measurement.type, measured_on=measurement.measured_on,
                       scored_with=measurement.scored_with or ScoredWith.TOGETHER, **initial_scores(measurement))
    else:
        initial["type"] = source.get("type") if source.get("type") in MeasurementType.values else _initial_type(
            dossier, unit_measurements)
        initial["measured_on"] = dossier.closed_on if dossier.is_closed else today()
    form = MeasurementForm(request.POST if posted else None, initial=initial, dossier=dossier, members=members,
                           instruments=allowed, instrument=instrument)

    def save(data):
        if measurement is None:
            return services.record_measurement(dossier, user=request.user, **form.service_arguments())
        return services.update_measurement(measurement, user=request.user, **form.service_arguments())

    if instrument is not None and (submitted := submit_form(request, form, save,
                                                            success=_("The ZRM measurement has been saved."))):
        saved = submitted.result
        log_access(request, AccessAction.CREATE if measurement is None else AccessAction.CHANGE, dossier=dossier,
                   client=saved.client, detail=_("ZRM %(type)s %(date)s") % {
                       "type": saved.get_type_display(), "date": date_text(saved.measured_on)})
        return redirect(dossier)

    # The page shows the unit's (previous) scores and names every member in the unit
    # choice: an access to each of them.
    unit_client = form.members.get(unit)
    log_access_many(request, AccessAction.VIEW, dossier=dossier, clients=[m.client_id for m in members],
                    detail=_("ZRM entry form"))
    codes = [d.code for d in instrument.domains.all()] if instrument else []
    previous = previous_measurement(unit_measurements, codes, before=measurement)
    return render(request, "zrm/measurement_form.html", {
        "dossier": dossier,
        "measurement": measurement,
        "form": form,
        "instrument": instrument,
        "instruments": list(allowed),
        "unit": unit,
        "unit_client": unit_client,
        "unit_choices": list(units.items()),
        "steps": _steps(instrument) if instrument else [],
        "matrix": _matrix(form, previous),
        "previous": previous,
        "closed_notice": dossier.is_closed,
    })


def new(request, pk):
    dossier = get_dossier(request, pk)
    return _entry(request, dossier)


def edit(request, pk, measurement_pk):
    dossier = get_dossier(request, pk)
    measurement = _get_measurement(request, dossier, measurement_pk)
    if not services.is_editable(measurement, dossier):
        messages.error(request, _("This dossier is closed and can no longer be changed."))
        return redirect("zrm:detail", pk=dossier.pk, measurement_pk=measurement.pk)
    return _entry(request, dossier, measurement)


def detail(request, pk, measurement_pk):
    dossier = get_dossier(request, pk)
    measurement = _get_measurement(request, dossier, measurement_pk)
    unit_measurements = _unit_measurements(request, dossier, measurement.client_id)
    previous = previous_measurement(unit_measurements, domain_codes(measurement), before=measurement)
    labels = {step.number: step.label for step in measurement.instrument.steps.all()}
    rows = []
    for domain in measurement.instrument.domains.all():
        current = cell(measurement, domain.code)
        rows.append({"domain": domain, "current": current, "label": labels.get(current.score, ""),
                     "previous": cell(previous, domain.code)})
    log_access(request, AccessAction.VIEW, dossier=dossier, client=measurement.client,
               detail=_("ZRM %(type)s %(date)s") % {"type": measurement.get_type_display(),
                                                   "date": measurement.measured_on.strftime("%d-%m-%Y")})
    return render(request, "zrm/measurement_detail.html", {
        "dossier": dossier,
        "measurement": measurement,
        "rows": rows,
        "previous": previous,
        "editable": services.is_editable(measurement, dossier),
    })


def withdraw(request, pk, measurement_pk):
    """Withdraw a measurement entered in error (recorded, not deleted: ``zrm.services``)."""
    dossier = get_dossier(request, pk)
    measurement = _get_measurement(request, dossier, measurement_pk)
    if not services.is_editable(measurement, dossier):
        messages.error(request, _("This dossier is closed and can no longer be changed."))
        return redirect("zrm:detail", pk=dossier.pk, measurement_pk=measurement.pk)
    form = WithdrawForm(request.POST or None)
    if submitted := submit_form(
        request, form,
        lambda data: services.withdraw_measurement(measurement, user=request.user, reason=data["reason"]),
        success=_("The measurement has been withdrawn."),
    ):
        withdrawn = submitted.result
        log_access(request, AccessAction.CHANGE, dossier=dossier, client=withdrawn.client,
                   detail=_("ZRM %(type)s %(date)s withdrawn") % {
                       "type": withdrawn.get_type_display(), "date": date_text(withdrawn.measured_on)})
        return redirect(dossier)
    return render(request, "zrm/measurement_withdraw.html",
                  {"dossier": dossier, "measurement": measurement, "form": form})
