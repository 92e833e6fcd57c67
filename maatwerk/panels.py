"""The referrals section of the dossier page, registered with ``cases.extensions``."""

from maatwerk.models import Referral


def referrals_panel_context(request, dossier, members) -> dict:
    referrals = (
        Referral.objects.for_user(request.user).filter(dossier=dossier).select_related("client", "product", "provider")
    )
    return {"dossier": dossier, "referrals": list(referrals)}
