"""Portal defects of a day's work: a third party with an account accepts a second invitation
by typing that account's password; the third party's e-mail and goal page speak about the
household, not "your plan"; password rules in Dutch; a correct login code right after a wrong
one is accepted; asking for a new code within the cooldown says so honestly."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from plans.factories import ConsentFactory, GoalFactory, NetworkContactFactory
from portal import services
from portal.plain import KANTELING_THIRD_PARTY
from portal.testing import PASSWORD, invitee_account
from portal.views_auth import PENDING


@pytest.fixture
def helper(dossier_a, applicant, generalist_a):
    contact = NetworkContactFactory(dossier=dossier_a, name="Zus Annie", email="annie@example.org")
    consent = ConsentFactory(dossier=dossier_a, client=applicant, recipient="Zus Annie",
                             given_on=dossier_a.registered_on)
    return contact, consent


def test_a_third_party_with_an_account_accepts_a_second_invitation_with_its_password(dossier_a, generalist_a, helper):
    contact, consent = helper
    first_goal, second_goal = GoalFactory(dossier=dossier_a), GoalFactory(dossier=dossier_a)
    account, _first = invitee_account(first_goal, contact, consent, generalist_a, email="annie@example.org")
    second, _token, _code = services.invite_third_party(second_goal, user=generalist_a, contact=contact,
                                                        consent=consent, email="annie@example.org")
    with pytest.raises(ValidationError) as refused:
        services.accept_invitation(second, email="annie@example.org", password="iets anders helemaal",
                                   password_again="iets anders helemaal")
    assert "password" in refused.value.message_dict
    assert services.accept_invitation(second, email="annie@example.org", password=PASSWORD,
                                      password_again="") == account
    second.refresh_from_db()
    assert second.account == account and second.accepted_at


def test_the_third_partys_mail_and_words_are_about_the_household(dossier_a, generalist_a, helper, rf,
                                                                  django_capture_on_commit_callbacks):
    from portal.mail import send_invitation

    contact, consent = helper
    invitation, token, _code = services.invite_third_party(GoalFactory(dossier=dossier_a), user=generalist_a,
                                                           contact=contact, consent=consent, email="annie@example.org")
    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        send_invitation(rf.get("/"), invitation, token)
        words = str(KANTELING_THIRD_PARTY["eigen_kracht"])
    assert "uw plan" not in mail.outbox[-1].body and "één doel" in mail.outbox[-1].body
    assert "huishouden" in words and "u zelf" not in words


def test_password_rules_are_dutch(dossier_a, applicant, generalist_a):
    invitation, _token, _code = services.invite_resident(dossier_a, user=generalist_a, client=applicant,
                                                         email="bewoner@example.org")
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        services.accept_invitation(invitation, email="bewoner@example.org", password="kort", password_again="kort")
    text = " ".join(refused.value.message_dict["password"])
    assert "te kort" in text and "too short" not in text


def _pending(client, account):
    session = client.session
    session[PENDING] = account.pk
    session.save()


def test_a_correct_code_after_a_wrong_one_is_accepted(client, resident):
    services.send_login_code(resident)
    _pending(client, resident)
    code = services.login_device(resident).token
    wrong = "000000" if code != "000000" else "111111"
    assert client.post(reverse("portal:login_code"), {"token": wrong}).status_code == 200
    assert client.post(reverse("portal:login_code"), {"token": code}).status_code == 302


def test_a_new_code_within_the_cooldown_says_so(client, resident, settings):
    settings.OTP_EMAIL_COOLDOWN_DURATION = 60
    services.send_login_code(resident)
    sent = len(mail.outbox)
    _pending(client, resident)
    response = client.post(reverse("portal:login_code"), {"resend": "1"}, follow=True)
    text = " ".join(str(m) for m in response.context["messages"])
    assert len(mail.outbox) == sent and "minder dan een minuut" in text


def test_the_portal_404_uses_the_portal_frame_and_names_withdrawn_access(client, resident, dossier_a):
    from portal.testing import as_portal

    as_portal(client, resident)
    response = client.get("/mijn/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "toegang gestopt" in html and "tweestaps" not in html.lower() and reverse("portal:home") in html


def test_a_referral_awaiting_its_decision_cannot_be_reported_done(client, resident, dossier_a, generalist_a):
    from maatwerk.factories import ReferralFactory
    from plans.factories import ActionFactory
    from portal.testing import as_portal

    referral = ReferralFactory(dossier=dossier_a, status="aangevraagd")
    action = ActionFactory(dossier=dossier_a, goal=None, kanteling="maatwerk", referral=referral,
                           description="Huishoudelijke hulp")
    with pytest.raises(ValidationError):
        services.report_action_done(action, account=resident)
    as_portal(client, resident)
    html = client.get(reverse("portal:dossier", args=[dossier_a.pk])).content.decode()
    assert "Wacht op het besluit" in html or "Waiting for the decision" in html


def test_the_staff_page_keeps_reply_send_and_invite_apart(client, generalist_a, dossier_a):
    from conftest import as_user

    GoalFactory(dossier=dossier_a, description="Weer gaan sporten")
    html = as_user(client, generalist_a).get(reverse("portal_staff:overview", args=[dossier_a.pk])).content.decode()
    form = html.split('class="stacked-form"')[1].split("</form>")[0]
    assert "utrecht-button-group" in form and "Iemand uitnodigen" not in form and "invite" not in form.lower()
