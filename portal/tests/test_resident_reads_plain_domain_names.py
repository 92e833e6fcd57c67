"""The resident reads life domains in plain words everywhere in Mijn buurtteam (issue 27, item
11): the picture of how it goes and the plan's goals name "Voor uzelf zorgen (wassen,
aankleden, eten)" and "Geld", never the professional "Basale ADL" or "Financiën"."""

import datetime as dt

from django.urls import reverse

from plans.factories import GoalFactory
from portal.testing import as_portal
from reporting.factories import measurement


def test_the_dossier_page_names_domains_in_plain_words(client, dossier_a, applicant, resident):
    start = dossier_a.registered_on
    measurement(dossier_a, "nulmeting", start + dt.timedelta(days=1), {"basale_adl": 2, "financien": 3},
                instrument="zrm-2017", client=applicant)
    measurement(dossier_a, "tussenmeting", start + dt.timedelta(days=9), {"basale_adl": 3, "financien": 3},
                instrument="zrm-2017", client=applicant)
    GoalFactory(dossier=dossier_a, domain="financien", description="Post elke week openen")
    html = as_portal(client, resident).get(reverse("portal:dossier", args=[dossier_a.pk])).content.decode()
    assert "Voor uzelf zorgen (wassen, aankleden, eten)" in html and "Geld" in html
    assert "Basale ADL" not in html and "Financiën" not in html
