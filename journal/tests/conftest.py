import pytest

from cases.factories import household, user_with_role
from cases.models import Role
from journal import services
from journal.models import EntryKind


@pytest.fixture
def lead_a(team_a):
    """The dossier's lead worker: a generalist of team A who is not the author."""
    return user_with_role(Role.GENERALIST, team_a, username="lead-a")


@pytest.fixture
def colleague_a(team_a):
    """Another generalist of team A: neither author nor lead worker."""
    return user_with_role(Role.GENERALIST, team_a, username="colleague-a")


@pytest.fixture
def dossier(team_a, lead_a):
    import datetime as dt

    from cases.services import today

    return household(team_a, members=2, lead_worker=lead_a, registered_on=today() - dt.timedelta(days=60))


@pytest.fixture
def entries(dossier, generalist_a):
    """An open entry and a confidential one, both written by generalist_a (the author)."""
    from cases.services import today

    open_entry = services.write_entry(dossier, user=generalist_a, written_on=today(), kind=EntryKind.PHONE,
                                      text="Gebeld over de huur: OPENTEKST", minutes=15)
    secret = services.write_entry(dossier, user=generalist_a, written_on=today(), kind=EntryKind.HOME_VISIT,
                                  text="Zorgen over veiligheid: GEHEIMTEKST", minutes=60, confidential=True)
    return open_entry, secret
