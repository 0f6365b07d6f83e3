"""The article form in a real browser at 1280 px: authors between the standfirst and the body, dragged into
order before the first save, the publishing box beside the writing, and a failed save that lands on its first
error. Screenshots go to `test-artifacts/screenshots/article-form-*.png`."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Status
from tests.browser.conftest import PASSWORD
from tests.browser.conftest import sign_in
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory

pytestmark = [pytest.mark.browser, pytest.mark.frontend]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(settings.BASE_DIR) / "test-artifacts")) / "screenshots"


@pytest.fixture
def draft(transactional_db):
    get_user_model().objects.create_superuser("desk", "desk@example.org", PASSWORD)
    return ArticleFactory(title="A draft with no author yet", status=Status.DRAFT, regions=[RegionFactory()])


@pytest.fixture
def form_page(page, live_server, draft):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server)
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[draft.pk]))
    return page


def top(page, selector):
    locator = page.locator(selector).first
    assert locator.is_visible(), f"{selector} is not visible"
    return locator.bounding_box()["y"]


def test_the_authors_sit_between_the_standfirst_and_the_body(form_page):
    page = form_page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article-form-1280.png"), full_page=True)

    standfirst, authors, body = top(page, "#id_dek"), top(page, "#author_links-group"), top(page, ".field-body")
    assert standfirst < authors < body, (standfirst, authors, body)


def test_a_failed_save_scrolls_to_the_first_error(form_page):
    page = form_page
    page.select_option("#id_status", Status.PUBLISHED)
    page.locator("input[name=_save]").last.click()
    page.wait_for_load_state("load")
    page.wait_for_function("window.scrollY > 0", timeout=5000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article-form-error-1280.png"))

    error = page.locator("#author_links-group .errorlist").first
    assert "Add at least one author" in error.inner_text()
    box = error.bounding_box()
    assert 0 <= box["y"] < 900 - box["height"], f"the first error is at y={box['y']}, outside the window"
    assert top(page, ".error-summary") < 0, "the page stayed at the top"


def pick_author(page, row, name):
    page.locator(f"#author_links-{row} .select2-selection").click()
    page.keyboard.type(name)
    page.locator(".select2-results__option", has_text=name).first.click()


def test_authors_not_yet_saved_are_dragged_into_byline_order(form_page, draft):
    AuthorFactory(name="Ada Quill"), AuthorFactory(name="Ben Marsh")
    page = form_page
    pick_author(page, 0, "Ada Quill")
    # Choosing an author in the last row opens the next: no "Add another Author" click.
    pick_author(page, 1, "Ben Marsh")
    page.locator("#author_links-2 .select2-selection").wait_for()  # opened by script: wait, never time it

    page.locator("#author_links-1 .byline-handle").drag_to(page.locator("#author_links-0 .byline-handle"))
    page.click(".article-desk__publishing input[name=_continue]")
    page.locator(".messagelist .success").wait_for()

    assert [link.author.name for link in draft.author_links.order_by("order")] == ["Ben Marsh", "Ada Quill"]
    # The arrow buttons do the same from the keyboard: Ada back to the front.
    page.locator("#author_links-1 .byline-up").click()
    page.click(".article-desk__publishing input[name=_continue]")
    page.locator(".messagelist .success").wait_for()
    assert [link.author.name for link in draft.author_links.order_by("order")] == ["Ada Quill", "Ben Marsh"]


def test_the_publishing_box_sits_beside_the_writing_and_stays_in_view(form_page):
    page = form_page
    box, body = page.locator(".article-desk__publishing"), page.locator(".field-body")
    assert box.bounding_box()["x"] >= body.bounding_box()["x"] + body.bounding_box()["width"]
    assert box.bounding_box()["y"] < body.bounding_box()["y"], "the box starts beside the authors, above the body"

    page.locator(".field-regions").scroll_into_view_if_needed()
    save = page.locator(".article-desk__publishing input[name=_save]").bounding_box()
    assert 0 <= save["y"] <= 900 - save["height"], f"the Save button scrolled away (y={save['y']})"

    page.set_viewport_size({"width": 360, "height": 800})
    rows = "[...document.querySelectorAll('#author_links-group tr')]"
    widest = f"Math.max(...{rows}.map(row => row.getBoundingClientRect().right))"
    assert page.evaluate(widest) <= 360, "on a phone the byline's delete box is cut off"
    assert top(page, ".article-desk__publishing") > top(page, ".field-regions"), "on a phone the box follows the form"
    assert top(page, ".article-desk__top-buttons input[name=_save]") < top(page, "#id_title")


def test_an_author_and_a_source_nobody_has_yet_are_added_from_their_boxes(form_page, draft):
    page = form_page
    page.locator("#author_links-0 .select2-selection").click()
    page.keyboard.type("Zora Newfield")
    page.locator(".select2-results__option", has_text="Add “Zora Newfield” as a new author").click()
    page.locator(".field-source .select2-selection").click()
    page.keyboard.type("The Quarterly Review")
    page.locator(".select2-results__option", has_text="Add “The Quarterly Review” as a new source").click()

    expect_selected = "el => el.selectedOptions[0] && el.selectedOptions[0].text"
    page.wait_for_function(
        f"() => ({expect_selected})(document.querySelector('#id_source')) === 'The Quarterly Review'"
    )
    assert page.eval_on_selector("#id_author_links-0-author", expect_selected) == "Zora Newfield"
    page.click(".article-desk__publishing input[name=_continue]")
    page.locator(".messagelist .success").wait_for()

    draft.refresh_from_db()
    assert draft.source.name == "The Quarterly Review"
    assert [link.author.name for link in draft.author_links.all()] == ["Zora Newfield"]


def test_the_original_date_is_read_from_a_dated_address_while_its_box_is_empty(form_page):
    page = form_page
    page.fill("#id_original_published_on", "")
    page.fill("#id_original_url", "https://orientalreview.org/2017/05/04/latin-america-and-nato/")
    page.locator("#id_original_url").blur()
    assert page.input_value("#id_original_published_on") == "2017-05-04"

    page.fill("#id_original_url", "https://example.org/2019-02-03-another-story")
    page.locator("#id_original_url").blur()
    assert page.input_value("#id_original_published_on") == "2017-05-04", "a date already there is kept"

    page.fill("#id_original_published_on", "")
    page.fill("#id_original_url", "https://example.org/news/20190203/story.html")
    page.locator("#id_original_url").blur()
    assert page.input_value("#id_original_published_on") == "2019-02-03"
