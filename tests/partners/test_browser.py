"""In a real browser: a partner's path from an article to the confirmation; valid, accessible pages."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from partners.models import PermissionRequest
from partners.services import permission_request_approve
from partners.services import permission_request_revoke_kit
from tests.browser.conftest import axe_problems
from tests.browser.conftest import html_problems
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import PermissionRequestFactory
from tests.factories import SourceFactory
from tests.factories import publication_settings

from .conftest import CONTACT
from .conftest import form_data
from .conftest import request_url

pytestmark = pytest.mark.browser

PLANNED = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()


@pytest.fixture
def live_article(transactional_db):
    publication_settings(site_name="Crosspost Review", permissions_contact_email=CONTACT)
    return CrossPostFactory(
        title="Colombia and NATO",
        source=SourceFactory(name="Oriental Review", reprint_terms="Non-commercial reprints with a credit."),
        authors=[AuthorFactory(name="Andrew Korybko")],
    )


def test_partner_follows_the_article_link_submits_and_sees_the_confirmation(live_server, chromium, live_article):
    def partner(page):
        page.goto(live_server.url + live_article.get_absolute_url())
        page.get_by_role("link", name="Request permission to republish").click()
        seen = {
            "form url": page.url,
            "article shown": page.locator(".chosen-article").get_by_role("link", name="Colombia and NATO").is_visible(),
            "terms": page.locator(".reprint-terms").inner_text(),
        }
        page.get_by_label("Your name").fill("Ada Partner")
        page.get_by_label("Organisation").fill("Partner Press")
        page.get_by_label("E-mail address").fill("ada@press.example.com")
        page.get_by_label("Where it will appear").select_option(label="Print")
        page.get_by_label("Name of the publication").fill("The Partner Weekly")
        page.get_by_label("Planned publication date").fill(PLANNED)
        page.get_by_label("Audience or circulation").fill("12,000 copies")
        page.get_by_label("I will credit the article").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Send the request").click()
        seen["heading"] = page.get_by_role("heading", level=1).inner_text()
        seen["confirmation"] = page.locator("main").inner_text()
        return seen

    seen = chromium.run(partner)

    assert seen["form url"] == live_server.url + request_url(live_article)
    assert seen["article shown"]
    assert "Non-commercial reprints with a credit." in seen["terms"]
    assert seen["heading"] == "Thank you: your request has been sent"
    assert "Colombia and NATO" in seen["confirmation"]
    stored = PermissionRequest.objects.get()
    assert (stored.article, stored.organisation, stored.medium) == (live_article, "Partner Press", "print")
    assert stored.planned_date.isoformat() == PLANNED
    assert sorted(message.to[0] for message in mail.outbox) == sorted([CONTACT, "ada@press.example.com"])


def test_the_honeypot_is_out_of_sight_and_skipped_by_the_keyboard(live_server, chromium, live_article):
    def keyboard_user(page):
        page.goto(live_server.url + request_url(live_article))
        box = page.locator("#id_website").bounding_box()
        page.get_by_label("Your name").focus()
        focused = []
        for _ in range(14):
            page.keyboard.press("Tab")
            focused.append(page.evaluate("document.activeElement.id"))
        return box, focused

    box, focused = chromium.run(keyboard_user)

    assert box is None or box["x"] + box["width"] <= 0, "off the screen"
    assert "id_website" not in focused
    assert "id_agreed_to_terms" in focused, "the real fields are all reachable"


def test_the_partner_sees_errors_next_to_the_fields_and_keeps_what_they_typed(live_server, chromium, live_article):
    def hasty_partner(page):
        page.goto(live_server.url + request_url())
        page.get_by_label("Address of the article").fill("https://elsewhere.example.net/some-article/")
        page.get_by_label("Your name").fill("Ada Partner")
        page.get_by_label("E-mail address").fill("ada at press")
        page.evaluate("document.querySelector('form.request-form').noValidate = true")  # skip the browser's checks
        with page.expect_navigation():
            page.get_by_role("button", name="Send the request").click()
        return {
            "title": page.title(),
            "alert": page.get_by_role("alert").is_visible(),
            "name": page.get_by_label("Your name").input_value(),
            "email invalid": page.get_by_label("E-mail address").get_attribute("aria-invalid"),
        }

    seen = chromium.run(hasty_partner)

    assert seen == {"title": seen["title"], "alert": True, "name": "Ada Partner", "email invalid": "true"}
    assert seen["title"].startswith("Error: ")
    assert not PermissionRequest.objects.exists()


# --- valid HTML and no accessibility violation, for the pages the shared page list cannot reach -------


def partner_pages():
    """(name, method, path, data, status) of every partner page, errors and refusals included."""
    article = CrossPostFactory(
        slug="republish-me",
        source=SourceFactory(reprint_terms="Credit us."),
        authors=[AuthorFactory(name="Andrew Korybko"), AuthorFactory(name="Jane Roe")],
    )
    editor = None
    approved = permission_request_approve(request=PermissionRequestFactory(article=article), by=editor)
    revoked = permission_request_approve(request=PermissionRequestFactory(article=article), by=editor)
    permission_request_revoke_kit(request=revoked, by=editor)
    bad = form_data(name="", email="ada at press", planned_date="2001-01-01", publication_url="ftp://x.example/")
    return [
        ("general form", "get", request_url(), None, 200),
        ("per-article form", "get", request_url(article), None, 200),
        ("general form with errors", "post", request_url(), {**bad, "article_url": "/nowhere/"}, 200),
        ("per-article form with errors", "post", request_url(article), bad, 200),
        ("confirmation", "get", f"/republish/{article.slug}/thank-you/", None, 200),
        ("kit", "get", approved.get_kit_path(), None, 200),
        ("revoked kit", "get", revoked.get_kit_path(), None, 410),
    ]


@pytest.fixture
def pages(transactional_db):
    publication_settings(site_name="Crosspost Review", permissions_contact_email=CONTACT)
    return partner_pages()


def fetch(client, method, path, data):
    return client.post(path, data) if method == "post" else client.get(path)


def test_partner_pages_are_valid_html(pages, vnu_jar, tmp_path, settings):
    client = Client()
    html = {}
    for name, method, path, data, status in pages:
        response = fetch(client, method, path, data)
        assert response.status_code == status, name
        html[name] = response.content
    settings.PERMISSION_REQUESTS_PER_HOUR = 0
    limited = client.post(request_url(), form_data())
    assert limited.status_code == 429
    html["rate limited"] = limited.content

    assert html_problems(vnu_jar, tmp_path, html) == []


def test_partner_pages_have_no_accessibility_violations(pages, live_server, chromium, axe_source):
    def reader(page):
        problems = []
        for name, method, path, data, status in pages:
            if method == "post":
                # Reach the error page as a person would: fill in the form badly and send it.
                page.goto(live_server.url + path)
                for field, value in data.items():
                    locator = page.locator(f"[name={field}]")
                    if locator.count() and field not in ("medium", "agreed_to_terms", "website"):
                        locator.fill(value)
                page.evaluate("document.querySelector('form.request-form').noValidate = true")
                with page.expect_navigation():
                    page.get_by_role("button", name="Send the request").click()
                assert page.title().startswith("Error: "), name
            else:
                response = page.goto(live_server.url + path)
                assert response.status == status, name
            page.add_script_tag(content=axe_source)
            problems += axe_problems(page, name)
        return problems

    # Our Content-Security-Policy forbids inline scripts, axe's injected one included: this context bypasses it.
    assert chromium.run(reader, bypass_csp=True) == []


KIT_BOXES = [("Copy the HTML", "#kit-html"), ("Copy the text", "#kit-text"), ("Copy the link tag", "#kit-canonical")]


@pytest.mark.frontend  # the script and the page alone: run once, on SQLite
def test_the_partner_copies_each_part_of_the_kit_with_one_click(live_server, chromium, live_article, editor):
    request = permission_request_approve(request=PermissionRequestFactory(article=live_article), by=editor)
    kit_url = live_server.url + request.get_kit_path()

    def partner(page):
        page.goto(kit_url)
        copied = {}
        for button, box in KIT_BOXES:
            page.get_by_role("button", name=button).click()
            page.locator("#kit-copy-status", has_text=f"{button}: copied.").wait_for()
            copied[button] = (page.evaluate("navigator.clipboard.readText()"), page.locator(box).input_value())
        return copied, page.locator("#kit-copy-status").inner_text()

    copied, status = chromium.run(partner, permissions=["clipboard-read", "clipboard-write"])

    assert all(clipboard == shown and shown for clipboard, shown in copied.values()), copied
    assert "Colombia and NATO" in copied["Copy the HTML"][0] and 'rel="canonical"' in copied["Copy the link tag"][0]
    assert status == "Copy the link tag: copied."


@pytest.mark.frontend
def test_without_javascript_the_kit_has_its_boxes_and_no_buttons(live_server, chromium, live_article, editor):
    request = permission_request_approve(request=PermissionRequestFactory(article=live_article), by=editor)

    def partner(page):
        page.goto(live_server.url + request.get_kit_path())
        return page.locator("textarea.kit-code").count(), page.get_by_role("button").count()

    boxes, buttons = chromium.run(partner, java_script_enabled=False)
    assert (boxes, buttons) == (3, 1)  # the masthead's search button only
