"""Issue 26, item 7: the goal forms (new, edit, refer to maatwerk, evaluation), the support
forms (new, edit) and the network contact pages name the household's members, so showing
them writes an access-log entry for every member."""

import pytest
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from plans.factories import ActionFactory, NetworkContactFactory

PAGES = [
    ("plans:goal_new", False), ("plans:goal_edit", "goal"), ("plans:goal_refer", "goal"),
    ("plans:goal_status", "goal"), ("plans:action_new", False), ("plans:action_edit", "action"),
    ("plans:contact_new", False), ("plans:contact_edit", "contact"),
]


@pytest.mark.parametrize(("name", "second"), PAGES)
def test_form_page_logs_every_member(client, dossier, goal, generalist_a, name, second):
    dossier.workers.add(generalist_a)
    ids = {"goal": lambda: goal.pk, "action": lambda: ActionFactory(dossier=dossier, goal=goal).pk,
           "contact": lambda: NetworkContactFactory(dossier=dossier).pk}
    args = [dossier.pk] + ([ids[second]()] if second else [])
    as_user(client, generalist_a)
    before = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    assert client.get(reverse(name, args=args)).status_code == 200
    logged = set(AccessLogEntry.objects.filter(id__gt=before, user=generalist_a).values_list("client_id", flat=True))
    assert logged >= set(dossier.members.values_list("client_id", flat=True))
