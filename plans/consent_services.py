"""Consent (toestemming, ../shared/specs/plan.md): recording, withdrawing and requiring it.

The only place the consent rules live. Every write is atomic and locks what it changes:
the dossier first (when the consent belongs to one, as every dossier write in any app),
then the client, then the consent. A consent is never deleted: withdrawing records
``withdrawn_on`` (and who recorded it when), so what was in force on any day stays known.

Rules:
- recipient and form are required; ``given_on`` is required and not in the future;
- ``expires_on`` (optional, may lie in the future) is not before ``given_on``;
- ``withdrawn_on`` is not before ``given_on`` and not in the future; a consent is
  withdrawn once, and not after it has expired;
- the client is a member of the dossier the consent is recorded in; a new consent is
  not recorded in a closed dossier (read-only), but withdrawing is always possible;
- ``require_consent`` refuses what needs consent (sharing with a named recipient,
  inviting a third party in the portal) unless a consent for that recipient is in force
  that day (docs/adr/0100)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Client, Dossier, DossierMember
from cases.rules import Errors, date_text, today
from cases.services import lock_dossier
from plans.models import Consent, ConsentForm

CONSENT_FIELDS = ("recipient", "purpose", "form", "given_on", "expires_on")




def normalise_recipient(recipient: str) -> str:
    """Recipients compare without case and surrounding or repeated spaces."""
    return " ".join((recipient or "").split()).casefold()


def _lock_client(user, client_id: int, dossier: Dossier | None) -> Client:
    if dossier is None and not Client.objects.for_user(user).filter(pk=client_id).exists():
        raise PermissionDenied
    return Client.objects.select_for_update().get(pk=client_id)


def check_consent(values: dict, errors: Errors, *, dossier: Dossier | None, client_id: int | None) -> None:
    """The rules of one consent's own values (also used by the bundle import's messages)."""
    if not (values.get("recipient") or "").strip():
        errors.add("recipient", _("Enter who may receive the data."))
    if values.get("form") not in ConsentForm.values:
        errors.add("form", _("Choose how the consent was given: oral, written or digital."))
    given_on, expires_on = values.get("given_on"), values.get("expires_on")
    if given_on is None:
        errors.add("given_on", _("Enter the date the consent was given."))
    errors.not_in_future("given_on", given_on)
    errors.not_before("expires_on", expires_on, given_on,
                      _("The consent cannot expire before it was given (%(date)s)."))
    if dossier is not None and client_id is not None and not DossierMember.objects.filter(
        dossier=dossier, client_id=client_id
    ).exists():
        errors.add("client", _("This person is not a member of the household."))


@transaction.atomic
def record_consent(client: Client, *, user, dossier: Dossier | None = None, recipient: str, form: str,
                   given_on: dt.date | None, purpose: str = "", expires_on: dt.date | None = None) -> Consent:
    """Record a client's consent to share data with ``recipient`` (in ``dossier``, or for
    the client as a whole when ``dossier`` is None)."""
    if dossier is not None:
        dossier = lock_dossier(user, dossier.pk, closed_message=_(
            "This dossier is closed; no new consent can be recorded in it."))
    client = _lock_client(user, client.pk, dossier)
    values = {"recipient": recipient, "purpose": purpose, "form": form, "given_on": given_on,
              "expires_on": expires_on}
    errors = Errors()
    check_consent(values, errors, dossier=dossier, client_id=client.pk)
    errors.raise_if_any()
    return Consent.objects.create(
        client=client, dossier=dossier, recipient=" ".join(recipient.split()), purpose=purpose.strip(),
        form=form, given_on=given_on, expires_on=expires_on, recorded_by=user,
    )


@transaction.atomic
def withdraw_consent(consent: Consent, *, user, withdrawn_on: dt.date | None) -> Consent:
    """Record that the client withdrew the consent on ``withdrawn_on`` (kept, never deleted)."""
    if not Consent.objects.for_user(user).filter(pk=consent.pk).exists():
        raise PermissionDenied
    if consent.dossier_id is not None:
        lock_dossier(user, consent.dossier_id, open_only=False)
    Client.objects.select_for_update().filter(pk=consent.client_id).first()
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    errors = Errors()
    if consent.withdrawn_on is not None:
        errors.add("withdrawn_on", _("This consent was already withdrawn on %(date)s.")
                   % {"date": date_text(consent.withdrawn_on)})
    elif withdrawn_on is None:
        errors.add("withdrawn_on", _("Enter the date the consent was withdrawn."))
    elif withdrawn_on > today():
        errors.add("withdrawn_on", _("This date lies in the future."))
    elif withdrawn_on < consent.given_on:
        errors.add("withdrawn_on", _("The consent cannot be withdrawn before it was given (%(date)s).")
                   % {"date": date_text(consent.given_on)})
    elif consent.expires_on is not None and withdrawn_on >= consent.expires_on:
        errors.add("withdrawn_on", _("This consent had already expired on %(date)s.")
                   % {"date": date_text(consent.expires_on)})
    errors.raise_if_any()
    consent.withdrawn_on = withdrawn_on
    consent.withdrawn_by = user
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_on", "withdrawn_by", "withdrawn_at"])
    return consent


def consent_in_force(client, recipient: str, day: dt.date | None = None) -> Consent | None:
    """The client's consent for ``recipient`` in force on ``day`` (today by default), or None.
    Not scoped to a user: the caller has already checked that the user may act for the client."""
    day = day or today()
    wanted = normalise_recipient(recipient)
    if not wanted:
        return None
    candidates = Consent.objects.in_force(day).filter(client_id=getattr(client, "pk", client))
    for consent in candidates.order_by("-given_on", "-id"):
        if normalise_recipient(consent.recipient) == wanted:
            return consent
    return None


def names_contact(consent: Consent, contact) -> bool:
    """A consent names a network contact when its recipient is the contact's name (compared
    like every recipient: without case and extra spaces). A contact without a name is named
    by no consent."""
    wanted = normalise_recipient(getattr(contact, "name", "") or "")
    return bool(wanted) and normalise_recipient(consent.recipient) == wanted


def require_consent(client, recipient: str, day: dt.date | None = None, *, field: str = "recipient") -> Consent:
    """What needs consent calls this first: the consent in force, or a ``ValidationError``
    keyed by ``field`` with a message saying what is missing and how to fix it."""
    consent = consent_in_force(client, recipient, day)
    if consent is None:
        raise ValidationError({field: _(
            "%(client)s has not given consent (in force on %(date)s) to share data with "
            "\"%(recipient)s\". Record the consent first, or choose another recipient."
        ) % {"client": getattr(client, "display_name", client), "date": date_text(day or today()),
             "recipient": " ".join((recipient or "").split())}})
    return consent
