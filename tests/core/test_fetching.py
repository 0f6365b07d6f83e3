"""core.fetching against a local "other site": every rule of safe, polite fetching, each proven by a request."""

import gzip
import socket
import time

import pytest
import urllib3

from core import fetching
from core.fetching import FetchRefused
from core.fetching import fetch

PAGE = "<html><head><title>A story</title></head><body><p>Words.</p></body></html>"


@pytest.fixture
def connections(monkeypatch):
    """Every (address, port) a connection is opened to."""
    opened = []
    real = urllib3.util.connection.create_connection

    def recording(address, *args, **kwargs):
        opened.append(address)
        return real(address, *args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", recording)
    return opened


def test_a_page_is_fetched_with_its_status_headers_and_text(origin):
    origin.page("/story/", PAGE, headers={"X-Test": "yes"})
    result = fetch(origin.url("/story/"))
    assert result.status == 200
    assert result.final_url == origin.url("/story/")
    assert result.redirects == ()
    assert result.headers["x-test"] == "yes"
    assert "<title>A story</title>" in result.text
    assert 0 < result.elapsed < 5


def test_error_statuses_are_answers_not_exceptions(origin):
    origin.status("/gone/", 410)
    assert fetch(origin.url("/gone/")).status == 410
    assert fetch(origin.url("/never-set/")).status == 404


def test_the_user_agent_names_the_site_and_its_address(origin):
    origin.page("/story/", PAGE)
    fetch(origin.url("/story/"))
    _path, headers = origin.requests[-1]
    assert headers["user-agent"].startswith("CrosspostBot/")
    assert "http://testserver/" in headers["user-agent"]


def test_the_user_agent_can_be_set(origin, settings):
    settings.FETCH_USER_AGENT = "ReviewBot/2.0 (+https://review.example/bot)"
    origin.page("/story/", PAGE)
    fetch(origin.url("/story/"))
    assert origin.requests[-1][1]["user-agent"] == "ReviewBot/2.0 (+https://review.example/bot)"


def test_redirects_are_followed_and_each_hop_kept_with_its_status(origin):
    origin.redirect("/a/", "/b/", status=301)
    origin.redirect("/b/", "/c/", status=302)
    origin.page("/c/", PAGE)
    result = fetch(origin.url("/a/"))
    assert result.status == 200
    assert result.final_url == origin.url("/c/")
    assert [(hop.url, hop.status) for hop in result.redirects] == [(origin.url("/a/"), 301), (origin.url("/b/"), 302)]
    assert not result.moved_permanently  # one hop was temporary


def test_permanent_redirects_say_the_page_moved(origin):
    origin.redirect("/a/", "/b/", status=301)
    origin.redirect("/b/", "/c/", status=308)
    origin.page("/c/", PAGE)
    assert fetch(origin.url("/a/")).moved_permanently


def test_a_redirect_loop_is_refused(origin):
    origin.redirect("/a/", "/b/")
    origin.redirect("/b/", "/a/")
    with pytest.raises(FetchRefused, match="circle"):
        fetch(origin.url("/a/"))


def test_too_many_redirects_are_refused(origin, settings):
    settings.FETCH_MAX_REDIRECTS = 2
    for number in range(4):
        origin.redirect(f"/{number}/", f"/{number + 1}/")
    origin.page("/4/", PAGE)
    with pytest.raises(FetchRefused, match="More than 2 redirects"):
        fetch(origin.url("/0/"))


def test_a_slow_server_is_given_up_on_at_the_timeout(origin, settings):
    settings.FETCH_TIMEOUT = 1
    origin.slow("/slow/", seconds=4)
    started = time.monotonic()
    with pytest.raises(FetchRefused, match="within 1 seconds") as refused:
        fetch(origin.url("/slow/"))
    assert time.monotonic() - started < 3
    assert refused.value.transient


def test_the_timeout_is_a_deadline_for_the_whole_body_not_for_each_read(origin, settings):
    settings.FETCH_TIMEOUT = 1
    # 16 bytes every 0.2 s: each read is quick, the whole page would take 6 s.
    origin.page("/drip/", "x" * 480, drip=0.2)
    started = time.monotonic()
    with pytest.raises(FetchRefused) as refused:
        fetch(origin.url("/drip/"))
    assert time.monotonic() - started < 3
    assert refused.value.transient


def test_a_page_declared_bigger_than_the_cap_is_not_read(origin, settings):
    settings.FETCH_MAX_BYTES = 100_000
    origin.huge("/big/", size=50_000_000)
    with pytest.raises(FetchRefused, match="is 50,000,000 bytes, more than the 100,000 we read") as refused:
        fetch(origin.url("/big/"))
    assert not refused.value.transient


def test_a_page_that_grows_past_the_cap_is_cut_off_while_streaming(origin, settings):
    settings.FETCH_MAX_BYTES = 100_000
    origin.huge("/big/", size=50_000_000, declare_length=False)
    started = time.monotonic()
    with pytest.raises(FetchRefused, match="more than the 100,000 bytes"):
        fetch(origin.url("/big/"))
    assert time.monotonic() - started < 3


def test_the_cap_counts_bytes_after_decompression(origin, settings):
    settings.FETCH_MAX_BYTES = 100_000
    bomb = gzip.compress(b"a" * 5_000_000)  # about 5 KB on the wire
    origin.page("/bomb/", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchRefused, match="more than the 100,000 bytes"):
        fetch(origin.url("/bomb/"))


def test_gzip_pages_are_decoded(origin):
    origin.page("/story/", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"})
    assert "<title>A story</title>" in fetch(origin.url("/story/")).text


def test_the_declared_charset_is_used(origin):
    origin.page("/story/", "<p>café</p>".encode("latin-1"), headers={"Content-Type": "text/html; charset=iso-8859-1"})
    assert "café" in fetch(origin.url("/story/")).text


def test_robots_txt_is_respected(origin):
    origin.robots("User-agent: *\nDisallow: /private/\n")
    origin.page("/private/story/", PAGE)
    origin.page("/public/story/", PAGE)
    with pytest.raises(FetchRefused, match="robots.txt asks us not to fetch") as refused:
        fetch(origin.url("/private/story/"))
    assert not refused.value.transient
    assert fetch(origin.url("/public/story/")).status == 200
    assert "/private/story/" not in origin.paths_requested()


def test_robots_txt_naming_our_agent_is_respected(origin):
    origin.robots("User-agent: CrosspostBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    origin.page("/story/", PAGE)
    with pytest.raises(FetchRefused, match="robots.txt"):
        fetch(origin.url("/story/"))


def test_robots_txt_is_fetched_once_and_remembered(origin):
    origin.robots("User-agent: *\nDisallow: /private/\n")
    origin.page("/a/", PAGE)
    origin.page("/b/", PAGE)
    fetch(origin.url("/a/"))
    fetch(origin.url("/b/"))
    assert origin.paths_requested() == ["/robots.txt", "/a/", "/b/"]
    # It went through the same polite path: our user agent.
    assert origin.requests[0][1]["user-agent"].startswith("CrosspostBot/")


def test_robots_txt_that_is_forbidden_means_keep_out(origin):
    origin.robots("no", status=403)
    origin.page("/story/", PAGE)
    with pytest.raises(FetchRefused, match="robots.txt"):
        fetch(origin.url("/story/"))


def test_robots_txt_with_a_server_error_means_try_later(origin):
    origin.robots("oops", status=503)
    origin.page("/story/", PAGE)
    with pytest.raises(FetchRefused, match="503") as refused:
        fetch(origin.url("/story/"))
    assert refused.value.transient
    assert "/story/" not in origin.paths_requested()


def test_robots_txt_can_be_ignored_by_setting(origin, settings):
    settings.FETCH_RESPECT_ROBOTS = False
    origin.robots("User-agent: *\nDisallow: /\n")
    origin.page("/story/", PAGE)
    assert fetch(origin.url("/story/")).status == 200
    assert "/robots.txt" not in origin.paths_requested()


def test_at_most_n_requests_per_host_per_minute(origin, settings):
    settings.FETCH_RESPECT_ROBOTS = False
    settings.FETCH_PER_HOST_PER_MINUTE = 3
    origin.page("/story/", PAGE)
    for _ in range(3):
        fetch(origin.url("/story/"))
    with pytest.raises(FetchRefused, match="Already 3 requests to 127.0.0.1 this minute") as refused:
        fetch(origin.url("/story/"))
    assert refused.value.transient
    assert len(origin.requests) == 3


def test_the_per_host_limit_counts_robots_txt_and_every_redirect_hop(origin, settings):
    settings.FETCH_PER_HOST_PER_MINUTE = 3
    origin.redirect("/a/", "/b/")
    origin.redirect("/b/", "/c/")
    origin.page("/c/", PAGE)
    with pytest.raises(FetchRefused, match="Already 3 requests"):
        fetch(origin.url("/a/"))  # robots.txt, /a/, /b/ and then /c/ would be a fourth
    assert origin.paths_requested() == ["/robots.txt", "/a/", "/b/"]


def test_the_per_host_limit_is_kept_in_the_shared_cache(origin, settings):
    from django.core.cache import cache

    settings.FETCH_RESPECT_ROBOTS = False
    settings.FETCH_PER_HOST_PER_MINUTE = 5
    origin.page("/story/", PAGE)
    cache.set("fetch-rate:127.0.0.1", 5, 60)  # another worker's five requests
    with pytest.raises(FetchRefused, match="Already 5"):
        fetch(origin.url("/story/"))
    assert origin.requests == []


def test_only_the_allowed_hosts_are_fetched_in_tests(connections):
    with pytest.raises(FetchRefused, match="FETCH_ALLOWED_HOSTS"):
        fetch("http://example.org/")
    assert connections == []


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file", "file:///etc/passwd", "http:///nohost", "javascript:alert(1)"])
def test_other_schemes_and_hostless_addresses_are_refused(url, connections):
    with pytest.raises(FetchRefused):
        fetch(url)
    assert connections == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",  # noqa: S104  # an address judged, not bound to
        "224.0.0.1",
        "240.0.0.1",
        "100.64.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::",
    ],
)
def test_private_loopback_link_local_and_reserved_addresses_are_forbidden(address):
    assert fetching.address_is_forbidden(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "151.101.1.69", "2606:4700::6810:85e5"])
def test_public_addresses_are_not_forbidden(address):
    assert not fetching.address_is_forbidden(address)


@pytest.fixture
def production_addresses(settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    settings.FETCH_ALLOWED_HOSTS = []


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://localhost/",
        "http://2130706433/",  # 127.0.0.1 written as one number
    ],
)
def test_private_addresses_are_refused_without_connecting(url, production_addresses, connections):
    with pytest.raises(FetchRefused, match="private or local address") as refused:
        fetch(url)
    assert not refused.value.transient
    assert connections == []


def test_the_local_server_itself_is_refused_in_production(origin, production_addresses):
    origin.page("/story/", PAGE)
    with pytest.raises(FetchRefused, match="private or local address"):
        fetch(origin.url("/story/"))
    assert origin.requests == []


@pytest.fixture
def origin_as_public_site(monkeypatch, production_addresses):
    """Production rules, but 127.0.0.1 stands in for a public site (every other address is judged as usual)."""
    judge = fetching.address_is_forbidden
    monkeypatch.setattr(fetching, "address_is_forbidden", lambda address: address != "127.0.0.1" and judge(address))


@pytest.mark.parametrize(
    "target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[fe80::1]/"]
)
def test_a_redirect_to_a_private_address_is_refused_without_connecting(
    target, origin, origin_as_public_site, connections
):
    origin.redirect("/story/", target, status=302)
    with pytest.raises(FetchRefused, match="private or local address"):
        fetch(origin.url("/story/"))
    assert origin.paths_requested() == ["/robots.txt", "/story/"]
    assert {address for address, _port in connections} == {"127.0.0.1"}


def test_the_address_checked_is_the_address_connected_to(origin, settings, monkeypatch, connections):
    """DNS rebinding: a name that resolves to a public address once and a private one next is connected to once."""
    settings.FETCH_ALLOWED_HOSTS = ["origin.test"]
    settings.FETCH_RESPECT_ROBOTS = False
    answers = iter(["127.0.0.1", "10.0.0.1", "10.0.0.1"])
    real = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host == "origin.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    origin.page("/story/", PAGE)
    result = fetch(f"http://origin.test:{origin.port}/story/")
    assert result.status == 200
    assert connections == [("127.0.0.1", origin.port)]
    assert origin.requests[0][1]["host"] == f"origin.test:{origin.port}"


@pytest.fixture
def tls_origin(tmp_path):
    """An HTTPS origin for "localhost" with a certificate of its own (self-signed, so no public CA vouches for it)."""
    import shutil
    import ssl
    import subprocess

    from tests.origin_server import origin_server

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with origin_server(tls=context) as server:
        server.certificate = cert
        yield server


def test_https_certificates_are_verified(tls_origin):
    tls_origin.page("/story/", PAGE)
    with pytest.raises(FetchRefused, match="certificate could not be verified"):
        fetch(tls_origin.url("/story/"))
    assert "/story/" not in tls_origin.paths_requested()


def test_https_connects_to_the_checked_address_and_verifies_the_name(tls_origin, monkeypatch, connections):
    """The connection goes to the address resolved and checked, while the certificate is checked for the host name."""
    monkeypatch.setattr(fetching.certifi, "where", lambda: str(tls_origin.certificate))
    tls_origin.page("/story/", PAGE)
    result = fetch(tls_origin.url("/story/"))
    assert result.status == 200
    assert "<title>A story</title>" in result.text
    assert {address for address, _port in connections} == {"127.0.0.1"}
    assert tls_origin.requests[-1][1]["host"] == f"localhost:{tls_origin.port}"
