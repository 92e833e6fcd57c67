from django import template

from maatwerk.models import Referral

register = template.Library()


@register.inclusion_tag("maatwerk/_referrals_panel.html")
def referrals_panel(dossier):
    """The referrals section of the dossier page (the view has already scoped the dossier)."""
    referrals = Referral.objects.filter(dossier=dossier).select_related("client", "product", "provider")
    return {"dossier": dossier, "referrals": referrals}
