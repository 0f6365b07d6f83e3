"""A sweep of hostile requests over every public route and form: none may answer 5xx or show a traceback.

The variants are data, one a line, in tests/security/hostile/ (its README.md gives the notation):
paths, query strings, methods, headers and form bodies. A new line there is tried on the next
run, and a new route in the URL conf is swept as soon as it exists: the routes come from the
resolver, and a route whose address needs an object fails `test_every_public_route_has_a_sample`
until `sample_kwargs` below can fill it in. The admin is for signed-in editors and has its own
inventory (tests/security/conftest.py); of it, only the login form is public and swept here.

Not the full cross product (variants × routes × methods × headers would be millions of requests):
each family is crossed with the routes (or, for bodies, with the forms) on its own, with every
other part of the request plain: about 7,000 requests, most of them answered by the middleware or
the URL resolver with a 4xx, in about 20 s on SQLite and 30 s on PostgreSQL on two cores. The
sweep runs with the test settings (DEBUG off); what DEBUG changes (`make run`) is pinned in
test_hostile_regressions.py. Each test collects every failing request and reports them together.
"""

import re
import time
from pathlib import Path
from urllib.parse import quote_from_bytes

import pytest
from django.test import Client
from django.urls import URLResolver
from django.urls import get_resolver
from django.urls import reverse

from articles.archives import SUBJECTS
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).parent / "hostile"
ESCAPES = {"r": b"\r", "n": b"\n", "t": b"\t", "\\": b"\\"}
ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|[rnt\\])")
REPEAT = re.compile(r"\{\{(.*?)\*(\d+)\}\}")
# What every printable ASCII character is sent as in a path: itself. Other bytes are percent-encoded,
# as a client puts them on the wire; the server (here the test client) decodes them all.
PRINTABLE = bytes(range(0x21, 0x7F)).decode()
# The public forms, with a sample article's page: both addresses of the partner form, the admin's
# sign-in, and search (a GET form: a POST to it must be refused cleanly too).
FORM_NAMES = (
    "partners:request",
    "partners:request_article",
    "admin:login",
    "articles:search",
    "digests:subscribe",
    "digests:confirm",
    "digests:preferences",
    "digests:unsubscribe",
)


def to_bytes(line):
    """A corpus line's bytes: `{{text*N}}` repeated, `\\xNN`, `\\r`, `\\n`, `\\t`, `\\\\` unescaped."""
    line = REPEAT.sub(lambda match: match[1] * int(match[2]), line)
    parts = ESCAPE.split(line)
    out = bytearray()
    for index, part in enumerate(parts):
        if index % 2 == 0:
            out += part.encode("utf-8")
        elif part.startswith("x"):
            out.append(int(part[1:], 16))
        else:
            out += ESCAPES[part]
    return bytes(out)


def corpus(name):
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [to_bytes(line) for line in lines if line.strip() and not line.startswith("#")]


def public_routes():
    """(route, name) of every URL pattern outside the admin, as the URL conf lists them."""

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).removeprefix("^")
            if isinstance(pattern, URLResolver):
                inner = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                yield from walk(pattern.url_patterns, route, inner)
            else:
                yield route, ":".join([*namespaces, pattern.name]) if pattern.name else None

    return [
        (route, name) for route, name in walk(get_resolver().url_patterns, "", []) if not route.startswith("admin/")
    ]


def sample_kwargs(objects):
    """Arguments for every route whose address names an object, from `site_objects`."""
    article, kit_request = objects["article"], objects["request"]
    filed_under = {
        "region": article.regions.first(),
        "theme": article.themes.first(),
        "tag": article.tags.first(),
        "author": article.authors.first(),
        "source": article.source,
    }
    samples = {
        "articles:detail": {"slug": article.slug},
        "partners:request_article": {"slug": article.slug},
        "partners:thanks": {"slug": article.slug},
        "partners:kit": {"token": kit_request.kit_token},
        "reprint_pixel": {"token": kit_request.pixel_token},
        **digest_samples(objects),
    }
    for subject in SUBJECTS:
        assert subject.kind in filed_under, f"site_objects files the article under no {subject.kind}: add one"
        for suffix in ("", "_rss", "_atom"):
            samples[f"articles:{subject.kind}{suffix}"] = {"slug": filed_under[subject.kind].slug}
    return samples


def digest_samples(objects):
    """The digests' signed links (a real reader's), and an archived issue."""
    from digests import tokens

    subscriber, digest = objects["subscriber"], objects["digest"]
    preferences = tokens.for_subscriber(subscriber, tokens.PREFERENCES)
    confirmation = tokens.confirmation(subscriber, kind="publication", subject_id=None, frequency="weekly")
    return {
        "digests:confirm": {"token": confirmation},
        "digests:preferences": {"token": preferences},
        "digests:data": {"token": preferences},
        "digests:unsubscribe": {"token": tokens.for_subscriber(subscriber, tokens.UNSUBSCRIBE)},
        "digests:detail": {"pk": digest.pk},
    }


@pytest.fixture
def sweep(site_objects, settings):
    """Every public address (with a second page of the home listing), and a client that reports 500s."""
    settings.ARTICLES_PER_PAGE = 1
    ArticleFactory(title="Fisheries in the North Sea")  # so that a search finds something to page through
    ArticleFactory()
    samples = sample_kwargs(site_objects)
    urls = []
    for route, name in public_routes():
        assert name is not None, f"the route {route!r} has no name: name it, so the sweep can reverse it"
        urls.append(reverse(name, kwargs=samples.get(name)) if "<" in route else reverse(name))
    return {"urls": urls, "samples": samples, "client": Client(raise_request_exception=False)}


class Failures(list):
    def check(self, response, what):
        if response.status_code >= 500:
            self.append(f"{response.status_code} for {what}")
        elif not getattr(response, "streaming", False) and (
            b"Traceback" in response.content or b"Exception Value" in response.content
        ):
            self.append(f"a traceback in the page for {what}")

    def report(self, started):
        assert not self, f"{len(self)} requests failed ({time.monotonic() - started:.1f}s):\n" + "\n".join(self[:50])


def shown(raw, limit=120):
    text = repr(raw)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(raw)} bytes)"


def test_the_corpus_has_at_least_three_hundred_variants():
    files = ("paths.txt", "query.txt", "methods.txt", "headers.txt", "bodies.txt")
    assert sum(len(corpus(name)) for name in files) >= 300


def test_every_public_route_has_a_sample(site_objects):
    samples = sample_kwargs(site_objects)
    missing = [name or route for route, name in public_routes() if "<" in route and name not in samples]
    assert not missing, f"routes the sweep cannot reach: add them to sample_kwargs: {missing}"


def test_hostile_paths_never_cause_a_server_error(sweep):
    client, failures, started = sweep["client"], Failures(), time.monotonic()
    for raw in corpus("paths.txt"):
        path = quote_from_bytes(raw, safe=PRINTABLE)
        targets = [path] if path.startswith("/") else [url + path for url in sweep["urls"]]
        for target in targets:
            failures.check(client.get(target), f"GET {shown(target)}")
    failures.report(started)


def test_hostile_query_strings_never_cause_a_server_error(sweep):
    client, failures, started = sweep["client"], Failures(), time.monotonic()
    for raw in corpus("query.txt"):
        query = raw.decode("latin-1")  # as a WSGI server hands the bytes on (PEP 3333)
        for url in sweep["urls"]:
            failures.check(client.get(url, QUERY_STRING=query), f"GET {url}?{shown(query)}")
    failures.report(started)


def test_every_method_on_every_route_never_causes_a_server_error(sweep):
    client, failures, started = sweep["client"], Failures(), time.monotonic()
    for raw in corpus("methods.txt"):
        method = raw.decode("latin-1")
        for url in sweep["urls"]:
            failures.check(client.generic(method, url), f"{shown(method)} {url}")
    failures.report(started)


def header_meta(raw):
    """A request header as WSGI's environ names it."""
    name, _, value = raw.decode("latin-1").partition(":")
    key = name.strip().upper().replace("-", "_")
    return {key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{key}": value.strip()}


def test_hostile_headers_never_cause_a_server_error(sweep):
    client, failures, started = sweep["client"], Failures(), time.monotonic()
    for raw in corpus("headers.txt"):
        for url in sweep["urls"]:
            failures.check(client.get(url, **header_meta(raw)), f"GET {url} with {shown(raw)}")
    failures.report(started)


def test_hostile_form_bodies_never_cause_a_server_error(sweep):
    failures, started = Failures(), time.monotonic()
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get(reverse("partners:request"))  # the CSRF cookie; its value is a valid token as it stands
    token = client.cookies["csrftoken"].value
    forms = [reverse(name, kwargs=sweep["samples"].get(name)) for name in FORM_NAMES]
    for raw in corpus("bodies.txt"):
        content_type, _, body = raw.partition(b" ::")
        content_type = "" if content_type == b"-" else content_type.decode("latin-1")
        body = body.removeprefix(b" ")
        for url in forms:
            response = client.generic(
                "POST", url, body, content_type=content_type, HTTP_X_CSRFTOKEN=token, HTTP_REFERER="http://testserver/"
            )
            failures.check(response, f"POST {url} {content_type!r} {shown(body)}")
    failures.report(started)
