"""Defect 8: adding a person who is already in another open dossier asks for confirmation
(naming that dossier), on adding a member and on registering; a closed dossier does not count.
(Another team's client is never linked in at all: see the duplicate-check tests.)"""

import pytest
from django.urls import reverse

from cases import services
from cases.factories import household
from cases.models import DossierMember, MemberRole
from conftest import as_user


@pytest.fixture
def elsewhere(team_a):
    """A person in another open dossier of the same team."""
    return household(team_a).members.get().client


def _add(client, dossier, person, **extra):
    return client.post(reverse("cases:add_member", args=[dossier.pk]), {
        "role": MemberRole.PARTNER, "client-family_name": person.family_name, "client-given_name": person.given_name,
        "client-bsn": person.bsn, "client-birth_date": person.birth_date.isoformat() if person.birth_date else "",
        "duplicate_choice": str(person.pk), **extra,
    })


def test_adding_a_person_of_another_open_dossier_needs_confirmation(client, generalist_a, team_a, elsewhere):
    dossier = household(team_a)
    as_user(client, generalist_a)
    response = _add(client, dossier, elsewhere)
    assert response.status_code == 200
    form = response.context["form"]
    assert "confirm_other_open" in form.errors
    other = elsewhere.memberships.get().dossier
    assert f"dossier {other.pk}" in form.errors["confirm_other_open"][0]
    assert not DossierMember.objects.filter(dossier=dossier, client=elsewhere).exists()

    response = _add(client, dossier, elsewhere, confirm_other_open="on")
    assert response.status_code == 302
    assert DossierMember.objects.filter(dossier=dossier, client=elsewhere).exists()


def test_a_closed_dossier_does_not_count(generalist_a, team_a, elsewhere):
    other = elsewhere.memberships.get().dossier
    services.close_dossier(other, user=generalist_a, closed_on=services.today(), closure_reason="volgens_plan")
    dossier = household(team_a)
    services.add_member(dossier, user=generalist_a, client=elsewhere, role=MemberRole.PARTNER)
    assert DossierMember.objects.filter(dossier=dossier, client=elsewhere).exists()


def test_registering_an_applicant_of_another_open_dossier_needs_confirmation(generalist_a, team_a, elsewhere):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        services.register_dossier(user=generalist_a, team=team_a, registered_on=services.today(), applicant=elsewhere)
    assert "confirm_other_open" in excinfo.value.message_dict
    dossier = services.register_dossier(user=generalist_a, team=team_a, registered_on=services.today(),
                                        applicant=elsewhere, confirm_other_open=True)
    assert dossier.members.get().client == elsewhere
