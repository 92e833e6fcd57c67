"""Test helpers: a resident or invitee with a portal session (the e-mailed code is tested
in portal/tests/test_invitation_login.py; other tests start from a logged-in session)."""

from portal import services
from portal.middleware import PORTAL_BACKEND
from portal.models import AccountKind

PASSWORD = "een lang wachtwoord voor de bewoner"  # noqa: S105 (tests only)


def resident_account(dossier, client, user, email=None):
    invitation, _token, _code = services.invite_resident(dossier, user=user, client=client,
                                                         email=email or f"bewoner{client.pk}@example.org")
    return services.accept_invitation(invitation, email=invitation.email, password=PASSWORD,
                                      password_again=PASSWORD)


def invitee_account(goal, contact, consent, user, email=None):
    invitation, _token, _code = services.invite_third_party(goal, user=user, contact=contact, consent=consent,
                                                            email=email or f"derde{contact.pk}@example.org")
    account = services.accept_invitation(invitation, email=invitation.email, password=PASSWORD,
                                         password_again=PASSWORD)
    assert account.kind == AccountKind.INVITEE
    return account, invitation


def as_portal(client, account):
    client.force_login(account.user, backend=PORTAL_BACKEND)
    return client
