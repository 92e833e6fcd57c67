"""Template helpers for accessible forms and compact Dutch dates."""

from django import template
from django.utils import timezone

register = template.Library()


@register.simple_tag
def field_widget(field, **extra):
    """The field's widget with its help text and errors announced to screen readers."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = dict(extra)
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def days_since(value, today=None):
    if not value:
        return ""
    return ((today or timezone.localdate()) - value).days


@register.simple_tag(takes_context=True)
def page_query(context, page, number):
    """The current query string with the page's parameter (``page.param``, default "page")
    set to ``number``: filters are kept when paging."""
    query = context["request"].GET.copy()
    query[getattr(page, "param", "page")] = number
    return query.urlencode()


@register.filter
def person(user, fallback="–"):
    """A worker's display name."""
    if not user:
        return fallback
    return user.get_full_name() or user.username


@register.simple_tag(takes_context=True)
def dossier_panel(context, template_name, data):
    """Render a section another app registered with ``cases.extensions`` with the data its
    context function gave the view (the tag itself makes no queries)."""
    with context.push(**data):
        return context.template.engine.get_template(template_name).render(context)
