"""Overdue early signals as self-closing tasks (front-door.md "Term"): a signal linked to an open
dossier of its team, without an outcome and without an attempt more than
``SIGNAL_FIRST_ATTEMPT_WORKING_DAYS`` working days after it came in, is a signal-task of that
dossier for the team (``work.signals``, registered in ``FrontdoorConfig.ready``: work cannot
import the front door). Recording an attempt closes it at once (``close_for``); the nightly
derivation closes it too. A signal without a dossier has no task (a task belongs to a dossier):
the team's inbox shows it as past its term."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from work.models import Signal, Task
from work.signals import Condition, working_day_cutoff

SIGNALS, ATTEMPTS, DOSSIERS = "frontdoor_earlysignal", "frontdoor_attempt", "cases_dossier"


def conditions(today: dt.date) -> list[Condition]:
    cutoff = working_day_cutoff(today, settings.SIGNAL_FIRST_ATTEMPT_WORKING_DAYS)
    return [Condition(Signal.EARLY_SIGNAL_OVERDUE, f"""
        SELECT d.id AS dossier_id, CAST(s.id AS TEXT) AS k, CAST(NULL AS DATE) AS due_on
        FROM {SIGNALS} s JOIN {DOSSIERS} d ON d.id = s.dossier_id
        WHERE d.closed_on IS NULL AND s.team_id = d.team_id AND s.outcome = '' AND s.received_on < %s
          AND NOT EXISTS (SELECT 1 FROM {ATTEMPTS} a WHERE a.signal_id = s.id)""", (cutoff,))]


def close_for(signal_id: int) -> int:
    return Task.objects.filter(signal=Signal.EARLY_SIGNAL_OVERDUE, signal_key=str(signal_id), resolved_at__isnull=True,
                               done_at__isnull=True).update(resolved_at=timezone.now())
