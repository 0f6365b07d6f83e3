"""Password guessing: after a few failures the account, or the address, is paused, and says nothing."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "the-right-password-for-ed"


@pytest.fixture
def ed(django_user_model):
    return django_user_model.objects.create_superuser("ed", "ed@example.org", PASSWORD)


def attempt(client, username, password, address):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def visible(response):
    """What a person sees: the page without its CSRF token, which differs on every response."""
    return response.status_code, re.sub(r'value="[^"]{30,}"', "", response.content.decode())


def cool_off_passes():
    """Move every recorded failure back past the cool-off, as if the attacker had waited."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - datetime.timedelta(1))


def test_a_few_failures_do_not_lock_the_account(client, ed):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert not signed_in(attempt(client, "ed", "wrong-password", "198.51.100.1"))
    assert signed_in(attempt(client, "ed", PASSWORD, "198.51.100.1"))


def test_failures_for_one_account_from_many_addresses_lock_that_account(client, ed):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ed", "wrong-password", f"198.51.100.{number + 1}")

    # The right password, from an address never seen before, is refused.
    assert not signed_in(attempt(client, "ed", PASSWORD, "203.0.113.50"))
    assert "_auth_user_id" not in client.session

    cool_off_passes()
    assert signed_in(attempt(client, "ed", PASSWORD, "203.0.113.50"))


def test_failures_from_one_address_on_many_accounts_lock_that_address(client, ed):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{number}", "wrong-password", "198.51.100.7")

    assert not signed_in(attempt(client, "ed", PASSWORD, "198.51.100.7"))
    # Other people, at other addresses, are not locked out by someone else's guessing.
    assert signed_in(attempt(client, "ed", PASSWORD, "203.0.113.8"))


def test_cool_off_only_ends_when_it_has_passed(client, ed):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ed", "wrong-password", "198.51.100.9")
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME / 2)
    assert not signed_in(attempt(client, "ed", PASSWORD, "203.0.113.9"))


def test_a_locked_out_attempt_looks_exactly_like_a_wrong_password(client, ed):
    wrong = visible(attempt(client, "ed", "wrong-password", "192.0.2.1"))
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ed", "wrong-password", f"192.0.2.{number + 10}")
    account_locked = visible(attempt(client, "ed", PASSWORD, "192.0.2.99"))
    account_locked_wrong = visible(attempt(client, "ed", "wrong-password", "192.0.2.98"))

    cool_off_passes()
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{number}", "wrong-password", "192.0.2.200")
    address_locked = visible(attempt(client, "ed", PASSWORD, "192.0.2.200"))

    assert wrong[0] == 200
    assert wrong == account_locked == account_locked_wrong == address_locked
    assert "signing in is paused for a while" in wrong[1]


def test_throttling_counts_the_client_behind_the_proxy_not_the_proxy(client, ed, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": f"guess{_}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    # Another reader behind the same nginx is not locked out; the guesser is.
    other = client.post(
        LOGIN, {"username": "ed", "password": PASSWORD}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.3"
    )
    assert signed_in(other)
    client.logout()
    guesser = client.post(
        LOGIN, {"username": "ed", "password": PASSWORD}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.66"
    )
    assert not signed_in(guesser)


def test_management_commands_and_the_shell_can_still_authenticate(ed):
    from django.contrib.auth import authenticate

    assert authenticate(username="ed", password=PASSWORD) == ed
