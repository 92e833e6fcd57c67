"""The team dashboard shows registration lag and contact moments as data-quality figures."""

import datetime as dt

from django.urls import reverse

from cases.factories import household
from cases.models import Dossier
from conftest import as_user
from journal.factories import JournalEntryFactory
from reporting.compute import compute_periods
from reporting.periods import Period

QUARTER = Period.parse("2019-Q2")


def test_lag_and_contact_moments_on_the_team_dashboard(client, team_a, team_b, generalist_a):
    a = household(team_a, registered_on=dt.date(2019, 4, 1))
    Dossier.objects.filter(pk=a.pk).update(
        first_contact_on=dt.date(2019, 4, 2), first_contact_recorded_on=dt.date(2019, 4, 6),  # 4 days
        support_started_on=dt.date(2019, 4, 8), support_started_recorded_on=dt.date(2019, 4, 22),  # 14 days, late
    )
    b = household(team_b, registered_on=dt.date(2019, 4, 1))
    Dossier.objects.filter(pk=b.pk).update(first_contact_on=dt.date(2019, 4, 3),
                                           first_contact_recorded_on=dt.date(2019, 4, 3))  # 0 days
    JournalEntryFactory(dossier=a, written_on=dt.date(2019, 5, 1), kind="huisbezoek", minutes=60)
    JournalEntryFactory(dossier=a, written_on=dt.date(2019, 5, 2), kind="telefoon", minutes=None)
    JournalEntryFactory(dossier=a, written_on=dt.date(2019, 5, 2), kind="notitie", minutes=5)  # not a contact
    compute_periods([QUARTER])
    as_user(client, generalist_a)
    response = client.get(reverse("reporting:team_dashboard", args=[team_a.code]), {"period": QUARTER.code})
    rows = {row.key: [(c.value, c.count) for c in row.cells] for row in response.context["dash"].registration}
    assert rows["registration_lag_days_mean:first_contact"] == [(4.0, 1), (2.0, 2)]
    assert rows["registration_lag_days_mean:support_started"] == [(14.0, 1), (14.0, 1)]
    assert rows["registration_lag_days_mean:closed"] == [(None, None), (None, None)]
    assert rows["support_start_recorded_late_pct"] == [(100.0, 1), (100.0, 1)]
    assert rows["contact_moments"] == [(2.0, 2), (2.0, 2)]
    assert rows["contact_minutes"] == [(60.0, 1), (60.0, 1)]
    assert 'data-key="contact_moments"' in response.content.decode()
