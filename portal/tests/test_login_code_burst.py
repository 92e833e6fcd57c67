"""Issue 26, item 4: a burst of wrong e-mailed login codes sent at once is checked one guess
at a time. The device's row is locked while a code is checked and its failure counted, so
each guess sees the failures before it and the account's count of wrong codes
(portal.throttle.WRONG_CODES per window) stops the rest unchecked.
Needs PostgreSQL (SQLite serialises all writers anyway)."""

import threading

import pytest
from django.db import connection, connections
from django_otp.plugins.otp_email.models import EmailDevice

from portal import services, throttle

BURST = 20


def _burst(account, guess) -> list:
    barrier = threading.Barrier(BURST)
    results: list = []

    def one(code):
        try:
            barrier.wait()
            results.append(guess(account, code))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(f"{n:06d}",)) for n in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_codes_are_checked_one_at_a_time(dossier_a, applicant, generalist_a):
    if connection.vendor != "postgresql":
        pytest.skip("row locks between connections need PostgreSQL")
    from portal.testing import resident_account

    account = resident_account(dossier_a, applicant, generalist_a)
    services.send_login_code(account)
    EmailDevice.objects.filter(user=account.user).update(token="999999")  # no guess is right

    results = _burst(account, services.verify_login_code)

    device = EmailDevice.objects.get(user=account.user)
    checked = sum(1 for _device, throttled in results if not throttled)
    assert all(found is None for found, _throttled in results)
    assert device.throttling_failure_count == checked  # every checked guess counted
    assert checked == throttle.WRONG_CODES  # the rest were refused unchecked
