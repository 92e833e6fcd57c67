"""The questionnaire's one reminder (client-voice.md): a week after a dossier closed, residents
with an account who have not answered get one e-mail; ``voice.Invitation`` records it, so
nobody is reminded twice. Set-based: one query for the dossiers, one for their accounts."""

import datetime as dt

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Dossier, DossierMember
from cases.services import today
from portal.models import AccountKind, PortalAccount
from voice.models import Invitation, Questionnaire

REMIND_AFTER_DAYS = 7
LATEST_DAYS = 60  # a dossier closed longer ago is not reminded any more


@transaction.atomic
def remind(on: dt.date | None = None) -> int:
    """Remind the residents of dossiers closed a week or more ago (and not more than
    LATEST_DAYS); returns the number of dossiers reminded."""
    on = on or today()
    due = (Dossier.objects.filter(closed_on__lte=on - dt.timedelta(days=REMIND_AFTER_DAYS),
                                  closed_on__gte=on - dt.timedelta(days=LATEST_DAYS))
           .exclude(pk__in=Questionnaire.objects.values("dossier_id"))
           .exclude(pk__in=Invitation.objects.filter(reminded_at__isnull=False).values("dossier_id")))
    accounts = (PortalAccount.objects.filter(kind=AccountKind.RESIDENT, active=True,
                                             client__in=DossierMember.objects.filter(dossier__in=due)
                                             .values("client_id"))
                .select_related("client"))
    members = dict(DossierMember.objects.filter(dossier__in=due).values_list("client_id", "dossier_id"))
    reminded: dict[int, list[str]] = {}
    for account in accounts:
        dossier_id = members.get(account.client_id)
        if dossier_id is not None:
            reminded.setdefault(dossier_id, []).append(account.email)
    now = timezone.now()
    body = render_to_string("portal/email/questionnaire_reminder.txt", {})
    subject = _("What did you think of our help?")
    for dossier_id, emails in reminded.items():
        Invitation.objects.update_or_create(dossier_id=dossier_id, defaults={"reminded_at": now})
        for email in emails:
            transaction.on_commit(lambda e=email: send_mail(subject, body, None, [e]))
    return len(reminded)
