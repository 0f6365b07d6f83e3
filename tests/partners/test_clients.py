"""The per-client limit on requests, counted in the shared cache."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client

from partners.models import PermissionRequest

from .conftest import form_data
from .conftest import request_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.PERMISSION_REQUESTS_PER_HOUR = 3


def send(client, article, **values):
    return client.post(request_url(article), form_data(**values))


def test_a_client_over_its_hourly_budget_gets_a_readable_429(client, article):
    for _ in range(3):
        assert send(client, article).status_code == 302

    response = send(client, article)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Too many requests for now"
    assert soup.select_one(".masthead .brand-name"), "in the site's design"
    assert PermissionRequest.objects.count() == 3


def test_two_addresses_have_separate_budgets(article):
    first, second = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.23")
    for _ in range(3):
        assert send(first, article).status_code == 302
    assert send(first, article).status_code == 429

    for _ in range(3):
        assert send(second, article).status_code == 302
    assert send(second, article).status_code == 429
    assert PermissionRequest.objects.count() == 6


def test_one_address_shares_its_budget_across_clients(article):
    """Two browsers (or two worker processes' view of one client) draw on one counter in the cache."""
    first, second = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="203.0.113.7")
    assert send(first, article).status_code == 302
    assert send(second, article).status_code == 302
    assert send(first, article).status_code == 302

    assert send(second, article).status_code == 429
    assert send(first, article).status_code == 429
    assert PermissionRequest.objects.count() == 3


def test_the_budget_lives_in_the_shared_cache(client, article):
    for _ in range(3):
        send(client, article)
    assert send(client, article).status_code == 429

    cache.clear()  # what an hour's expiry does

    assert send(client, article).status_code == 302


def test_invalid_submissions_and_page_views_do_not_use_the_budget(client, article):
    for _ in range(5):
        assert client.get(request_url(article)).status_code == 200
        assert send(client, article, email="not an address").status_code == 200

    for _ in range(3):
        assert send(client, article).status_code == 302


def test_the_limit_is_a_setting(client, article, settings):
    settings.PERMISSION_REQUESTS_PER_HOUR = 1
    assert send(client, article).status_code == 302
    assert send(client, article).status_code == 429


def test_a_forged_forwarded_for_header_buys_no_fresh_budget(article):
    for number in range(3):
        forged = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        assert send(forged, article).status_code == 302
    forged = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="192.0.2.99")

    assert send(forged, article).status_code == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_budget(article, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"  # every request reaches the app from the proxy
    alice = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    bob = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="forged-by-bob, 198.51.100.23")
    for _ in range(3):
        assert send(alice, article).status_code == 302
    assert send(alice, article).status_code == 429

    assert send(bob, article).status_code == 302


def test_the_stored_fingerprint_is_a_keyed_hash_not_the_address(article):
    send(Client(REMOTE_ADDR="203.0.113.7"), article)
    send(Client(REMOTE_ADDR="203.0.113.7"), article)
    send(Client(REMOTE_ADDR="198.51.100.23"), article)

    fingerprints = list(PermissionRequest.objects.order_by("pk").values_list("client_ip_hash", flat=True))
    assert fingerprints[0] == fingerprints[1] != fingerprints[2]
    assert not any("203.0.113" in value for value in fingerprints)
