"""Sortable column headers of a list (see ``cases.filters.SORTS``): a link that sorts by the
column (again: the other way round) keeping the other filters, and the header's aria-sort."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


def _state(request, key: str) -> str | None:
    current = request.GET.get("sort", "")
    if current == key:
        return "ascending"
    if current == f"-{key}":
        return "descending"
    return None


@register.simple_tag(takes_context=True)
def aria_sort(context, key: str) -> str:
    state = _state(context["request"], key)
    return format_html(' aria-sort="{}"', state) if state else ""


@register.simple_tag(takes_context=True)
def sort_link(context, key: str, label: str) -> str:
    request = context["request"]
    state = _state(request, key)
    params = request.GET.copy()
    for name in [n for n in params if n == "page" or n.endswith("page")]:
        params.pop(name)
    params["sort"] = f"-{key}" if state == "ascending" else key
    hint = {"ascending": _("sorted ascending"), "descending": _("sorted descending")}.get(state or "", _("sort"))
    arrow = {"ascending": " ▲", "descending": " ▼"}.get(state or "", "")
    return format_html('<a class="utrecht-link utrecht-link--html-a sort-link" href="?{}">{}{}'
                       '<span class="visually-hidden"> ({})</span></a>', params.urlencode(), label, arrow, hint)
