"""Every page type at a phone's width and a desktop's, as a reader sees it: screenshots for reviewers, and checks
that what every page needs is visible and nothing covers anything else.

Screenshots go to `test-artifacts/screenshots/` (TEST_ARTIFACTS_DIR to change it), one per page and width.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from articles.models import Article
from attribution.models import Source
from authors.models import Author
from devtools.demo.loader import load_demo_content
from tests.browser.conftest import box
from tests.browser.conftest import overlap

pytestmark = [pytest.mark.browser, pytest.mark.frontend]

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(settings.BASE_DIR) / "test-artifacts")) / "screenshots"
WIDTHS = (360, 1280)


@pytest.fixture
def demo(transactional_db):
    load_demo_content()
    with_picture = Article.objects.published().exclude(lead_image=None).newest_first().first()
    return {
        "home": "/",
        "article": with_picture.get_absolute_url(),
        "seed article": "/articles/colombia-run-off-nato-global-partnership/",
        "region": with_picture.regions.first().get_absolute_url(),
        "author": Author.objects.get(slug="andrew-korybko").get_absolute_url(),
        "source": Source.objects.get(slug="oriental-review").get_absolute_url(),
        "search": "/search/?q=energy",
        "about": "/about/",
        "not found": "/no-such-page/",
    }


def assert_apart(page, selectors):
    boxes = {selector: box(page, selector) for selector in selectors}
    for index, first in enumerate(selectors):
        for second in selectors[index + 1 :]:
            assert not overlap(boxes[first], boxes[second]), f"{first} overlaps {second}"


def assert_navigation(page, width):
    """The masthead, the search box and the menu: the wide menu on a desktop, the disclosure on a phone."""
    box(page, ".masthead .brand-link")
    box(page, ".masthead input[type=search]")
    if width >= 768:
        box(page, ".primary-nav .nav-wide a")
        assert not page.locator(".nav-compact").is_visible()
    else:
        assert not page.locator(".nav-wide").is_visible()
        page.locator(".nav-compact summary").click()  # a native <details>: no JavaScript involved
        box(page, ".nav-compact a")
        page.locator(".nav-compact summary").click()
    assert_apart(page, [".masthead .brand-link", ".masthead .search-box"])


def assert_footer_links_whole(page):
    """The footer's links sit in two columns: none may start at the foot of one and end atop the next."""
    split = page.evaluate(
        """() => [...document.querySelectorAll(".footer-nav li")]
            .filter(item => new Set([...item.getClientRects()].map(rect => Math.round(rect.left))).size > 1)
            .map(item => item.textContent.trim())"""
    )
    assert split == [], f"split across the footer's columns: {split}"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_at_phone_and_desktop_width(demo, live_server, browser, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    for name, path in demo.items():
        page.goto(live_server.url + path)
        page.screenshot(path=ARTIFACTS / f"{name.replace(' ', '-')}-{width}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways"
        assert_navigation(page, width)
        assert_footer_links_whole(page)
        if name == "home":
            assert_apart(page, [".masthead", ".card-lead .card-title", ".card-lead img", ".secondary"])
            assert page.locator(".card-lead img").evaluate("img => img.complete && img.naturalWidth > 0")
        if name == "article":
            assert_apart(page, ["h1", ".byline", ".figure-lead img", ".figure-lead figcaption", ".body"])
            assert_apart(page, ["section.credits", "section.about-authors", ".notices", "section.share"])
            assert page.locator(".figure-lead img").evaluate("img => img.complete && img.naturalWidth > 0")
        if name == "seed article":
            assert_apart(page, ["h1", ".source-line", ".body", "section.credits", "section.about-authors"])
    context.close()
    assert len(list(ARTIFACTS.glob(f"*-{width}.png"))) >= len(demo)
