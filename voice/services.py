"""Recording a client-experience questionnaire (client-voice.md). The rules live here:

- one questionnaire per dossier, answered by a member of the dossier (or unnamed);
- ``answered_on`` not before the dossier's registration and not in the future;
- the channel is portaal, papier or telefoon; the portal is the resident's own;
- every answer is ``1``-``5`` or ``weet_niet`` to a statement of the version used; a
  statement may be left unanswered, but not every one.

Every write is atomic and locks the dossier row; problems are raised at once, keyed by the
form's field names (``answer_<code>`` for a statement)."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import Client, Dossier, DossierMember
from cases.rules import Errors
from cases.services import lock_dossier
from voice.models import ANSWERS, Channel, Questionnaire, StatementSet

ANSWER_PREFIX = "answer_"


def answer_field(code: str) -> str:
    return f"{ANSWER_PREFIX}{code}"


def current_set() -> StatementSet | None:
    """The version new questionnaires use: the most recent active one."""
    return StatementSet.objects.filter(active=True).order_by("-pk").first()


def questionnaire_errors(
    dossier: Dossier,
    *,
    client: Client | None,
    answered_on: dt.date | None,
    channel: str | None,
    answers: Mapping[str, str | None],
    resident: bool = False,
) -> Errors:
    """Every rule at once (the form shows them with its own errors); {field: [messages]}."""
    version = current_set()
    errors = Errors()
    if Questionnaire.objects.filter(dossier=dossier).exists():
        errors.add("__all__", _("This dossier already has a questionnaire."))
    if version is None:
        errors.add("__all__", _("There is no questionnaire in use."))
    if channel not in Channel.values or (channel == Channel.PORTAL) != resident:
        errors.add("channel", _("Choose how the answers were given."))
    if answered_on is None:
        errors.add("answered_on", _("Enter the date of the answers."))
    errors.not_in_future("answered_on", answered_on)
    errors.not_before_registration("answered_on", answered_on, dossier)
    if client is not None and not DossierMember.objects.filter(dossier=dossier, client=client).exists():
        errors.add("client", _("This person is not a member of the household."))
    codes = set(version.statements.values_list("code", flat=True)) if version else set()
    given = [code for code, value in answers.items() if value not in (None, "")]
    for code in given:
        if code not in codes or answers[code] not in ANSWERS:
            errors.add(answer_field(code), _("Choose one of the answers."))
    if not given:
        errors.add("__all__", _("Answer at least one statement."))
    return errors


@transaction.atomic
def record_questionnaire(
    dossier: Dossier,
    *,
    user: Any,
    client: Client | None,
    answered_on: dt.date | None,
    channel: str,
    answers: Mapping[str, str | None],
    resident: bool = False,
) -> Questionnaire:
    """Store the questionnaire of ``dossier``. ``resident``: answered by the resident in the
    portal (``user`` is then the portal account; its view checked that the dossier is theirs)."""
    dossier = lock_dossier(user, dossier.pk, open_only=False, check_team=not resident)
    errors = questionnaire_errors(dossier, client=client, answered_on=answered_on, channel=channel,
                                  answers=answers, resident=resident)
    errors.raise_if_any()
    version = current_set()
    assert version is not None and answered_on is not None
    given = {code: value for code, value in answers.items() if value}
    return Questionnaire.objects.create(
        dossier=dossier, client=client, statement_set=version, answered_on=answered_on, channel=channel,
        answers=dict(sorted(given.items())), created_by=None if resident else user,
    )
