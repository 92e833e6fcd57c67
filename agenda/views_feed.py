"""The calendar subscription: the worker's own settings page, and the feed itself (no
login: a calendar program fetches it with the secret address; every fetch is logged)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from agenda import feed as feeds
from agenda.forms import FeedForm
from agenda.models import CalendarFeed
from cases.audit import client_address


def feed_settings(request: HttpRequest) -> HttpResponse:
    current = CalendarFeed.objects.filter(user_id=request.user.pk or 0).first()
    form = FeedForm(request.POST if request.POST.get("action") == "settings" else None, instance=current)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "new":
            token = feeds.new_address(request.user)
            address = request.build_absolute_uri(reverse("agenda:feed", args=[token]))
            messages.success(request, _("Your new calendar address (shown only now; an older address no longer "
                                        "works): %(address)s") % {"address": address})
            return redirect("agenda:feed_settings")
        if action == "revoke":
            feeds.revoke(request.user)
            messages.success(request, _("The calendar address no longer works."))
            return redirect("agenda:feed_settings")
        if action == "settings" and current is not None and form.is_valid():
            form.save()
            messages.success(request, _("Your choice has been saved."))
            return redirect("agenda:feed_settings")
    fetches = list(current.fetches.all()[:10]) if current else []
    return render(request, "agenda/feed_settings.html", {"feed": current, "form": form, "fetches": fetches})


@login_not_required
@never_cache
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    found = feeds.find(token)
    if found is None:
        raise Http404
    body, count = feeds.calendar(found, link=lambda a: request.build_absolute_uri(a.get_absolute_url()))
    feeds.log_fetch(found, remote_addr=client_address(request), user_agent=request.headers.get("User-Agent", ""),
                    count=count)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="buurtteam.ics"'
    return response
