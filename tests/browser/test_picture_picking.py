"""Pictures by picking, as an editor clicks: the body editor's picture button opens the library, a search
finds the picture, a click places it; the lead picture is chosen the same way and its thumbnail shows; the
public page shows both with caption and credit. Screenshots of the chooser and the form at 1280 and 360 px
go to `test-artifacts/screenshots/picture-*.png`."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse

from articles.models import Article
from articles.models import Status
from devtools.demo.pictures import draw_abstract
from images.services import image_create
from tests.browser.conftest import PASSWORD
from tests.browser.conftest import WCAG
from tests.browser.conftest import axe_problems
from tests.browser.conftest import sign_in
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory

pytestmark = [pytest.mark.browser, pytest.mark.frontend]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(settings.BASE_DIR) / "test-artifacts")) / "screenshots"

LIBRARY = [
    ("Cranes over the container harbour at Gdańsk", "Photo: Ana Lima", "arcs"),
    ("Fishing boats tied up at Tromsø before the quota talks", "Photo: Reuters", "waves"),
    ("Delegates leave the treaty conference in Oslo", "Photo: AFP", "circles"),
    ("A tanker waits off the harbour mouth", "Photo: Norsk Telegrambyrå", "mosaic"),
    ("The ministers' joint press conference", "Photo: EU Council", "circles"),
    ("Night shift at the grain terminal", "Photo: Ana Lima", "waves"),
]


def _picture(caption, credit, motif):
    content = ContentFile(draw_abstract(caption, motif=motif), name="picture.jpg")
    return image_create(file=content, alt_text=f"Illustration: {caption.lower()}", caption=caption, credit=credit)


@pytest.fixture
def desk(transactional_db):
    get_user_model().objects.create_superuser("desk", "desk@example.org", PASSWORD)
    pictures = {caption: _picture(caption, credit, motif) for caption, credit, motif in LIBRARY}
    article = ArticleFactory(
        title="Harbour treaty explained",
        status=Status.PUBLISHED,
        body="<p>The treaty runs to forty pages and three annexes.</p>",
        authors=[AuthorFactory(name="Ines Duarte")],
        regions=[RegionFactory(name="Northern Europe")],
    )
    return article, pictures


def _has_loaded(img):
    """Whether a picture the page has just put in place loads: waits for its `load` or `error` event, since
    a thumbnail set by script is still on its way when the element appears."""
    return img.evaluate(
        """img => img.complete ? img.naturalWidth > 0 : new Promise(done => {
            img.addEventListener("load", () => done(img.naturalWidth > 0), { once: true });
            img.addEventListener("error", () => done(false), { once: true });
        })"""
    )


def _shoot(target, name, width, height=900):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target.set_viewport_size({"width": width, "height": height})
    target.screenshot(path=str(ARTIFACTS / f"picture-{name}-{width}.png"), full_page=True)


def _no_sideways_scroll(target):
    assert target.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), target.url


def _accessible(target, axe_source, name, within="document"):
    """What axe-core finds against WCAG 2.1 AA in `within` (a selector, or the whole page)."""
    target.evaluate(axe_source)  # not a <script> tag: the Content-Security-Policy would refuse it
    if within == "document":
        return axe_problems(target, name)
    result = target.evaluate(
        "([selector, tags]) => axe.run(document.querySelector(selector), {runOnly: tags})", [within, WCAG]
    )
    return [f"{name}: {v['id']}: {node['target']}" for v in result["violations"] for node in v["nodes"]]


def test_an_editor_picks_pictures_from_the_library_and_readers_see_them_credited(page, live_server, desk, axe_source):
    article, pictures = desk
    problems = []

    def console(message):
        if message.type == "error":
            problems.append(message.text)

    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", console)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server)
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))

    # 1. The body: put the cursor after the first paragraph, press the picture button, search, pick.
    page.locator(".field-body [contenteditable=true] p").first.click()
    page.keyboard.press("End")
    button = page.locator('.field-body .prose-menubar__button[title="Picture from the library"]')
    assert button.count() == 1  # one picture button, and it is the library's
    with page.expect_popup() as opened:
        button.click()
    chooser = opened.value
    chooser.wait_for_load_state()
    assert chooser.locator(".chooser-card").count() == len(LIBRARY)
    chooser.fill("#id_q", "harbour")
    chooser.locator(".chooser-search input[type=submit]").click()
    chooser.wait_for_load_state()
    assert chooser.locator(".chooser-card").count() == 2
    for width in (1280, 360):
        _shoot(chooser, "chooser", width, height=760)
        _no_sideways_scroll(chooser)
    problems += _accessible(chooser, axe_source, "chooser")
    chooser.goto(live_server.url + reverse("admin:images_image_choose") + "?tab=upload")
    for width in (1280, 360):
        _shoot(chooser, "chooser-upload", width, height=760)
        _no_sideways_scroll(chooser)
    problems += _accessible(chooser, axe_source, "chooser upload")
    chooser.go_back()
    with chooser.expect_event("close"):  # the chosen page hands the picture over and closes its window
        chooser.locator(".chooser-card a", has_text="Cranes over the container harbour").click()

    placed = page.locator(".field-body [contenteditable=true] figure img")
    placed.wait_for()
    assert placed.get_attribute("data-file") == str(pictures["Cranes over the container harbour at Gdańsk"].pk)

    # 2. The lead picture: choose from the library; its thumbnail and caption show on the form.
    assert page.locator(".field-lead_image .image-chooser__empty").is_visible()
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Choose from the library").click()
    chooser = opened.value
    chooser.wait_for_load_state()
    with chooser.expect_event("close"):
        chooser.locator(".chooser-card a", has_text="Fishing boats tied up").click()
    lead = page.locator(".field-lead_image")
    lead.locator(".image-chooser__preview img").wait_for()
    assert "Fishing boats tied up" in lead.locator(".image-chooser__caption").inner_text()
    assert lead.locator(".image-chooser__preview img").get_attribute("alt") == ""
    assert _has_loaded(lead.locator(".image-chooser__preview img"))
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        lead.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"picture-form-{width}.png"))
        box = lead.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (width, box)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.remove_listener("console", console)  # axe-core's own style is refused by the CSP, as it should be
    problems += _accessible(page, axe_source, "lead picture", within=".field-lead_image")
    page.on("console", console)

    # 3. Save, then save again from what the editor loaded back: the library id survives the round trip.
    page.locator("input[name=_continue]").last.click()
    page.locator(".messagelist .success").wait_for()
    page.locator(".field-body [contenteditable=true] figure img[data-file]").wait_for()
    page.locator("input[name=_save]").last.click()
    page.locator(".messagelist .success").wait_for()
    saved = Article.objects.get(pk=article.pk)
    assert f'data-file="{pictures["Cranes over the container harbour at Gdańsk"].pk}"' in saved.body
    assert saved.lead_image == pictures["Fishing boats tied up at Tromsø before the quota talks"]

    # 4. Readers see both pictures, each with its caption and credit from the library.
    page.goto(live_server.url + saved.get_absolute_url())
    inline = page.locator(".body figure")
    assert inline.count() == 1
    assert inline.locator("img").get_attribute("srcset")
    assert inline.locator("figcaption").inner_text().startswith("Cranes over the container harbour at Gdańsk")
    assert inline.locator("figcaption .credit").inner_text() == "Photo: Ana Lima"
    assert page.locator(".figure-lead figcaption .credit").inner_text() == "Photo: Reuters"
    _shoot(page, "article", 1280)
    assert not problems, problems
