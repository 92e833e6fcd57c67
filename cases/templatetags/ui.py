"""Template helpers for accessible forms and compact Dutch dates."""

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

register = template.Library()


# NL Design System (Utrecht) classes per widget type: the component library styles form
# controls only through these classes (plus the --invalid modifier when the field has errors).
WIDGET_CLASSES = {
    "textarea": ("utrecht-textarea utrecht-textarea--html-textarea", "utrecht-textarea--invalid"),
    "select": ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    "radioselect": ("utrecht-radio-button utrecht-radio-button--html-input", "utrecht-radio-button--invalid"),
    "checkbox": ("utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom", ""),
    "checkboxselectmultiple": ("utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom", ""),
    "clearablefile": ("", ""),
    "file": ("", ""),
}
TEXTBOX = ("utrecht-textbox utrecht-textbox--html-input", "utrecht-textbox--invalid")
COUNTED_INPUT_LENGTH = 250  # text inputs this long or longer get a character counter (textareas always)


@register.filter
def max_length(field):
    """The length limit shown with a character counter, or None: textareas with a limit and
    long text inputs (short ones such as a name simply stop at their limit)."""
    limit = getattr(field.field, "max_length", None)
    if not limit or field.widget_type not in ("textarea", "text"):
        return None
    if field.widget_type == "text" and limit < COUNTED_INPUT_LENGTH:
        return None
    return limit


@register.filter
def label_tag(field):
    return field.label_tag(attrs={"class": "utrecht-form-label"}, label_suffix="")


@register.simple_tag
def field_widget(field, **extra):
    """The field's widget with the design system's classes, its help text, errors and
    character counter announced to screen readers."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = dict(extra)
    base, invalid = WIDGET_CLASSES.get(field.widget_type, TEXTBOX)
    classes = [base, field.field.widget.attrs.get("class", ""), extra.get("class", "")]
    if field.errors:
        classes.append(invalid)
    if any(classes):
        attrs["class"] = " ".join(c for c in classes if c)
    limit = max_length(field)
    if limit:
        # The counter says how much is left; the server refuses what is too long and keeps the
        # text, so the browser does not silently cut off a long paste (no maxlength attribute).
        described_by.append(f"{field.auto_id}_counter")
        attrs["data-maxlength"] = str(limit)
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    html = field.as_widget(attrs=attrs)
    if limit:
        html = mark_safe(html.replace(f' maxlength="{limit}"', "", 1))  # noqa: S308 (Django's own widget HTML)
    return html


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
