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

# The ZRM in plain words for the resident's zelfscan (client-voice.md): the steps and the
# life domains (of zrm-2017 and zrm-2013) as a resident would say them.
ZRM_STEPS = {
    1: _("It is not going well at all. I need help right now."),
    2: _("I cannot manage this. I need a lot of help."),
    3: _("I manage a little. I need some help."),
    4: _("I manage well enough."),
    5: _("I manage completely on my own."),
}
DOMAIN = {
    "financien": _("Money"),
    "werk_opleiding": _("Work and school"),
    "tijdsbesteding": _("How you spend your day"),
    "dagbesteding": _("How you spend your day"),
    "huisvesting": _("Your home"),
    "huiselijke_relaties": _("Your family and relations at home"),
    "geestelijke_gezondheid": _("How you feel inside"),
    "lichamelijke_gezondheid": _("Your body and health"),
    "middelengebruik": _("Alcohol, drugs or pills"),
    "verslaving": _("Alcohol, drugs or pills"),
    "basale_adl": _("Looking after yourself (washing, dressing, eating)"),
    "adl": _("Looking after yourself (washing, dressing, eating)"),
    "instrumentele_adl": _("Running the household (shopping, cooking, post)"),
    "sociaal_netwerk": _("People around you"),
    "maatschappelijke_participatie": _("Taking part in the neighbourhood"),
    "justitie": _("Police and justice"),
}
DOMAIN_QUESTION = {
    "financien": _("Can you pay your bills? Do you have debts?"),
    "werk_opleiding": _("Do you have work or do you go to school?"),
    "tijdsbesteding": _("Do you have enough to do during the day?"),
    "huisvesting": _("Do you have a good and safe place to live?"),
    "huiselijke_relaties": _("How do you get along with the people you live with?"),
    "geestelijke_gezondheid": _("Do you often worry, or feel down or stressed?"),
    "lichamelijke_gezondheid": _("Are you healthy? Do you get the care you need?"),
    "middelengebruik": _("Do alcohol, drugs or pills cause you problems?"),
    "basale_adl": _("Can you wash, dress and eat by yourself?"),
    "instrumentele_adl": _("Can you do the shopping, cooking and post by yourself?"),
    "sociaal_netwerk": _("Do you have people who can help you?"),
    "maatschappelijke_participatie": _("Do you take part in things in your neighbourhood?"),
    "justitie": _("Do you have trouble with the police or the court?"),
}
