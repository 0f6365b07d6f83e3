"""core.http: which address a request comes from, for the partners' rate limit and the login throttle."""

import pytest
from django.test import RequestFactory

from core.http import client_ip


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "203.0.113.7"),
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "spoofed, 192.0.2.1", "192.0.2.1"),
        (2, "spoofed, 192.0.2.1, 10.0.0.3", "192.0.2.1"),
        (2, "192.0.2.1", "203.0.113.7"),  # fewer hops than proxies: fall back to the peer
        (1, "", "203.0.113.7"),
    ],
)
def test_client_ip_is_the_peer_or_what_the_outermost_trusted_proxy_saw(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


@pytest.mark.parametrize(
    ("proxies", "peer", "forwarded"),
    [
        (0, "127.0.0.1", "203.0.113.7"),  # nginx on this machine, not counted
        (1, "127.0.0.1", "203.0.113.7, 127.0.0.1"),  # nginx, then Varnish: two proxies, one counted
    ],
)
def test_an_uncounted_proxy_on_this_machine_is_logged_once(settings, caplog, proxies, peer, forwarded):
    from core import http

    http._warn_proxies_uncounted.cache_clear()
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)

    with caplog.at_level("WARNING", logger="core.http"):
        assert client_ip(request) == "127.0.0.1"
        client_ip(request)

    (record,) = caplog.records
    assert "a proxy in front is not counted" in record.getMessage()


def test_counted_proxies_and_direct_readers_log_nothing(settings, caplog):
    from core import http

    http._warn_proxies_uncounted.cache_clear()
    settings.TRUSTED_PROXY_COUNT = 2
    through_both = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 127.0.0.1")
    direct = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")  # a developer's runserver

    with caplog.at_level("WARNING", logger="core.http"):
        assert client_ip(through_both) == "203.0.113.7"
        settings.TRUSTED_PROXY_COUNT = 0
        assert client_ip(direct) == "127.0.0.1"

    assert caplog.records == []
