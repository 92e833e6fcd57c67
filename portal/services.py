"""The portal's writes: invitations, accounts, what residents and invitees write, and the
worker's answers. Atomic, the dossier locked, errors keyed by form field.

Staff actions check the user's team (``cases.permissions.team_ids``); resident and invitee
actions are called with objects already scoped by ``portal.querysets``. Every change a
resident or invitee makes opens a task for the regisseur (``work.services.notify_regisseur``) and shows on the
dossier timeline (``portal.panels.portal_timeline``). Goal rules are the plan's own
(``plans.services.validate_goal`` / ``add_goal``); nothing here duplicates them."""

import datetime as dt
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_email.models import EmailDevice

from cases.models import Client, Dossier, DossierMember
from cases.rules import Errors, today
from cases.services import lock_dossier
from journal.models import Document
from maatwerk.models import Referral, Status
from plans import services as plan_services
from plans.consent_services import names_contact
from plans.models import Action, Consent, Direction, Goal, NetworkContact, ProposedBy
from portal import throttle
from portal.models import (
    AccountKind,
    ActionDone,
    GoalApplication,
    GoalComment,
    GoalProposal,
    Invitation,
    Message,
    PortalAccount,
    SharedDocument,
)
from portal.querysets import adults_with_account, is_adult
from work.services import notify_regisseur

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from paper
CODE_LENGTH = 12


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch in CODE_ALPHABET)


def format_code(code: str) -> str:
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


CLOSED = _("This dossier is closed. You can no longer change it.")


def _lock(dossier_id: int, user=None, *, open_only: bool = True, held: Dossier | None = None) -> Dossier:
    """A worker's write (``user``): a dossier of their team. A resident's or invitee's write
    (no ``user``): the view found the dossier through ``portal.querysets``, so it is theirs."""
    return lock_dossier(user, dossier_id, held=held, open_only=open_only, closed_message=CLOSED,
                        check_team=user is not None)


# Invitations ---------------------------------------------------------------------------

def _new_invitation(**fields) -> tuple[Invitation, str, str]:
    from django.conf import settings

    token = secrets.token_urlsafe(32)
    code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
    invitation = Invitation.objects.create(
        token_hash=digest(token), code_hash=digest(code),
        expires_at=timezone.now() + dt.timedelta(days=settings.PORTAL_INVITATION_DAYS), **fields)
    return invitation, token, code


def _check_email(email: str, errors: Errors, field: str = "email") -> str:
    email = (email or "").strip().lower()
    if email:
        try:
            PortalAccount._meta.get_field("email").run_validators(email)
        except ValidationError as error:
            errors.update({field: error.messages})
    return email


@transaction.atomic
def invite_resident(dossier: Dossier, *, user, client: Client, email: str = "") -> tuple[Invitation, str, str]:
    """An invitation for an adult member; earlier open invitations of the member end."""
    dossier = _lock(dossier.pk, user, open_only=False)
    errors = Errors()
    if dossier.is_closed:
        errors.add("client", _("This dossier is closed."))
    if not DossierMember.objects.filter(dossier=dossier, client=client).exists():
        errors.add("client", _("This person is not a member of the household."))
    elif not is_adult(client):
        errors.add("client", _("Only members of 18 or older can be invited (check the date of birth)."))
    if PortalAccount.objects.filter(client=client, kind=AccountKind.RESIDENT, active=True).exists():
        errors.add("client", _("This person already has access to Mijn buurtteam."))
    email = _check_email(email, errors)
    errors.raise_if_any()
    Invitation.objects.filter(client=client, kind=AccountKind.RESIDENT, accepted_at__isnull=True,
                              withdrawn_at__isnull=True).update(withdrawn_at=timezone.now(), withdrawn_by=user)
    return _new_invitation(kind=AccountKind.RESIDENT, dossier=dossier, client=client, email=email, created_by=user)


def open_invitation(*, token: str = "", code: str = "") -> Invitation | None:
    """The invitation a link or printed code names, while it can still be accepted."""
    if token:
        found = Invitation.objects.filter(token_hash=digest(token))
    elif normalise_code(code):
        found = Invitation.objects.filter(code_hash=digest(normalise_code(code)))
    else:
        return None
    return found.filter(accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now()).first()


def _new_account(kind: str, email: str, password: str, *, client=None, name: tuple[str, str] = ("", "")):
    user = get_user_model()(username=f"portaal-{secrets.token_hex(8)}", first_name=name[0][:150],
                            last_name=name[1][:150])
    user.set_unusable_password()  # the password lives on the portal account (docs/adr/0120)
    user.save()
    account = PortalAccount(user=user, kind=kind, client=client, email=email)
    account.set_password(password)
    account.save()
    EmailDevice.objects.create(user=user, name="e-mail", email=email, confirmed=True)
    return account


@transaction.atomic
def accept_invitation(invitation: Invitation, *, email: str, password: str, password_again: str) -> PortalAccount:
    """Sets the password: the invitation is used up. An invitee with an account already
    signs in with it (the goal is added to that account)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.withdrawn_at or invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation can no longer be used. Ask your buurtteam for a new one."))
    errors = Errors()
    email = _check_email(email, errors)
    if not email:
        errors.add("email", _("Fill in your e-mail address. We send your login code there."))
    existing = PortalAccount.objects.filter(email=email, active=True).first() if email and not errors else None
    if existing is not None and invitation.kind == AccountKind.INVITEE and existing.kind == AccountKind.INVITEE:
        # A third party helping with a second goal: the invitation joins the account they have.
        if not existing.check_password(password):
            raise ValidationError({"password": [_(
                "You already have an account with this e-mail address. Type the password of that account: "
                "this invitation is then added to it.")]})
        invitation.accepted_at, invitation.account = timezone.now(), existing
        invitation.save(update_fields=["accepted_at", "account"])
        return existing
    if password != password_again:
        errors.add("password_again", _("The two passwords are not the same."))
    try:
        validate_password(password)
    except ValidationError as error:
        errors.update({"password": error.messages})
    if email and PortalAccount.objects.filter(email=email).exists():
        errors.add("email", _("There is already an account with this e-mail address. "
                              "Choose another address, or ask your buurtteam."))
    errors.raise_if_any()
    if invitation.kind == AccountKind.RESIDENT:
        client = invitation.client
        account = _new_account(AccountKind.RESIDENT, email, password, client=client,
                               name=(client.given_name, client.family_name))
    else:
        contact = invitation.contact
        account = _new_account(AccountKind.INVITEE, email, password, name=(str(contact), ""))
    invitation.accepted_at = timezone.now()
    invitation.account = account
    invitation.save(update_fields=["accepted_at", "account"])
    return account


@transaction.atomic
def withdraw_invitation(invitation: Invitation, *, user) -> Invitation:
    _lock(invitation.dossier_id, user, open_only=False)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.withdrawn_at is None:
        invitation.withdrawn_at, invitation.withdrawn_by = timezone.now(), user
        invitation.save(update_fields=["withdrawn_at", "withdrawn_by"])
        if invitation.kind == AccountKind.RESIDENT and invitation.account_id:
            PortalAccount.objects.filter(pk=invitation.account_id).update(active=False)
    return invitation


def send_login_code(account: PortalAccount) -> int:
    """Mail a new login code; returns 0, or the seconds to wait when the last code went out
    too recently (nothing is sent then, and the page says so)."""
    device = EmailDevice.objects.filter(user=account.user).first() or EmailDevice.objects.create(
        user=account.user, name="e-mail", email=account.email, confirmed=True)
    allowed, details = device.generate_is_allowed()
    if not allowed and details and details.get("next_generation_at"):
        return max(1, int((details["next_generation_at"] - timezone.now()).total_seconds()) + 1)
    device.generate_challenge()
    return 0


def login_device(account: PortalAccount) -> EmailDevice | None:
    return EmailDevice.objects.filter(user=account.user).first()


def verify_login_code(account: PortalAccount, token: str) -> tuple[EmailDevice | None, bool]:
    """``(device, throttled)``: the device when ``token`` is its code, else ``None``; ``throttled``
    when the account had too many wrong codes (``portal.throttle``: WRONG_CODES per window). The
    device's row is locked while the code is checked and a failure counted, so a burst of
    parallel guesses is checked one at a time: each guess sees the failures before it, and after
    WRONG_CODES the rest are refused unchecked. A correct code clears the count."""
    with transaction.atomic():
        device = EmailDevice.objects.select_for_update().filter(user=account.user).first()
        if device is None:
            return None, False
        allowed, _data = device.verify_is_allowed()
        if not allowed or throttle.too_many_wrong_codes(account.pk):
            return None, True
        if device.verify_token((token or "").strip()):
            throttle.clear_wrong_codes(account.pk)
            return device, False
        throttle.count_wrong_code(account.pk)
    return None, False


# Third parties per goal ----------------------------------------------------------------

@transaction.atomic
def invite_third_party(goal: Goal, *, user, contact: NetworkContact, consent: Consent, email: str = ""):
    """A network contact invited to one goal, with a consent in force for that recipient."""
    dossier = _lock(goal.dossier_id, user)
    errors = Errors()
    if contact.dossier_id != dossier.pk:
        errors.add("contact", _("This contact belongs to another dossier."))
    member_ids = set(DossierMember.objects.filter(dossier=dossier).values_list("client_id", flat=True))
    if consent.client_id not in member_ids or (consent.dossier_id and consent.dossier_id != dossier.pk):
        errors.add("consent", _("This consent belongs to another household."))
    elif not Consent.objects.in_force(today()).filter(pk=consent.pk).exists():
        errors.add("consent", _("This consent is not in force today."))
    elif not names_contact(consent, contact):
        errors.add("consent", _("This consent does not name this contact as its recipient. Record a consent "
                                "for this contact first."))
    email = _check_email(email or contact.email, errors)
    errors.raise_if_any()
    return _new_invitation(kind=AccountKind.INVITEE, dossier=dossier, goal=goal, contact=contact, consent=consent,
                           email=email, created_by=user)


# What residents write ------------------------------------------------------------------

@transaction.atomic
def record_zelfscan(dossier: Dossier, *, account: PortalAccount, scores: dict):
    """The resident's own ZRM (client-voice.md): stored as a zelfscan of the resident, and a
    task for the regisseur to look at it with them."""
    from zrm import services as zrm_services

    dossier = _lock(dossier.pk)
    instrument = zrm_services.default_instrument()
    measurement = zrm_services.record_self_scan(dossier, user=None, client=account.client, instrument=instrument,
                                                scores=scores, held=dossier)
    notify_regisseur(dossier, _("Mijn buurtteam: the resident filled in a zelfscan"))
    return measurement


@transaction.atomic
def answer_questionnaire(dossier: Dossier, *, account: PortalAccount, answers: dict):
    """The client-experience questionnaire answered in the portal (client-voice.md); the
    questionnaire's service locks the dossier (the view found it through portal.querysets)."""
    from cases.services import today
    from voice import services as voice_services

    return voice_services.record_questionnaire(dossier, user=None, client=account.client, answered_on=today(),
                                               channel="portaal", answers=answers, resident=True)

@transaction.atomic
def propose_goal(dossier: Dossier, *, account: PortalAccount, client_id: int | None, domain: str,
                 description: str) -> GoalProposal:
    dossier = _lock(dossier.pk)
    description = (description or "").strip()
    client = Client.objects.filter(pk=client_id).first() if client_id else None
    errors = Errors()
    if not description:
        errors.add("description", _("Write down what you want to achieve."))
    try:
        plan_services.validate_goal(dossier, client=client, domain=domain, direction=Direction.IMPROVE,
                                    description=description, proposed_by=ProposedBy.CLIENT)
    except ValidationError as error:
        errors.update(error.message_dict)
    errors.raise_if_any()
    proposal = GoalProposal.objects.create(dossier=dossier, client=client, domain=domain,
                                           description=description, proposed_by=account)
    notify_regisseur(dossier, _("Mijn buurtteam: the household proposes a goal"))
    return proposal


@transaction.atomic
def decide_proposal(proposal: GoalProposal, *, user, take_over: bool, answer: str = "",
                    direction: str = Direction.IMPROVE, held: Dossier | None = None) -> GoalProposal:
    """Set the proposal as a goal (proposed_by = client, through the plan's own add_goal)
    or answer why not. ``held``: the caller (closing the dossier) holds the dossier's lock."""
    dossier = _lock(proposal.dossier_id, user, open_only=False, held=held)
    proposal = GoalProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != GoalProposal.Status.PROPOSED:
        raise ValidationError(_("This proposal has already been answered."))
    if not take_over and not (answer or "").strip():
        raise ValidationError({"answer": [_("Tell the household why the goal is not taken over.")]})
    if take_over:
        proposal.goal = plan_services.add_goal(
            dossier, user=user, held=dossier, client=proposal.client, domain=proposal.domain, direction=direction,
            description=proposal.description, proposed_by=ProposedBy.CLIENT)
    proposal.status = GoalProposal.Status.SET if take_over else GoalProposal.Status.DECLINED
    proposal.decided_by, proposal.decided_at, proposal.answer = user, timezone.now(), (answer or "").strip()
    proposal.save()
    return proposal


@transaction.atomic
def add_comment(goal: Goal, *, user, text: str, from_portal: bool) -> GoalComment:
    dossier = _lock(goal.dossier_id, None if from_portal else user)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Write your comment.")]})
    comment = GoalComment.objects.create(goal=goal, dossier=dossier, author=user, text=text[:2000])
    if from_portal:
        notify_regisseur(dossier, _("Mijn buurtteam: new comment on a goal"))
    return comment


@transaction.atomic
def report_action_done(action: Action, *, account: PortalAccount) -> ActionDone:
    dossier = _lock(action.dossier_id)
    if action.referral_id and Referral.objects.filter(pk=action.referral_id, status=Status.REQUESTED).exists():
        raise ValidationError(_("This help has not been decided on yet, so it cannot be done. Your buurtteam "
                                "tells you when there is a decision."))
    done, created = ActionDone.objects.get_or_create(action=action, defaults={"dossier": dossier,
                                                                              "reported_by": account})
    if created:
        notify_regisseur(dossier, _("Mijn buurtteam: the household reports support as done"))
    return done


@transaction.atomic
def send_message(dossier: Dossier, *, user, text: str, from_household: bool, for_household: bool = False,
                 recipient_ids=()) -> Message:
    """A message from a resident (``from_household``: for the team, and with ``for_household``
    also for the other adults who use Mijn buurtteam) or from the team (for the members
    ``recipient_ids``, adults with a portal account). Nobody else of the household sees it."""
    dossier = _lock(dossier.pk, None if from_household else user)
    text = (text or "").strip()
    errors = Errors()
    if not text:
        errors.add("text", _("Write your message."))
    sender = PortalAccount.objects.get(user=user).client if from_household else None
    readers = {c.pk: c for c in adults_with_account(dossier, exclude=sender)}
    if from_household:
        recipients = list(readers.values()) if for_household else []
    else:
        recipients = [readers[int(pk)] for pk in recipient_ids if int(pk) in readers]
        if not recipients:
            errors.add("recipients", _("Choose who in the household the message is for."))
    errors.raise_if_any()
    message = Message.objects.create(dossier=dossier, author=user, from_household=from_household, sender=sender,
                                     text=text[:4000])
    message.recipients.set(recipients)
    if from_household:
        notify_regisseur(dossier, _("Mijn buurtteam: new message from the household"))
    return message


@transaction.atomic
def share_document(document: Document, *, user, shared: bool) -> None:
    dossier = _lock(document.dossier_id, user, open_only=False)
    if shared:
        SharedDocument.objects.get_or_create(document=document, defaults={"dossier": dossier, "shared_by": user})
    else:
        SharedDocument.objects.filter(document=document).delete()


@transaction.atomic
def offer_app(goal: Goal, *, user, app) -> GoalApplication:
    """An e-health application from the library offered on a goal (once per goal)."""
    dossier = _lock(goal.dossier_id, user)
    if not app.active:
        raise ValidationError({"app": [_("This application is no longer in the library.")]})
    offer, _created = GoalApplication.objects.get_or_create(goal=goal, app=app,
                                                            defaults={"dossier": dossier, "offered_by": user})
    return offer
