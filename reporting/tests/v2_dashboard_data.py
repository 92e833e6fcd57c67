"""A small quarter (2026-Q3) for the team dashboard's v2 sections and the overview's
downloads: referrers, clients with known gender and birth date, closed dossiers of every
duration band, ZRM nulmeting and eindmeting; plus 2026-H1 and 2026 computed."""

import datetime as dt

from cases.factories import ClientFactory
from reporting.compute import compute_periods
from reporting.factories import dossier, measurement, referrer

D = dt.date
Q3 = "2026-Q3"  # 2026-07-01 .. 2026-09-30
H1 = "2026-H1"
YEAR = "2026"


def client(gender: str, birth_date):
    return ClientFactory(gender=gender, birth_date=birth_date)


def populate(team_a, team_b):
    own = referrer("zelfmelder", self_referral=True)
    safe = referrer("veilig-thuis")
    family = referrer("familie")
    # team A: three registrations in Q3 (self-referral, Veilig Thuis, none), two older dossiers closed in it
    a1 = dossier(team_a, D(2026, 7, 1), referrer=own, members=[client("v", D(1990, 9, 30))],  # 36: 30-39
                 support_started_on=D(2026, 7, 5), closed_on=D(2026, 8, 20))  # 50 days, 1 month: kort
    measurement(a1, "nulmeting", D(2026, 7, 5), {"financien": 2, "huisvesting": 4})
    measurement(a1, "eindmeting", D(2026, 8, 15), {"financien": 4, "huisvesting": 4})
    dossier(team_a, D(2026, 7, 6), referrer=safe, members=[client("m", D(2010, 10, 1))],  # 15: 0-17
            closed_on=D(2026, 9, 1))  # 57 days: kort
    dossier(team_a, D(2025, 1, 10), referrer=family, members=[client("x", None)],  # onbekend
            closed_on=D(2026, 7, 15))  # 551 days, 18 months: lang
    dossier(team_a, D(2026, 8, 3), members=[client("v", D(1950, 1, 1))])  # 76: 75+, no referrer, open
    dossier(team_a, D(2025, 9, 1), referrer=family, members=[client("m", D(1980, 5, 5))],  # 46: 40-59
            closed_on=D(2026, 7, 1))  # 303 days, 10 months: midden
    # team B: two registrations in Q3
    b1 = dossier(team_b, D(2026, 7, 2), referrer=own, members=[client("v", D(2000, 1, 1))],  # 26: 18-29
                 support_started_on=D(2026, 7, 8), closed_on=D(2026, 9, 10))  # 70 days: kort
    measurement(b1, "nulmeting", D(2026, 7, 3), {"financien": 4, "huisvesting": 1})
    measurement(b1, "eindmeting", D(2026, 9, 1), {"financien": 5, "huisvesting": 1})
    dossier(team_b, D(2026, 7, 3), referrer=safe, members=[client("v", D(1990, 1, 1))])  # 36, open
    compute_periods([Q3, H1, YEAR])
