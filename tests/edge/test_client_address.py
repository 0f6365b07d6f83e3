"""Through nginx and then Varnish there are two proxies: the reader's address is the one nginx saw."""

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.edge.client_ip_urls")]
READER = "203.0.113.7"
# What nginx sends on (docs/deployment.md: proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for), for a
# reader who forged a header of their own.
FROM_NGINX = {"X-Forwarded-For": f"198.51.100.99, {READER}"}


def test_varnish_appends_the_address_it_saw_so_the_count_is_two(varnish, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert varnish.get("/whoami/", headers=FROM_NGINX).text == READER


def test_with_the_count_of_nginx_alone_every_reader_would_be_nginx(varnish, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert varnish.get("/whoami/", headers=FROM_NGINX).text == "127.0.0.1"
