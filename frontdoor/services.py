"""Short contacts (kort contact) and the teams' postcode areas: the rules of front-door.md.
Every multi-step write is atomic, locks what it changes and reports all problems at once
(``cases.rules.Errors``, keyed by form field).

- An anonymous contact stores no person: no client, no summary.
- A named contact links a known client (one the user may see) or a new one (saved here; the
  form has run the duplicate check of registration first).
- ``doorverwezen`` needs ``referred_to``; the outcome ``dossier`` is reached only by
  converting (``convert_to_dossier``): a dossier registered on the contact's date with the
  contact's client as aanvrager."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases import services as cases_services
from cases.models import Client, Dossier, DossierMember, Team
from cases.permissions import is_beheer, team_ids
from cases.rules import Errors, today
from frontdoor.models import OTHER_TOPIC, Channel, ContactOutcome, ShortContact, TeamArea, pc4_validator
from zrm.models import Domain

NOT_A_TOPIC_INSTRUMENTS = ("participatieladder",)  # front-door.md: any ZRM instrument but this one


def topics() -> list[tuple[str, str]]:
    """(code, label) of every domain of the ZRM instruments, then ``overig``."""
    seen: dict[str, str] = {}
    for code, label in (Domain.objects.exclude(instrument__code__in=NOT_A_TOPIC_INSTRUMENTS)
                        .order_by("label").values_list("code", "label")):
        seen.setdefault(code, label)
    return [*sorted(seen.items(), key=lambda item: item[1].lower()), (OTHER_TOPIC, _("other"))]


def topic_codes() -> frozenset[str]:
    return frozenset(code for code, _label in topics())


def _visible_client(user: Any, client: Client) -> bool:
    """A known client is linked only when the user may already see them: a member of one of
    the team's dossiers or short contacts, or a person in no dossier at all (as registration)."""
    if Client.objects.for_user(user).filter(pk=client.pk).exists():
        return True
    if not DossierMember.objects.filter(client_id=client.pk).exists():
        return True
    return bool(ShortContact.objects.for_user(user).filter(client=client).exists())


def contact_errors(*, team: Team | None, contacted_on: dt.date | None, channel: str, topic: str,
                   outcome: str, anonymous: bool, client: Client | None, summary: str, referred_to: str,
                   minutes: int | None) -> Errors:
    errors = Errors()
    errors.not_in_future("contacted_on", contacted_on)
    if channel not in Channel.values:
        errors.add("channel", _("Choose how the contact went."))
    if topic not in topic_codes():
        errors.add("topic", _("Choose a topic."))
    if outcome not in (ContactOutcome.ANSWERED, ContactOutcome.REFERRED):
        errors.add("outcome", _("Choose answered or referred; a dossier is made from the contact afterwards."))
    if outcome == ContactOutcome.REFERRED and not referred_to.strip():
        errors.add("referred_to", _("Say to which organisation the person was referred."))
    if minutes is not None and minutes < 1:
        errors.add("minutes", _("Enter a whole number of minutes, at least 1."))
    if anonymous:
        if client is not None:
            errors.add("anonymous", _("An anonymous contact is not linked to a person."))
        if summary.strip():
            errors.add("summary", _("An anonymous contact stores nothing about the person: leave this empty."))
    elif client is None:
        errors.add("client", _("Choose or enter the person, or mark the contact as anonymous."))
    return errors


@transaction.atomic
def register_short_contact(*, user: Any, team: Team, contacted_on: dt.date, channel: str, topic: str,
                           outcome: str, anonymous: bool, client: Client | None = None, summary: str = "",
                           referred_to: str = "", minutes: int | None = None, worker: Any = None) -> ShortContact:
    if team.pk not in team_ids(user):
        raise PermissionDenied
    if client is not None and client.pk is not None and not _visible_client(user, client):
        raise PermissionDenied
    errors = contact_errors(team=team, contacted_on=contacted_on, channel=channel, topic=topic, outcome=outcome,
                            anonymous=anonymous, client=client, summary=summary, referred_to=referred_to,
                            minutes=minutes)
    if worker is not None and team.pk not in team_ids(worker):
        errors.add("worker", _("The worker must be a member of the team."))
    errors.raise_if_any()
    if client is not None and client.pk is None:
        cases_services.save_client(client)
    return ShortContact.objects.create(
        team=team, worker=worker or user, contacted_on=contacted_on, recorded_on=today(), channel=channel,
        topic=topic, minutes=minutes, anonymous=anonymous, client=None if anonymous else client,
        summary="" if anonymous else summary.strip(),
        outcome=outcome, referred_to=referred_to.strip() if outcome == ContactOutcome.REFERRED else "",
        created_by=user,
    )


def lock_contact(user: Any, contact_id: int) -> ShortContact:
    contact: ShortContact = ShortContact.objects.select_for_update().get(pk=contact_id)
    if contact.team_id not in team_ids(user):
        raise PermissionDenied
    return contact


@transaction.atomic
def convert_to_dossier(user: Any, contact_id: int, *, lead_worker: Any = None,
                       confirm_other_open: bool = False) -> Dossier:
    """A dossier registered on the contact's date, its client as aanvrager; the contact's
    outcome becomes ``dossier`` and the two are linked."""
    contact = lock_contact(user, contact_id)
    errors = Errors()
    if contact.anonymous or contact.client is None:
        errors.add("__all__", _("An anonymous contact cannot become a dossier: register the person instead."))
    elif contact.outcome == ContactOutcome.DOSSIER:
        errors.add("__all__", _("This contact is already a dossier."))
    errors.raise_if_any()
    assert contact.client is not None
    dossier = cases_services.register_dossier(
        user=user, team=contact.team, registered_on=contact.contacted_on, applicant=contact.client,
        lead_worker=lead_worker, request_summary=contact.summary[:2000], confirm_other_open=confirm_other_open,
    )
    contact.outcome, contact.dossier, contact.referred_to = ContactOutcome.DOSSIER, dossier, ""
    contact.save(update_fields=["outcome", "dossier", "referred_to"])
    return dossier


def parse_pc4s(text: str) -> tuple[list[str], list[str]]:
    """The four-digit areas in ``text`` (separated by spaces, commas or new lines) and the
    parts that are not one."""
    found, wrong = [], []
    for part in text.replace(",", " ").split():
        try:
            pc4_validator(part)
        except ValidationError:
            wrong.append(part)
        else:
            if part not in found:
                found.append(part)
    return sorted(found), wrong


@transaction.atomic
def set_team_areas(user: Any, team: Team, pc4s: Iterable[str]) -> list[str]:
    """Functional administration: the team serves exactly ``pc4s``. An area another team
    serves is refused (one team per area: move it there first)."""
    if not is_beheer(user):
        raise PermissionDenied
    wanted = sorted(set(pc4s))
    errors = Errors()
    taken = dict(TeamArea.objects.select_for_update().filter(pc4__in=wanted).exclude(team=team)
                 .values_list("pc4", "team__name"))
    for pc4, other in sorted(taken.items()):
        errors.add("pc4s", _("%(pc4)s is served by %(team)s: remove it there first.") % {"pc4": pc4, "team": other})
    errors.raise_if_any()
    TeamArea.objects.filter(team=team).exclude(pc4__in=wanted).delete()
    have = set(TeamArea.objects.filter(team=team).values_list("pc4", flat=True))
    TeamArea.objects.bulk_create([TeamArea(team=team, pc4=pc4) for pc4 in wanted if pc4 not in have])
    return wanted
