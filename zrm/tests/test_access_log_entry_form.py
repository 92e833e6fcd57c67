"""The ZRM entry form names every member in its unit choice: each is logged."""

from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user


def test_the_entry_form_logs_every_member(client, generalist_a, dossier, applicant, partner):
    assert as_user(client, generalist_a).get(reverse("zrm:new", args=[dossier.pk])).status_code == 200
    assert set(AccessLogEntry.objects.values_list("dossier_id", "client_id")) == {
        (dossier.pk, applicant.pk), (dossier.pk, partner.pk)}
