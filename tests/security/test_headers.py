"""Every route answers with production's security headers, and its cookies are locked down."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from .conftest import all_routes
from .conftest import route_of

pytestmark = pytest.mark.django_db
ONE_YEAR = 365 * 24 * 60 * 60


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response.get("Content-Security-Policy", "").split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def header_problems(path, response):
    problems = []
    hsts = dict(
        (item.strip().split("=") + [""])[:2] for item in response.get("Strict-Transport-Security", "").split(";")
    )
    if int(hsts.get("max-age") or 0) < ONE_YEAR:
        problems.append("HSTS shorter than a year")
    csp = policy(response)
    for directive, expected in (("object-src", "'none'"), ("base-uri", "'none'"), ("frame-ancestors", "'none'")):
        if csp.get(directive) != [expected]:
            problems.append(f"CSP {directive} is {csp.get(directive)}")
    if not csp.get("script-src") or {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(csp["script-src"]):
        problems.append(f"CSP script-src is {csp.get('script-src')}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    if response.get("Referrer-Policy") not in {"strict-origin-when-cross-origin", "no-referrer"}:
        problems.append(f"Referrer-Policy is {response.get('Referrer-Policy')}")
    if response.get("Cross-Origin-Opener-Policy") != "same-origin":
        problems.append("no Cross-Origin-Opener-Policy")
    if response.get("X-Frame-Options") != "DENY":
        problems.append("framing allowed")
    return [f"{path} ({response.status_code}): {problem}" for problem in problems]


def cookie_problems(path, response):
    problems = []
    for name, morsel in response.cookies.items():
        if not morsel.value:
            continue  # a deletion
        wanted = {
            "name starts with __Host-": name.startswith("__Host-"),
            "Secure": bool(morsel["secure"]),
            "HttpOnly": bool(morsel["httponly"]),
            "SameSite": morsel["samesite"] in {"Lax", "Strict"},
            "Path=/": morsel["path"] == "/",
            "no Domain": not morsel["domain"],
        }
        problems += [f"{path}: cookie {name} lacks {what}" for what, ok in wanted.items() if not ok]
    return problems


def test_inventory_covers_every_route(inventory):
    """A new route fails here until it is added to the inventory, and so to every test that uses it."""
    covered = {route_of(path) for path, _ in inventory}
    assert all_routes() - covered == set()


def test_every_route_sends_the_security_headers_in_production(production_security, inventory, site_objects):
    reader, editor = Client(), Client()
    editor.force_login(site_objects["user"])
    problems = []
    for path, signed_in in inventory:
        client = editor if signed_in else reader
        response = client.get(path, secure=True)
        assert response.status_code < 500, path
        problems += header_problems(path, response)
        problems += cookie_problems(path, response)
    assert problems == []


def test_production_redirects_plain_http_to_https_with_the_headers(production_security):
    response = Client().get("/search/", secure=False)
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/search/"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "object-src 'none'" in response["Content-Security-Policy"]


def test_session_and_csrf_cookies_are_host_only_secure_httponly_and_samesite(production_security, db):
    User.objects.create_superuser("ed", "ed@example.org", "a-long-test-password")
    client = Client()
    login_page = client.get("/admin/login/", secure=True)
    token = login_page.cookies["__Host-csrftoken"]

    signed_in = client.post(
        "/admin/login/?next=/admin/",
        {"username": "ed", "password": "a-long-test-password", "csrfmiddlewaretoken": token.value},
        secure=True,
    )

    assert signed_in.status_code == 302
    session = signed_in.cookies["__Host-sessionid"]
    for morsel in (token, session):
        assert morsel["secure"] and morsel["httponly"] and morsel["path"] == "/" and not morsel["domain"]
        assert morsel["samesite"] == "Lax"
    assert cookie_problems("/admin/login/", login_page) == cookie_problems("/admin/login/", signed_in) == []
    assert set(signed_in.cookies) >= {"__Host-sessionid"}
    assert "sessionid" not in signed_in.cookies and "csrftoken" not in login_page.cookies


def test_partner_form_cookie_is_locked_down_in_production(production_security, site_objects):
    response = Client().get("/republish/", secure=True)
    assert set(response.cookies) == {"__Host-csrftoken"}
    assert cookie_problems("/republish/", response) == []


def test_cookies_are_httponly_and_samesite_in_development_too(client, django_user_model):
    """Without HTTPS the cookies cannot be Secure (nor __Host-), but scripts and other sites still cannot use them."""
    django_user_model.objects.create_superuser("ed", "ed@example.org", "a-long-test-password")
    login_page = client.get("/admin/login/")
    signed_in = client.post("/admin/login/", {"username": "ed", "password": "a-long-test-password"})
    for morsel in (login_page.cookies["csrftoken"], signed_in.cookies["sessionid"]):
        assert morsel["httponly"] and morsel["samesite"] == "Lax"


def test_policy_allows_scripts_only_from_us_and_by_nonce(client, db):
    csp = policy(client.get("/"))
    assert csp["script-src"] == ["'self'"] or csp["script-src"][0] == "'self'"
    assert all(source == "'self'" or source.startswith("'nonce-") for source in csp["script-src"])
    assert csp["default-src"] == ["'self'"] and csp["form-action"] == ["'self'"]


def test_the_rich_text_editors_import_map_carries_this_responses_nonce(admin_client):
    """The one inline script the admin needs runs by nonce, not by 'unsafe-inline'."""
    response = admin_client.get("/admin/articles/article/add/")
    html = response.content.decode()
    nonces = re.findall(r'<script type="importmap" nonce="([^"]+)">', html)
    assert len(nonces) == 1
    assert f"'nonce-{nonces[0]}'" in policy(response)["script-src"]
    # Every other script is a file of our own.
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"(?:importmap|application/(?:ld\+)?json)\")[^>]*>", html)
    assert inline == []
    assert admin_client.get("/admin/articles/article/add/").content != response.content  # a new nonce each time
