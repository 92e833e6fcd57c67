"""The portal personas over EVERY URL pattern of the resolver (issue 18): a resident of
household A, a resident of household B, an invitee to one goal of A, an invitee whose
consent was withdrawn, and a generalist. The patterns and their samples are the persona
matrix's (tests/test_persona_matrix.py), requested with the ids of household A's world.

- A portal session gets a redirect, 403 or 404 on every staff URL (and the API), never a page.
- A staff session gets 403 on every /mijn/ URL.
- On /mijn/ no persona sees another household's names or BSN, and nothing is written but the
  access log and session bookkeeping; a minor child cannot be invited at all."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.factories import ClientFactory, DossierMemberFactory
from cases.models import MemberRole
from cases.services import today
from conftest import as_user
from plans.factories import ConsentFactory, GoalFactory, NetworkContactFactory
from plans.models import Consent
from portal import services
from portal.testing import as_portal, invitee_account, resident_account
from tests import test_persona_matrix as matrix
from tests.test_persona_matrix import body, patterns, sample_for, url_for, writes

worlds = matrix.worlds  # the persona matrix's two team worlds, as a fixture here too

PORTAL_PERSONAS = ["resident_a", "resident_b", "invitee_a", "invitee_withdrawn"]


@pytest.fixture
def portal_world(worlds):
    a, b = worlds["a"], worlds["b"]
    goal = GoalFactory(dossier=a.dossier, description="DoelVoorDerdeQx7")
    contact = NetworkContactFactory(dossier=a.dossier, name="ZusQx7")
    consent = ConsentFactory(dossier=a.dossier, client=a.client, recipient="ZusQx7", given_on=a.dossier.registered_on)
    withdrawn = ConsentFactory(dossier=a.dossier, client=a.client, recipient="BuurQx7",
                               given_on=a.dossier.registered_on)
    invitee, _invitation = invitee_account(goal, contact, consent, a.generalist, email="derde@example.org")
    neighbour = NetworkContactFactory(dossier=a.dossier, name="BuurQx7")
    gone, _invitation = invitee_account(goal, neighbour, withdrawn, a.generalist, email="weg@example.org")
    Consent.objects.filter(pk=withdrawn.pk).update(withdrawn_on=today())
    return {
        "resident_a": resident_account(a.dossier, a.client, a.generalist, email="a@example.org"),
        "resident_b": resident_account(b.dossier, b.client, b.generalist, email="b@example.org"),
        "invitee_a": invitee, "invitee_withdrawn": gone, "goal": goal,
    }


def _requests(client, url):
    for method in ("get", "post"):
        with CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url)
        yield method, response, queries


@pytest.mark.parametrize("persona", PORTAL_PERSONAS)
def test_portal_personas_open_no_staff_page_and_see_nothing_not_theirs(client, persona, worlds, portal_world):
    a, b = worlds["a"], worlds["b"]
    account = portal_world[persona]
    own = {"resident_a": a.client, "resident_b": b.client}.get(persona)
    own_names = {own.family_name, own.given_name} if own else set()
    others = [m for m in a.markers + b.markers if m and m not in own_names]
    problems = []
    for key, route, name in patterns():
        sample = sample_for(name, route)
        if sample is None:
            continue
        as_portal(client, account)
        url = url_for(key, route, name, sample, a, worlds["shared"])
        for method, response, queries in _requests(client, url):
            portal_page = route.startswith("mijn/")
            if name == "set_language":
                continue  # open to everyone; sends back to where the visitor was
            if not portal_page and response.status_code not in (302, 403, 404, 405):
                problems.append(f"{method.upper()} {url} ({key}) answers {response.status_code} to {persona}")
            if not portal_page and response.status_code == 302 and not response.url.startswith("/mijn/"):
                problems.append(f"{method.upper()} {url} ({key}) redirects {persona} to {response.url}")
            text = body(response)
            leaked = [marker for marker in others if marker in text]
            if leaked:
                problems.append(f"{method.upper()} {url} ({key}) shows {leaked} to {persona}")
            if response.status_code >= 500:
                problems.append(f"{method.upper()} {url} ({key}) answers {response.status_code}")
            # Household A's resident may write in its own portal (an empty POST reports an action done).
            own_write = persona == "resident_a" and portal_page
            if writes(queries.captured_queries) and not own_write:
                problems.append(f"{method.upper()} {url} ({key}) writes {writes(queries.captured_queries)}")
    assert not problems, "\n".join(problems)


def test_resident_a_sees_own_dossier_invitee_sees_own_goal(client, worlds, portal_world):
    from django.urls import reverse

    a = worlds["a"]
    as_portal(client, portal_world["resident_a"])
    assert client.get(reverse("portal:dossier", args=[a.dossier.pk])).status_code == 200
    as_portal(client, portal_world["invitee_a"])
    page = client.get(reverse("portal:invitee_goal", args=[portal_world["goal"].pk]))
    assert "DoelVoorDerdeQx7" in page.content.decode()
    as_portal(client, portal_world["invitee_withdrawn"])
    assert client.get(reverse("portal:invitee_goal", args=[portal_world["goal"].pk])).status_code == 404


def test_staff_session_gets_403_on_every_portal_url(client, worlds, portal_world):
    a = worlds["a"]
    as_user(client, a.generalist)
    problems = []
    for key, route, name in patterns():
        if not route.startswith("mijn/"):
            continue
        url = url_for(key, route, name, sample_for(name, route), a, worlds["shared"])
        for method, response, _queries in _requests(client, url):
            if response.status_code != 403:
                problems.append(f"{method.upper()} {url} ({key}) answers {response.status_code} to a generalist")
    assert not problems, "\n".join(problems)


def test_a_minor_cannot_be_invited(worlds):
    import datetime as dt

    a = worlds["a"]
    minor = ClientFactory(birth_date=today() - dt.timedelta(days=365 * 15))
    DossierMemberFactory(dossier=a.dossier, client=minor, role=MemberRole.CHILD)
    with pytest.raises(ValidationError):
        services.invite_resident(a.dossier, user=a.generalist, client=minor)
