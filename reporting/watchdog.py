"""The recomputation watchdog (issue 26, item 8): a request mark no computation answered."""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from reporting.models import PeriodComputation

logger = logging.getLogger(__name__)


def withdraw_stale_requests(now=None) -> int:
    """Take back recomputation marks older than ``RECOMPUTE_STALE_MINUTES`` that no
    computation answered (a worker that died): returns how many, and logs each period."""
    now = now or timezone.now()
    stale = now - dt.timedelta(minutes=settings.RECOMPUTE_STALE_MINUTES)
    with transaction.atomic():
        dead = list(PeriodComputation.objects.select_for_update(skip_locked=True)
                    .filter(requested_at__lt=stale)
                    .filter(Q(computed_at__isnull=True) | Q(requested_at__gt=F("computed_at"))))
        for computation in dead:
            logger.warning("recomputation of %s requested at %s never finished; the request is taken back",
                           computation.period, computation.requested_at)
            computation.requested_at = None
            computation.save(update_fields=["requested_at"])
    return len(dead)
