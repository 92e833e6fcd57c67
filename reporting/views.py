"""Dashboards: the team dashboard, the organisation overview (with downloads), the
data-quality dossier lists and the coaches' "herberekenen" button.

Figures come from the reporting tables (``reporting.dashboards``), never from live
aggregates. Who sees what:

- team dashboard: the team's members (generalists, team coach); policy staff and team
  coaches, who see every team's figures in the organisation overview anyway, may open
  any team's dashboard, but only the team's members get the links to its dossiers;
- data-quality dossier lists (personal data): the team's members only, logged;
- organisation overview and its downloads: policy staff (beleid) and team coaches;
- recomputation: team coaches (of any team: a period is computed for all teams) and beleid.
"""


from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases.audit import log_listed_dossiers
from cases.models import AccessAction, Dossier, Team
from cases.permissions import can_recompute, organisation_required, roles
from cases.shortcuts import get_team, paginate, with_members
from reporting import exports
from reporting.dashboards import all_figures, common
from reporting.dashboards import organisation as overview_figures
from reporting.dashboards import quality as quality_figures
from reporting.dashboards import team as team_figures
from reporting.dashboards.overview_periods import overview_period, period_label
from reporting.indicators.closure import BASELINE_GRACE_DAYS
from reporting.models import PeriodComputation
from reporting.periods import Period
from reporting.services import request_recompute


def _period(value: str | None) -> Period:
    """A quarter from the query string; the current quarter when none is given."""
    if not value:
        return Period.quarter_of(timezone.localdate())
    try:
        period = Period.parse(value)
    except ValueError as error:
        raise BadRequest(str(error)) from error
    if not period.is_quarter:
        raise BadRequest(f"{value!r} is not a quarter (YYYY-Qn)")
    return period


def _overview_period(value: str | None) -> Period:
    """A quarter, half-year or year from the query string (the organisation overview, its
    downloads and the recomputation); the current quarter when none is given."""
    if not value:
        return Period.quarter_of(timezone.localdate())
    try:
        return overview_period(value)
    except ValueError as error:
        raise BadRequest(str(error)) from error


def home(request):
    """"Cijfers": the first team's dashboard, or the organisation overview for policy staff."""
    user_roles = roles(request.user)
    if user_roles.team_ids:
        team = Team.objects.for_user(request.user).order_by("name", "pk").first()
        return redirect("reporting:team_dashboard", code=team.code)
    if user_roles.beleid:
        return redirect("reporting:organisation")
    return render(request, "cases/no_role.html", status=403)


def team_dashboard(request, code):
    team = get_object_or_404(Team, code=code)
    user_roles = roles(request.user)
    is_member = team.pk in user_roles.team_ids
    if not (is_member or user_roles.sees_organisation):
        raise Http404
    period = _period(request.GET.get("period"))
    dashboard = team_figures.team_dashboard(team, period, today=timezone.localdate())
    return render(request, "reporting/team_dashboard.html", {
        "team": team,
        "dash": dashboard,
        "navigation": dashboard.navigation,
        "computation": dashboard.computation,
        "is_member": is_member,
        "can_recompute": can_recompute(request.user),
        "sees_organisation": user_roles.sees_organisation,
        "next_url": request.get_full_path(),
    })


@organisation_required
def organisation(request):
    period = _overview_period(request.GET.get("period"))
    overview = overview_figures.organisation_overview(
        period, today=timezone.localdate(), sort=request.GET.get("sort", "team"),
        descending=request.GET.get("order") == "desc",
    )
    columns = [{"key": "team", "label": _("Team")}] + [
        {"key": m.key, "label": str(m.label), "num": True} for m in overview.measures
    ]
    for column in columns:
        sorted_here = column["key"] == overview.sort
        column["aria_sort"] = ("descending" if overview.descending else "ascending") if sorted_here else ""
        next_descending = not overview.descending if sorted_here else column["key"] != "team"
        column["query"] = f"period={period.code}&sort={column['key']}" + ("&order=desc" if next_descending else "")
    return render(request, "reporting/organisation.html", {
        "overview": overview,
        "navigation": overview.navigation,
        "computation": overview.computation,
        "columns": columns,
        "norm_pct": common.format_number(common.FIRST_CONTACT_NORM_PCT, 0, "%"),
        "can_recompute": can_recompute(request.user),
        "next_url": request.get_full_path(),
    })


def _export_overview(request) -> overview_figures.Overview:
    period = _overview_period(request.GET.get("period"))
    overview = overview_figures.organisation_overview(period, today=timezone.localdate())
    if not overview.ready:
        raise Http404(_("This period has not been computed yet."))
    return overview


def _filename(overview: overview_figures.Overview, extension: str) -> str:
    return f"buurtteams-{overview.period.code}.{extension}"


@organisation_required
def organisation_xlsx(request):
    overview = _export_overview(request)
    response = HttpResponse(
        exports.overview_xlsx(overview, all_figures.period_figures(overview.period)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(overview, "xlsx")}"'
    return response


@organisation_required
def organisation_csv(request):
    overview = _export_overview(request)
    response = HttpResponse(exports.overview_csv(overview).encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(overview, "csv")}"'
    return response


@organisation_required
def organisation_figures_csv(request):
    """Every stored figure of the period (all families, with their dimensions) for Dutch Excel."""
    overview = _export_overview(request)
    text = exports.figures_csv(all_figures.period_figures(overview.period), all_figures.FrozenState(overview.period))
    response = HttpResponse(text.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="buurtteams-alle-cijfers-{overview.period.code}.csv"'
    return response


@require_POST
def recompute(request):
    """Herberekenen: recompute a quarter (with its months), a half-year or a year for all teams, then go back."""
    if not can_recompute(request.user):
        raise PermissionDenied
    if not request.POST.get("period"):
        raise BadRequest("which period?")
    period = _overview_period(request.POST["period"])
    failed = []
    request_recompute(period, on_failure=lambda: failed.append(True))
    computation = PeriodComputation.objects.filter(period=period.code).first()
    label = period_label(period)
    if failed:
        messages.error(request, _("The recomputation of %(period)s could not be started; the figures have not "
                                  "changed. Try again later.") % {"period": label})
    elif computation is not None and not computation.pending:
        messages.success(request, _("The figures of %(period)s have been recomputed.") % {"period": label})
    else:
        messages.info(request, _("The recomputation of %(period)s has started.") % {"period": label})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("reporting:home")
    return redirect(target)


def quality_list(request, code, kind):
    """The team's dossiers behind a data-quality percentage (personal data: members only, logged)."""
    team = get_team(request, code)
    quality = common.QUALITY_KINDS.get(kind)
    if quality is None:
        raise Http404
    period = _period(request.GET.get("period"))
    team_dossiers = Dossier.objects.for_user(request.user).filter(team=team)
    dossiers = quality_figures.quality_dossiers(team_dossiers, quality, period)
    page = paginate(request, with_members(dossiers.select_related("lead_worker").order_by("registered_on", "id")))
    log_listed_dossiers(request, AccessAction.VIEW, page,
                        detail=format_lazy(gettext_lazy("data-quality list \"{title}\", {team}, {period}"),
                                           title=quality.title, team=team.name, period=period.code))
    description = str(quality.description)
    if quality.slug == "zonder-nulmeting":
        description %= {"days": BASELINE_GRACE_DAYS}
    return render(request, "reporting/quality_list.html", {
        "team": team,
        "quality": quality,
        "description": description,
        "period": period,
        "period_label": common.quarter_label(period),
        "page": page,
    })
