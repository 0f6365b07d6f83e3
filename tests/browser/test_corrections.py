"""Corrections as readers see them, in Chromium: the box on the article and /corrections/, at a phone's width and a
desktop's; valid HTML, no WCAG 2.1 AA problem, nothing sideways. Screenshots go to test-artifacts/screenshots/."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from articles import services
from tests.browser.conftest import PASSWORD
from tests.browser.conftest import axe_problems
from tests.browser.conftest import box
from tests.browser.conftest import html_problems
from tests.browser.conftest import overlap
from tests.browser.conftest import sign_in
from tests.browser.test_screenshots import ARTIFACTS
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CorrectionFactory
from tests.factories import RegionFactory
from tests.factories import publication_settings

pytestmark = [pytest.mark.browser, pytest.mark.frontend]

WIDTHS = (360, 1280)


@pytest.fixture
def corrected(transactional_db):
    publication_settings(site_name="Crosspost Review")
    article = ArticleFactory(
        title="Ports and power on the Indian Ocean rim",
        body="<p>" + "A paragraph of the article's argument. " * 40 + "</p>",
        authors=[AuthorFactory(name="Maria Okafor")],
        regions=[RegionFactory(name="Asia")],
        published_at=datetime.datetime(2024, 1, 1, 9, 0, tzinfo=datetime.UTC),
    )
    first = CorrectionFactory(
        article=article,
        corrected_on=datetime.date(2025, 3, 4),
        what_was_wrong="An earlier version of this article said the port of Gwadar opened in 2019.",
        what_is_right="It opened in 2018.",
    )
    services.correction_change(correction=first, what_is_right="It opened in 2016, and was extended in 2018.")
    CorrectionFactory(
        article=article,
        corrected_on=datetime.date(2025, 3, 9),
        what_was_wrong="A caption misspelt a name as https://example.org/a-very-long-address-without-any-break-in-it",
        what_is_right="The name is Okafor.",
    )
    CorrectionFactory(article=ArticleFactory(title="A second corrected article"))
    return article


@pytest.mark.parametrize("width", WIDTHS)
def test_the_correction_box_and_the_corrections_page_at_phone_and_desktop_width(corrected, live_server, browser, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page = context.new_page()

    page.goto(live_server.url + corrected.get_absolute_url())
    page.screenshot(path=ARTIFACTS / f"corrected-article-{width}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the article scrolls sideways"
    note, body, aside = box(page, ".correction-note"), box(page, ".body"), box(page, "aside.corrections")
    assert note["y"] < body["y"] < aside["y"]  # the note under the title, the box after the body
    assert not overlap(aside, box(page, "section.credits"))
    assert page.get_by_role("complementary", name="Corrections").is_visible()
    # The earlier wording is one native <details> away (no JavaScript).
    history = page.locator("aside.corrections details.correction-history").first
    assert not history.locator("ol").is_visible()
    history.locator("summary").click()
    assert history.locator("ol").is_visible()
    page.locator(".correction-note a").click()
    assert page.url.endswith("#corrections")

    page.goto(live_server.url + reverse("articles:corrections"))
    page.screenshot(path=ARTIFACTS / f"corrections-{width}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "/corrections/ scrolls sideways"
    assert page.locator(".correction-entry").count() == 3
    box(page, ".site-footer a[href='/corrections/']")
    context.close()


def test_corrections_pages_are_valid_html(corrected, vnu_jar, tmp_path):
    client = Client()
    pages = {
        "corrected article": client.get(corrected.get_absolute_url()).content,
        "corrections": client.get(reverse("articles:corrections")).content,
    }
    assert html_problems(vnu_jar, tmp_path, pages) == []


def test_corrections_pages_meet_wcag_aa(corrected, live_server, page, axe_source):
    problems = []
    for name, path in (("corrected article", corrected.get_absolute_url()), ("corrections", "/corrections/")):
        page.goto(live_server.url + path)
        page.evaluate(axe_source)  # not a <script> tag: the Content-Security-Policy would refuse it
        page.locator("details.correction-history").first.locator("summary").click()  # its wording checked too
        problems += axe_problems(page, name)
    assert problems == []


@pytest.mark.parametrize("width", (360, 1280))
def test_an_editor_adds_a_correction_below_the_article_s_fields(corrected, live_server, page, width):
    from django.contrib.auth.models import Group

    from articles import roles

    user = get_user_model().objects.create_user("desk", "desk@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server)

    page.goto(live_server.url + reverse("admin:articles_article_change", args=[corrected.pk]))
    group = box(page, "#corrections-group")
    assert group["y"] > box(page, ".field-regions")["y"]  # after the article's own fields, not under its title
    assert (
        page.locator("#corrections-group .inline-related:not(.empty-form) textarea").count() == 4
    )  # two corrections, reworded in place
    assert page.locator("#corrections-group input[type=checkbox][name$=DELETE]").count() == 0
    page.click("#corrections-group .add-row a")  # Django's own "Add another Correction"
    page.fill("#id_corrections-2-what_was_wrong", "The map put Gwadar in Iran.")
    page.fill("#id_corrections-2-what_is_right", "Gwadar is in Pakistan.")
    page.screenshot(path=ARTIFACTS / f"admin-corrections-inline-{width}.png", full_page=True)
    page.locator("input[name=_continue]").last.click()
    page.wait_for_load_state()

    assert page.locator(".messagelist .success").is_visible()
    assert corrected.corrections.filter(what_is_right="Gwadar is in Pakistan.", created_by=user).exists()
