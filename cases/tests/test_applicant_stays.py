"""Defect 7: a household always has its applicant: the aanvrager cannot be removed (other
members can), and a second applicant cannot be added."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import services
from cases.factories import ClientFactory, household
from cases.models import DossierMember, MemberRole
from conftest import as_user


@pytest.fixture
def dossier(team_a):
    return household(team_a, members=2)


def test_the_applicant_cannot_be_removed(client, generalist_a, dossier):
    applicant = dossier.members.get(role=MemberRole.APPLICANT)
    as_user(client, generalist_a)
    response = client.post(reverse("cases:remove_member", args=[dossier.pk, applicant.pk]), follow=True)
    assert DossierMember.objects.filter(pk=applicant.pk).exists()
    assert any("aanvrager" in str(m) for m in response.context["messages"])


def test_another_member_can_be_removed(generalist_a, dossier):
    partner = dossier.members.get(role=MemberRole.PARTNER)
    services.remove_member(dossier, user=generalist_a, member=partner)
    assert list(dossier.members.values_list("role", flat=True)) == [MemberRole.APPLICANT]


def test_a_second_applicant_is_refused(generalist_a, dossier):
    with pytest.raises(ValidationError) as excinfo:
        services.add_member(dossier, user=generalist_a, client=ClientFactory(), role=MemberRole.APPLICANT)
    assert "role" in excinfo.value.message_dict
