"""Every URL pattern, requested as every persona with the ids of another team's objects.

The patterns come from the resolver, so a new view is covered automatically; a pattern
without an entry in ``SAMPLES`` (admin pages are filled by a generic rule) fails
``test_every_pattern_has_a_sample``. Adding one is a one-line entry: the URL name and its
kwargs (``DOSSIER``, ``TEAM``, ``made("app.factories:SomeFactory")`` ...).

For each persona the test asserts, for a GET and an empty POST of every pattern:
- no marker of the other team's personal data (names, BSN, request text) in the answer;
- no write to the database (only the access log, sessions and login bookkeeping; the
  functional administrator's own admin pages and ``own_writes`` actions excepted);
- no 5xx.
Requested by team members with their own team's ids, every page that shows a person
(name or BSN in the answer) must have written an access-log entry for that person.
"""

import importlib
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases.factories import DossierMemberFactory, household, user_with_role
from cases.models import AccessLogEntry, MemberRole, Role
from conftest import as_user

# Kwarg values, resolved against the team "world" whose ids are used.
DOSSIER, CLIENT, MEMBER, REFERRAL, MEASUREMENT, TEAM, WORKER, IMPORT = (
    "dossier", "client", "member", "referral", "measurement", "team", "worker", "import")
MISSING = 987654  # an id nothing has


@dataclass(frozen=True)
class made:
    """An object of another app, made by its factory on the world's dossier (``dossier=``)."""

    factory: str


@dataclass(frozen=True)
class first:
    """The first object of ``app.Model`` on the world's dossier (MISSING when there is none)."""

    model: str


@dataclass
class S:
    kwargs: dict = field(default_factory=dict)
    own_writes: bool = False  # takes no ids and writes only within the user's own teams


def s(own_writes=False, **kwargs) -> S:
    return S(kwargs, own_writes)


GOAL = made("plans.factories:GoalFactory")

SAMPLES: dict[str, S] = {
    "login": s(), "logout": s(), "set_language": s(), "beheer_home": s(),
    "api-indicators": s(), "api-indicators-csv": s(), "api-indicators-xlsx": s(), "api-schema": s(),
    "api-revisions": s(),
    "cases:home": s(),
    "cases:my_dossiers": s(),
    "cases:register": s(),
    "cases:dossier": s(pk=DOSSIER),
    "cases:edit_details": s(pk=DOSSIER),
    "cases:first_contact": s(pk=DOSSIER),
    "cases:start_support": s(pk=DOSSIER),
    "cases:add_member": s(pk=DOSSIER),
    "cases:remove_member": s(pk=DOSSIER, member_pk=MEMBER),
    "cases:transfer": s(pk=DOSSIER),
    "cases:close": s(pk=DOSSIER),
    "cases:reopen": s(pk=DOSSIER),
    "cases:dossier_history": s(pk=DOSSIER),
    "cases:team_dossiers": s(code=TEAM),
    "cases:waiting_list": s(code=TEAM),
    "cases:client": s(pk=CLIENT),
    "cases:client_edit": s(pk=CLIENT),
    "cases:client_history": s(pk=CLIENT),
    "cases:access_log": s(),
    "cases:access_log_export": s(client_pk=CLIENT),
    "cases:retention": s(),
    "cases:access_confirm": s(),
    # beheer confirms any team's granted access (organisation-wide); a coach only their own team's
    "cases:access_confirm_one": s(own_writes=True, pk=made("cases.factories:pending_membership")),
    "cases:destruction": s(pk=made("cases.factories:destruction_list")),
    "cases:inzage": s(),
    # The export shows the person in full (its purpose) to the organisation's administrator:
    # here with an id nothing has (404); who may export is tested in tests/test_inzage.py.
    "cases:inzage_pdf": s(client_pk=MISSING), "cases:inzage_json": s(client_pk=MISSING),
    "zrm:new": s(pk=DOSSIER),
    "zrm:detail": s(pk=DOSSIER, measurement_pk=MEASUREMENT),
    "zrm:edit": s(pk=DOSSIER, measurement_pk=MEASUREMENT),
    "zrm:withdraw": s(pk=DOSSIER, measurement_pk=MEASUREMENT),
    "maatwerk:new": s(pk=DOSSIER),
    "maatwerk:referral": s(pk=REFERRAL),
    "maatwerk:decide": s(pk=REFERRAL),
    "maatwerk:care_period": s(pk=REFERRAL),
    "maatwerk:objection": s(pk=REFERRAL),
    "maatwerk:redecide": s(pk=REFERRAL),
    "maatwerk:team_overview": s(code=TEAM),
    "plans:plan": s(pk=DOSSIER),
    "plans:print": s(pk=DOSSIER),
    "plans:agree": s(pk=DOSSIER),
    "plans:goal_new": s(pk=DOSSIER),
    "plans:goal_suggested": s(pk=DOSSIER),
    "plans:goal_edit": s(pk=DOSSIER, goal_pk=GOAL),
    "plans:goal_status": s(pk=DOSSIER, goal_pk=GOAL),
    "plans:goal_refer": s(pk=DOSSIER, goal_pk=GOAL),
    "plans:action_new": s(pk=DOSSIER),
    "plans:action_edit": s(pk=DOSSIER, action_pk=made("plans.factories:ActionFactory")),
    "plans:action_remove": s(pk=DOSSIER, action_pk=made("plans.factories:ActionFactory")),
    "plans:contact_new": s(pk=DOSSIER),
    "plans:contact_edit": s(pk=DOSSIER, contact_pk=made("plans.factories:NetworkContactFactory")),
    "plans:contact_remove": s(pk=DOSSIER, contact_pk=made("plans.factories:NetworkContactFactory")),
    "plans:consent_new": s(pk=DOSSIER),
    "plans:consent_withdraw": s(pk=DOSSIER, consent_pk=made("plans.factories:ConsentFactory")),
    "reporting:home": s(), "reporting:organisation": s(), "reporting:organisation_xlsx": s(),
    "reporting:organisation_csv": s(), "reporting:recompute": s(),
    "reporting:organisation_figures_csv": s(),
    "reporting:team_dashboard": s(code=TEAM),
    "reporting:quality_list": s(code=TEAM, kind="zonder-nulmeting"),
    "reporting:freeze": s(), "reporting:revisions": s(),
    "reporting:revision_dossiers": s(code=TEAM),
    "exchange:import_upload": s(),
    "exchange:import_detail": s(pk=IMPORT),
    "exchange:import_confirm": s(pk=IMPORT),
    "exchange:import_problems": s(pk=IMPORT),
    "journal:list": s(pk=DOSSIER),
    "journal:new": s(pk=DOSSIER),
    "journal:correct": s(pk=DOSSIER, entry_pk=made("journal.factories:JournalEntryFactory")),
    "journal:export": s(pk=DOSSIER),
    "journal:document_new": s(pk=DOSSIER),
    "journal:document": s(pk=DOSSIER, document_pk=first("journal.Document")),
    "work:my_work": s(), "work:refresh_signals": s(own_writes=True), "work:coach_home": s(),
    "work:task_new": s(pk=DOSSIER),
    "work:task_complete": s(pk=DOSSIER, task_pk=made("work.factories:TaskFactory")),
    "work:task_reassign": s(pk=DOSSIER, task_pk=made("work.factories:TaskFactory")),
    "work:caseload": s(code=TEAM),
    "work:worker_dossiers": s(code=TEAM, user_pk=WORKER),
    "work:intake": s(code=TEAM),
    "staffauth:enrol": s(), "staffauth:verify": s(), "staffauth:recovery": s(), "staffauth:recovery_codes": s(),
    "staffauth:settings": s(own_writes=True),  # POST: new recovery codes for oneself
    "staffauth:staff_devices": s(),
    "staffauth:reset": s(user_pk=WORKER, own_writes=True),  # beheer only (others 403): asks a reset of that login
    # beheer only (others 403); a second administrator confirms a reset another one asked
    "staffauth:confirm_reset": s(reset_pk=made("staffauth.testing:reset_request"), own_writes=True),
    "staffauth:password_set": s(uidb64="MQ", token="ongeldig"),  # a link that no longer works
    "staffauth:oidc_authenticate": s(), "staffauth:oidc_callback": s(),  # 404 unless single sign-on is configured
    # The client portal: staff side on the dossier, and /mijn/ (resident personas: tests/test_portal_personas.py).
    "portal_staff:overview": s(pk=DOSSIER),
    "portal_staff:invite": s(pk=DOSSIER),
    "portal_staff:decide": s(pk=DOSSIER, proposal_pk=MISSING),
    "portal_staff:comment": s(pk=DOSSIER, goal_pk=GOAL),
    "portal_staff:invite_third_party": s(pk=DOSSIER, goal_pk=GOAL),
    "portal_staff:message": s(pk=DOSSIER),
    "portal_staff:offer_app": s(pk=DOSSIER, goal_pk=GOAL),
    "portal_staff:share": s(pk=DOSSIER, document_pk=first("journal.Document")),
    "portal_staff:withdraw": s(pk=DOSSIER, invitation_pk=first("portal.Invitation")),
    "portal:home": s(), "portal:login": s(), "portal:login_code": s(), "portal:logout": s(),
    "portal:accept_code": s(), "portal:accept": s(token="no-such-invitation"),
    "portal:oidc_authenticate": s(), "portal:oidc_callback": s(),  # 404 unless DigiD is configured
    "portal:dossier": s(pk=DOSSIER),
    "portal:goal_new": s(pk=DOSSIER),
    "portal:goal": s(pk=DOSSIER, goal_pk=GOAL),
    "portal:action_done": s(pk=DOSSIER, action_pk=made("plans.factories:ActionFactory")),
    "portal:messages": s(pk=DOSSIER),
    "portal:zelfscan": s(pk=DOSSIER),
    "portal:questionnaire": s(pk=DOSSIER),
    "portal:document": s(pk=DOSSIER, document_pk=first("journal.Document")),
    "portal:invitee_goal": s(goal_pk=GOAL),
    # Wmo toegang (toegang): meldingen, letters, iWmo messages and providers' requests
    # Client experience (voice): the worker enters a questionnaire from paper or the phone
    "voice:new": s(pk=DOSSIER),
    "toegang:dossier": s(pk=DOSSIER),
    "toegang:melding_new": s(pk=DOSSIER),
    "toegang:melding": s(pk=made("toegang.factories:melding")),
    "toegang:verslag_pdf": s(pk=made("toegang.factories:melding")),
    "toegang:letter": s(pk=made("toegang.factories:letter")),
    "toegang:team": s(code=TEAM),
    "toegang:messages": s(code=TEAM),
    "toegang:message": s(pk=made("toegang.factories:message")),
    "toegang:request": s(pk=made("toegang.factories:provider_request")),
    "toegang:refused": s(),
    "toegang:refused_message": s(pk=made("toegang.factories:refused_message")),
    # The front door (frontdoor): short contacts, early signals, their beheer pages and the signal hub's API
    "frontdoor:contact_new": s(),
    "frontdoor:contact": s(pk=made("frontdoor.factories:short_contact")),
    "frontdoor:contact_convert": s(pk=made("frontdoor.factories:short_contact")),
    "frontdoor:contacts": s(code=TEAM),
    "frontdoor:inbox": s(code=TEAM),
    "frontdoor:signal": s(pk=made("frontdoor.factories:signal")),
    "frontdoor:queue": s(),
    "frontdoor:upload": s(),
    "frontdoor:areas": s(),
    "frontdoor:api_signals": s(),
    "portal:wmo_verslag": s(pk=DOSSIER, melding_pk=made("toegang.factories:melding")),
    "portal:wmo_letter": s(pk=DOSSIER, letter_pk=made("toegang.factories:letter")),
    # Appointments and letters (agenda)
    "portal:reminders": s(pk=DOSSIER),
    "agenda:dossier": s(pk=DOSSIER),
    "agenda:plan": s(pk=DOSSIER),
    "agenda:appointment": s(pk=made("agenda.factories:appointment")),
    "agenda:edit": s(pk=made("agenda.factories:appointment")),
    "agenda:day": s(), "agenda:week": s(),
    "agenda:team": s(code=TEAM),
    "agenda:feed_settings": s(own_writes=True),  # POST: a new address of one's own feed
    "agenda:feed": s(token="geen-geldig-adres"),
    "agenda:letter_new": s(pk=DOSSIER),
    "agenda:letter": s(pk=made("agenda.factories:letter")),
    "agenda:templates": s(),
    "agenda:template_new": s(),
    "agenda:template": s(pk=made("agenda.factories:letter_template")),
    "agenda:template_preview": s(pk=made("agenda.factories:letter_template")),
}

# Login bookkeeping and the access log itself are the only writes a request may make.
ALLOWED_WRITES = ("cases_accesslogentry", "django_session", "axes_", "reporting_apiclient", "auth_user")
PERSONAS = ["anonymous", "unverified", "generalist_a", "generalist_b", "coach_a", "coach_b", "beleid", "beheer",
            "api_token"]


def patterns(resolver=None, prefix="", namespace=None):
    """(key, route, name) of every URL pattern; key is the name, or the route when unnamed."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name or prefix + str(pattern.pattern), prefix + str(pattern.pattern), name


def admin_sample(name: str | None, route: str) -> S | None:
    """Admin pages follow Django's naming (admin:<app>_<model>_<view>): filled generically."""
    if not route.startswith("beheer/"):
        return None
    if name == "admin:app_list":
        return s(app_label="cases")
    return s(object_id="admin-object", content_type_id="admin-type", id=WORKER)


def sample_for(name, route) -> S | None:
    return SAMPLES.get(name or route) or admin_sample(name, route)


class World:
    """One team's data: a household of two with marked names, a referral, a measurement,
    a generalist and a coach; other apps' objects made on demand by their factories."""

    def __init__(self, team, letter: str):
        self.team = team
        self.letter = letter
        self.generalist = user_with_role(Role.GENERALIST, team, username=f"generalist-{letter}")
        self.coach = user_with_role(Role.TEAMCOACH, team, username=f"coach-{letter}")
        self.dossier = household(team, members=1, lead_worker=self.generalist,
                                 request_summary=f"Hulpvraag{letter}Qx7 schulden")
        self.dossier.workers.add(self.generalist)
        self.member = DossierMemberFactory(dossier=self.dossier, role=MemberRole.PARTNER)
        for index, member in enumerate(self.dossier.members.select_related("client")):
            member.client.family_name = f"Familie{letter}Qx7{index}"
            member.client.given_name = f"Voornaam{letter}Qx7{index}"
            member.client.save()
        self.clients = [m.client for m in self.dossier.members.select_related("client")]
        self.client = self.clients[0]
        from maatwerk.factories import ReferralFactory
        from zrm.factories import MeasurementFactory

        self.referral = ReferralFactory(dossier=self.dossier)
        self.measurement = MeasurementFactory(dossier=self.dossier, client=self.client)
        self._made: dict = {}

    @property
    def markers(self) -> list[str]:
        values = [self.dossier.request_summary]
        for person in self.clients:
            values += [person.family_name, person.given_name, person.bsn]
        return values

    def value(self, spec: Any, shared) -> Any:
        if isinstance(spec, made):
            if spec not in self._made:
                module, _, name = spec.factory.partition(":")
                self._made[spec] = getattr(importlib.import_module(module), name)(dossier=self.dossier).pk
            return self._made[spec]
        if isinstance(spec, first):
            found = apps.get_model(spec.model).objects.filter(dossier=self.dossier).first()
            return found.pk if found else MISSING
        return {
            DOSSIER: self.dossier.pk, CLIENT: self.client.pk, MEMBER: self.member.pk, REFERRAL: self.referral.pk,
            MEASUREMENT: self.measurement.pk, TEAM: self.team.code, WORKER: self.generalist.pk,
            IMPORT: shared["import"], "admin-object": shared["admin-object"], "admin-type": shared["admin-type"],
        }.get(spec, spec)


def url_for(key, route, name, sample: S, world: World, shared) -> str:
    kwargs = {k: world.value(v, shared) for k, v in sample.kwargs.items()}
    if name:
        wanted = {k: v for k, v in kwargs.items() if f":{k}>" in route or f"<{k}>" in route}
        return reverse(name, kwargs=wanted)
    path = route
    for k, v in kwargs.items():
        for converter in ("int", "path", "slug", "str"):
            path = path.replace(f"<{converter}:{k}>", str(v))
    return "/" + path.lstrip("^").rstrip("$")


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def writes(queries) -> list[str]:
    found = []
    for query in queries:
        sql = query["sql"].lstrip().upper()
        if sql.startswith(("INSERT", "UPDATE", "DELETE")):
            table = sql.split('"')[1].lower() if '"' in sql else sql.split()[2].lower()
            if not table.startswith(ALLOWED_WRITES):
                found.append(query["sql"][:120])
    return found


@pytest.fixture
def worlds(db):
    from cases.factories import TeamFactory
    from cases.models import Team

    a = World(TeamFactory(code="team-a", name="Buurtteam A"), "A")
    b = World(TeamFactory(code="team-b", name="Buurtteam B"), "B")
    beheer = user_with_role(Role.BEHEER, None, username="beheer")
    beleid = user_with_role(Role.BELEID, None, username="beleid")
    from django.contrib.contenttypes.models import ContentType

    from reporting.models import ApiClient

    _api, token = ApiClient.create_with_token("gemeente-matrix")
    bundle_import = first("exchange.BundleImport")
    shared = {"import": MISSING, "admin-object": a.team.pk, "admin-type": ContentType.objects.get_for_model(Team).pk}
    try:
        model = apps.get_model(bundle_import.model)
        shared["import"] = model.objects.create(original_name="x.zip", size=1, uploaded_by=beheer).pk
    except Exception:  # noqa: S110 (the upload model may move; a missing one is still a 404 check)
        pass
    return {"a": a, "b": b, "beheer": beheer, "beleid": beleid, "token": token, "shared": shared}


def persona_setup(client, persona: str, worlds):
    """Log in as the persona; return (headers, the other team's world)."""
    a, b = worlds["a"], worlds["b"]
    users = {"generalist_a": a.generalist, "generalist_b": b.generalist, "coach_a": a.coach, "coach_b": b.coach,
             "beleid": worlds["beleid"], "beheer": worlds["beheer"]}
    if persona in users:
        as_user(client, users[persona])
    elif persona == "unverified":
        as_user(client, a.generalist, second_factor=False)  # password only: no second factor yet
    headers = {"HTTP_AUTHORIZATION": f"Token {worlds['token']}"} if persona == "api_token" else {}
    return headers, (b if persona.endswith("_a") else a)


def test_every_pattern_has_a_sample():
    unlisted = [key for key, route, name in patterns() if sample_for(name, route) is None]
    assert not unlisted, f"Add these URL patterns to SAMPLES in {__file__}: {unlisted}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_persona_sees_or_changes_another_teams_data(client, persona, worlds):
    headers, other = persona_setup(client, persona, worlds)
    problems = []
    for key, route, name in patterns():
        sample = sample_for(name, route)
        if sample is None:
            continue
        url = url_for(key, route, name, sample, other, worlds["shared"])
        for method in ("get", "post"):
            with CaptureQueriesContext(connection) as queries:
                response = getattr(client, method)(url, **headers)
            text = body(response)
            leaked = [marker for marker in other.markers if marker and marker in text]
            if leaked:
                problems.append(f"{method.upper()} {url} ({key}) shows {leaked}")
            own_scope = sample.own_writes or (persona == "beheer" and route.startswith("beheer/"))
            if writes(queries.captured_queries) and not own_scope:
                problems.append(f"{method.upper()} {url} ({key}) writes {writes(queries.captured_queries)}")
            if response.status_code >= 500:
                problems.append(f"{method.upper()} {url} ({key}) answers {response.status_code}")
            if persona not in ("anonymous", "api_token") and "_auth_user_id" not in client.session:
                persona_setup(client, persona, worlds)  # a logout pattern ended the session
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("persona", ["generalist_a", "coach_a"])
def test_every_page_that_shows_a_person_logs_that_person(client, persona, worlds):
    """Requested with the own team's ids: whoever's name or BSN a page shows is in the
    access-log entries that request wrote."""
    world = worlds["a"]
    as_user(client, world.generalist if persona == "generalist_a" else world.coach)
    problems, checked = [], 0
    for key, route, name in patterns():
        sample = sample_for(name, route)
        if sample is None or route.startswith(("beheer/", "accounts/logout")):
            continue
        url = url_for(key, route, name, sample, world, worlds["shared"])
        before = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = client.get(url)
        text = body(response) if response.status_code == 200 else ""
        shown = {p.pk for p in world.clients if any(v and v in text for v in (p.family_name, p.given_name, p.bsn))}
        if not shown:
            continue
        checked += 1
        logged = set(AccessLogEntry.objects.filter(id__gt=before).values_list("client_id", flat=True))
        missing = shown - logged
        if missing:
            problems.append(f"GET {url} ({key}) shows persons {sorted(missing)} without logging them")
    assert checked >= 10, f"only {checked} pages showed a person"
    assert not problems, "\n".join(problems)
