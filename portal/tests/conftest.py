import datetime as dt

import pytest

from cases.factories import ClientFactory, DossierMemberFactory, household
from cases.models import MemberRole


@pytest.fixture
def dossier_a(team_a, generalist_a):
    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    return dossier


@pytest.fixture
def applicant(dossier_a):
    return dossier_a.members.order_by("id").first().client


@pytest.fixture
def partner(dossier_a):
    client = ClientFactory(given_name="Partnernaam", family_name="Verborgen")
    DossierMemberFactory(dossier=dossier_a, client=client, role=MemberRole.PARTNER)
    return client


@pytest.fixture
def child(dossier_a):
    client = ClientFactory(given_name="Kindnaam", birth_date=dt.date.today() - dt.timedelta(days=365 * 8))
    DossierMemberFactory(dossier=dossier_a, client=client, role=MemberRole.CHILD)
    return client


@pytest.fixture
def resident(dossier_a, applicant, generalist_a):
    from portal.testing import resident_account

    return resident_account(dossier_a, applicant, generalist_a)
