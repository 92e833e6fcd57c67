"""The admin shows frozen versions and their rows read-only: no add, change or delete."""

from django.urls import reverse

from conftest import as_user
from reporting.freezing import freeze_period
from reporting.models import FrozenRow, FrozenVersion
from reporting.tests.frozen_helpers import computed_rows


def test_read_only(client, beheer, team_a):
    computed_rows("2019-05", [team_a])
    version = freeze_period("2019-05")[0]
    row = FrozenRow.objects.filter(version=version).first()
    as_user(client, beheer)
    assert client.get(reverse("admin:reporting_frozenversion_changelist")).status_code == 200
    assert client.get(reverse("admin:reporting_frozenrow_changelist")).status_code == 200
    assert client.get(reverse("admin:reporting_frozenversion_add")).status_code == 403
    page = client.get(reverse("admin:reporting_frozenversion_change", args=[version.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(reverse("admin:reporting_frozenversion_change", args=[version.pk]),
                       {"number": 5}).status_code == 403
    assert client.post(reverse("admin:reporting_frozenrow_delete", args=[row.pk]), {"post": "yes"}).status_code == 403
    assert client.post(reverse("admin:reporting_frozenversion_delete", args=[version.pk]),
                       {"post": "yes"}).status_code == 403
    assert FrozenVersion.objects.get(pk=version.pk).number == 1 and FrozenRow.objects.filter(pk=row.pk).exists()
