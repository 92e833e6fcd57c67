"""Irreversible actions ask first: "Vaststellen" and "Goedkeuren en vernietigen" show a page
that names what will happen (the period and version, the number of dossiers) with the
button that does it; the first click changes nothing."""

import pytest
from django.urls import reverse

from cases import retention
from cases.factories import user_with_role
from cases.models import DestructionStatus, Dossier, Role
from conftest import as_user
from reporting.models import FrozenVersion
from reporting.tests.frozen_helpers import computed_rows
from tests.retention_world import RetentionWorld


def test_freezing_asks_first_and_names_period_and_version(client, beleid, team_a):
    computed_rows("2019-Q2", [team_a])
    as_user(client, beleid)
    response = client.post(reverse("reporting:freeze"), {"period": "2019-Q2", "next": "/cijfers/organisatie"})
    html = response.content.decode()
    assert response.status_code == 200 and not FrozenVersion.objects.exists()
    assert "Q2 2019" in html and "versie 1" in html and 'name="confirmed" value="yes"' in html
    response = client.post(reverse("reporting:freeze"), {"period": "2019-Q2", "confirmed": "yes"})
    assert response.status_code == 302 and FrozenVersion.objects.filter(period="2019-Q2").count() == 1


@pytest.fixture
def world(team_a, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.RETENTION_YEARS = 15
    return RetentionWorld(team_a, tmp_path=tmp_path)


def test_approving_a_destruction_asks_first_and_names_the_number(client, world, beheer):
    destruction = retention.propose(user=beheer)
    as_user(client, user_with_role(Role.BEHEER, None, username="beheer-2"))
    url = reverse("cases:destruction", args=[destruction.pk])
    response = client.post(url, {"decision": "approve"})
    html = response.content.decode()
    assert response.status_code == 200
    destruction.refresh_from_db()
    assert destruction.status == DestructionStatus.PROPOSED and Dossier.objects.filter(pk=world.old.pk).exists()
    count = destruction.dossier_count
    assert f"{count} dossier" in html and "niet ongedaan" in html and 'name="confirmed" value="yes"' in html
