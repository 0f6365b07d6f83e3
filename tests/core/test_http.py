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
