from django.shortcuts import render
from django.utils.translation import gettext as _

from cases import extensions
from cases.audit import log_access_many, log_listed_dossiers
from cases.filters import DossierFilter
from cases.models import AccessAction, Dossier
from cases.permissions import is_coach_of, team_ids
from cases.services import today
from cases.shortcuts import get_dossier, get_team, paginate, with_members
from cases.timeline import recorded_facts


def _list(request, queryset, *, title, team=None, template="cases/dossier_list.html"):
    filterset = DossierFilter(
        request.GET or None, queryset=queryset, team_ids=[team.pk] if team else team_ids(request.user)
    )
    dossiers = filterset.qs.select_related("team", "lead_worker")
    page = paginate(request, with_members(dossiers))
    if filterset.is_search:
        log_listed_dossiers(request, AccessAction.SEARCH, page,
                            detail=_("search: %(q)s") % {"q": filterset.form.cleaned_data["q"]})
    else:
        log_listed_dossiers(request, AccessAction.VIEW, page, detail=str(title))
    return render(
        request,
        template,
        {"title": title, "team": team, "filter": filterset, "page": page, "today": today()},
    )


def my_dossiers(request):
    user = request.user
    return _list(request, Dossier.objects.for_user(user).involving(user), title=_("My dossiers"))


def team_dossiers(request, code):
    team = get_team(request, code)
    return _list(request, Dossier.objects.for_user(request.user).filter(team=team),
                 title=_("Dossiers of %(team)s") % {"team": team.name}, team=team)


def waiting_list(request, code):
    """Registered households whose support has not started, longest waiting first."""
    team = get_team(request, code)
    dossiers = (
        Dossier.objects.for_user(request.user)
        .filter(team=team)
        .waiting()
        .select_related("lead_worker", "referrer")
        .order_by("registered_on", "id")
    )
    page = paginate(request, with_members(dossiers), per_page=100)
    log_listed_dossiers(request, AccessAction.VIEW, page, detail=_("Waiting list %(team)s") % {"team": team.name})
    return render(request, "cases/waiting_list.html", {"team": team, "page": page, "today": today()})


def dossier_detail(request, pk):
    dossier = get_dossier(request, pk)
    members = list(dossier.members.select_related("client"))
    events = list(dossier.events.select_related("user")[:200])
    log_access_many(request, AccessAction.VIEW, clients=[m.client for m in members], dossier=dossier)
    # Lifecycle events beside what other apps contribute (journal entries, goals, ...), newest first.
    timeline = sorted(
        [*(extensions.TimelineItem(at=e.at, title=e.get_kind_display(), on=e.on, detail=e.detail, user=e.user,
                                   extra={"imported": e.user_id is None}) for e in events),
         *recorded_facts(dossier, events),  # dates an import stored without their events
         *extensions.timeline_items(request, dossier)],
        key=lambda item: item.at, reverse=True,
    )
    return render(
        request,
        "cases/dossier_detail.html",
        {
            "dossier": dossier,
            "members": members,
            "events": events,
            "timeline": timeline,
            "workers": dossier.workers.all(),
            "safeguards": dossier.safeguards.all(),
            "can_reopen": dossier.is_closed and is_coach_of(request.user, dossier.team_id),
            "today": today(),
            "panels": extensions.dossier_panels(request, dossier, members),
        },
    )
