"""Plain Dutch (B1) words for what the plan and maatwerk call by their professional names."""

from django.utils.translation import gettext_lazy as _

KANTELING = {
    "eigen_kracht": _("What you do yourself"),
    "sociaal_netwerk": _("Help from family, friends or neighbours"),
    "algemene_voorziening": _("Help in the neighbourhood or from the buurtteam"),
    "maatwerk": _("Help the municipality arranges"),
}
# The same for a third party, who reads about the household (not "you").
KANTELING_THIRD_PARTY = {
    "eigen_kracht": _("What the household does itself"),
    "sociaal_netwerk": _("Help from family, friends or neighbours"),
    "algemene_voorziening": _("Help in the neighbourhood or from the buurtteam"),
    "maatwerk": _("Help the municipality arranges"),
}
GOAL_STATUS = {
    "lopend": _("We are working on this"),
    "behaald": _("Achieved"),
    "deels_behaald": _("Partly achieved"),
    "niet_behaald": _("Not achieved"),
    "vervallen": _("Stopped"),
}
REFERRAL_STATUS = {
    "aangevraagd": _("Requested. We are waiting for the decision."),
    "toegekend": _("Granted"),
    "afgewezen": _("Not granted"),
    "ingetrokken": _("Withdrawn"),
}
PROPOSAL_STATUS = {
    "voorgesteld": _("Your proposal. Your buurtteam will look at it."),
    "vastgesteld": _("Agreed. It is now a goal in your plan."),
    "afgewezen": _("Not taken over"),
}
