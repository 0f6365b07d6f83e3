"""The queue and the reader's credits in a real Chromium: one click on "Use the new address", and the
"archived copy" line at 360 and 1280 px. Screenshots go to `test-artifacts/screenshots/originals-*.png`."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from originals.models import Finding
from originals.models import FindingKind
from originals.models import FindingStatus
from originals.models import Watch
from tests.browser.conftest import sign_in
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.originals.conftest import check
from tests.originals.conftest import story

pytestmark = [pytest.mark.browser, pytest.mark.frontend]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(settings.BASE_DIR) / "test-artifacts")) / "screenshots"


@pytest.fixture
def moved(transactional_db, origin):
    origin.page("/story/", story())
    article = CrossPostFactory(original_url=origin.url("/story/"), authors=[AuthorFactory()])
    watch = Watch.objects.create(article=article, url=article.original_url)
    check(watch)
    origin.redirect("/story/", "/2026/new-home/", status=308)
    origin.page("/2026/new-home/", story())
    check(watch)
    return Finding.objects.get(kind=FindingKind.MOVED)


def test_an_editor_uses_the_new_address_in_one_click(page, live_server, editor_member, moved, origin):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, editor_member.username, "a-long-test-password")
    page.goto(live_server.url + reverse("admin:originals_finding_changelist"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "originals-queue-1280.png"), full_page=True)
    # Nothing spills out of the page sideways, and the queue's table needs no sideways scroll: what
    # changed and its answer are in view beside the admin's menu and the filters.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.evaluate(
        "(() => { const r = document.querySelector('#changelist .results');"
        " return r.scrollWidth <= r.clientWidth + 1; })()"
    )
    answer = page.get_by_role("button", name="Use the new address").bounding_box()
    results = page.locator("#changelist .results").bounding_box()
    assert answer["x"] + answer["width"] <= results["x"] + results["width"]

    page.get_by_role("button", name="Use the new address").click()
    page.wait_for_load_state()

    assert "now credits its original at" in page.locator(".messagelist").inner_text()
    moved.refresh_from_db()
    assert moved.status == FindingStatus.RESOLVED
    moved.watch.article.refresh_from_db()
    assert moved.watch.article.original_url == origin.url("/2026/new-home/")


def gone_article():
    from articles.services import article_set_original_status

    article = CrossPostFactory(
        original_url="https://original.example.org/2018/06/a-story-with-a-long-address-that-must-wrap/",
        authors=[AuthorFactory(name="Ana Lima")],
    )
    article_set_original_status(
        article=article,
        gone=True,
        archived_url="https://web.archive.org/web/20261206120000/https://original.example.org/2018/06/a-story/",
    )
    return article


@pytest.mark.parametrize("width", [360, 1280])
def test_the_archived_copy_line_fits_the_reader_page(page, live_server, transactional_db, width):
    article = gone_article()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + article.get_absolute_url())
    link = page.locator(".original-source a.archived-copy")
    assert link.is_visible()
    assert link.inner_text() == "archived copy"
    line = page.locator(".original-source").bounding_box()
    assert line["x"] >= 0 and line["x"] + line["width"] <= width + 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator(".original-source").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"originals-archived-copy-{width}.png"))


def test_the_reader_page_with_an_archived_copy_is_valid_and_accessible(
    page, live_server, transactional_db, client, vnu_jar, axe_source, tmp_path
):
    from tests.browser.conftest import axe_problems
    from tests.browser.conftest import html_problems

    article = gone_article()
    response = client.get(article.get_absolute_url())
    assert html_problems(vnu_jar, tmp_path, {"gone original": response.content}) == []
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate(axe_source)  # not a <script> tag: the Content-Security-Policy would refuse it
    assert axe_problems(page, "gone original") == []
