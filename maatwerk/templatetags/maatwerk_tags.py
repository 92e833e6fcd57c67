from django import template

from maatwerk.models import Referral

register = template.Library()


@register.inclusion_tag("maatwerk/_referrals_panel.html")
def referrals_panel(dossier):
    """The referrals section of the dossier page (the view has already scoped the dossier)."""
    referrals = Referral.objects.filter(dossier=dossier).select_related("client", "product", "provider")
    return {"dossier": dossier, "referrals": referrals}


@register.simple_tag(takes_context=True)
def page_query(context, page, number):
    """The current query string with ``page.param`` set to ``number`` (several paginated lists on one page)."""
    query = context["request"].GET.copy()
    query[page.param] = number
    return query.urlencode()
