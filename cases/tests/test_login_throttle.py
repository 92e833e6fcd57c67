from django.urls import reverse

from cases.factories import UserFactory


def test_login_is_locked_after_five_failures(client, db):
    UserFactory(username="anna")
    url = reverse("login")
    for _ in range(5):
        response = client.post(url, {"username": "anna", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code in (403, 429)
    locked = client.post(url, {"username": "anna", "password": "correct horse battery staple"},
                         REMOTE_ADDR="10.0.0.9")
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_correct_password_logs_in(client, db):
    UserFactory(username="bert")
    response = client.post(reverse("login"), {"username": "bert", "password": "correct horse battery staple"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
