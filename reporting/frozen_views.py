"""Frozen figures in the browser: the policy staff's "vaststellen" button, the revisions
page (changed team figures of the latest frozen version) and, for the team's members,
the dossiers behind a changed team figure.

Who sees what: freezing is for beleid; the revisions page for everyone who sees figures
(organisation-wide staff every team, team members their own teams and the municipality);
the dossier list (personal data, logged) for the team's members only."""

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from cases.audit import log_listed_dossiers
from cases.models import AccessAction, Dossier
from cases.permissions import can_freeze, figures_required, roles
from cases.shortcuts import get_team, paginate, with_members
from journal.models import JournalEntry
from maatwerk.models import Referral
from plans.models import Goal, Plan
from reporting.dashboards.common import month_label, quarter_label
from reporting.dashboards.frozen import revision_lines
from reporting.dashboards.overview_periods import choice_periods, overview_navigation
from reporting.freezing import freeze_period, latest_version
from reporting.models import PeriodComputation
from reporting.periods import Period
from zrm.models import Measurement


def period_label(period: Period) -> str:
    if period.is_quarter:
        return quarter_label(period)
    if len(period.code) == 7 and not period.is_half_year:
        return month_label(period)
    return period.code


def _period(value: str | None) -> Period:
    if not value:
        return Period.quarter_of(timezone.localdate())
    try:
        return Period.parse(value)
    except ValueError as error:
        raise BadRequest(str(error)) from error


@require_POST
def freeze(request):
    """Vaststellen: freeze a period (a quarter with its months) as a new version, then go back."""
    if not can_freeze(request.user):
        raise PermissionDenied
    if not request.POST.get("period"):
        raise BadRequest("which period?")
    period = _period(request.POST["period"])
    if request.POST.get("confirmed") != "yes":
        # Irreversible: first a page that names what will happen, with the button that does it.
        latest = latest_version(period)
        return render(request, "reporting/freeze_confirm.html", {
            "period": period, "period_label": period_label(period), "with_months": period.is_quarter,
            "number": latest.number + 1 if latest else 1, "next_url": _safe_next(request, period),
        })
    versions = freeze_period(period, request.user)
    messages.success(request, _("The figures of %(period)s have been frozen as version %(number)s.") % {
        "period": period_label(period), "number": versions[0].number})
    return redirect(_safe_next(request, period))


def _safe_next(request, period: Period) -> str:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("reporting:revisions") + f"?period={period.code}"
    return target


def _navigation(period: Period):
    """The overview's period picker (quarters, half-years, years), for the revisions page."""
    today = timezone.localdate()
    kinds = choice_periods(period, today)
    codes = {period.code, *(p.code for periods in kinds.values() for p in periods)}
    computations = {c.period: c for c in PeriodComputation.objects.filter(period__in=codes)}
    return overview_navigation(period, today, kinds, computations)


@require_GET
@figures_required
def revisions(request):
    period_error = ""
    try:
        period = _period(request.GET.get("period"))
    except BadRequest:
        # A period typed by hand in the address ("Q3 2026"): the page of the current quarter
        # with the problem next to the picker, not a bare 400.
        period = _period(None)
        period_error = _("“%(value)s” is not a period. Choose one from the list.") % {
            "value": request.GET.get("period", "")[:40]}
    user_roles = roles(request.user)
    version = latest_version(period)
    lines = []
    if version is not None:
        team_ids = None if user_roles.sees_organisation else user_roles.team_ids
        lines = revision_lines(version, team_ids=team_ids, member_of=user_roles.team_ids)
    return render(request, "reporting/revisions.html", {
        "period": period,
        "period_label": period_label(period),
        "navigation": _navigation(period),
        "period_error": period_error,
        "version": version,
        "lines": lines,
    })


def changed_since(dossiers, moment):
    """Dossiers of which something the figures are computed from was written after ``moment``:
    the dossier itself, a ZRM measurement, a journal entry, a referral, the plan or a goal
    (the importer sets ``updated_at`` of what it changes as well)."""
    return dossiers.filter(
        Q(updated_at__gt=moment)
        | Exists(Measurement.objects.filter(dossier=OuterRef("pk"), updated_at__gt=moment))
        | Exists(Plan.objects.filter(dossier=OuterRef("pk"), updated_at__gt=moment))
        | Exists(Goal.objects.filter(dossier=OuterRef("pk"), updated_at__gt=moment))
        | Exists(JournalEntry.objects.filter(dossier=OuterRef("pk"), created_at__gt=moment))
        | Exists(Referral.objects.filter(dossier=OuterRef("pk"), updated_at__gt=moment))
    )


@require_GET
def revision_dossiers(request, code):
    """The team's dossiers of the period changed since it was frozen (personal data: the
    team's members only, logged): the dossiers behind the team's changed figures."""
    team = get_team(request, code)
    period = _period(request.GET.get("period"))
    version = latest_version(period)
    if version is None:
        raise Http404
    in_period = Dossier.objects.for_user(request.user).filter(team=team, registered_on__lte=period.end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=period.start))
    dossiers = changed_since(in_period, version.frozen_at)
    page = paginate(request, with_members(dossiers.select_related("lead_worker").order_by("registered_on", "id")))
    log_listed_dossiers(request, AccessAction.VIEW, page,
                        detail=format_lazy(gettext_lazy("dossiers changed since freezing, {team}, {period}"),
                                           team=team.name, period=period.code))
    return render(request, "reporting/revision_dossiers.html", {
        "team": team,
        "period": period,
        "period_label": period_label(period),
        "version": version,
        "page": page,
    })
