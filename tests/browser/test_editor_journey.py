"""The editor's whole journey, as an editor clicks, counted: sign in, create an author and a source in place,
write an article with two authors dragged into order, a lead picture from the library, a picture uploaded
from the body editor, a region, a theme, tags, the original's address and date; publish; open it on the site.

An action is what an editor decides and does with one control: typing into a box, choosing an entry in a
list (opening it, typing to narrow it and picking count as one choice), clicking a button or a link,
dragging a handle, picking a file. The journey fails above 25 actions (issue 16). Each action leaves a
screenshot in `test-artifacts/screenshots/journey-NN-*.png`.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from articles import roles
from articles.models import Article
from articles.models import Status
from devtools.demo.pictures import draw_abstract
from images.services import image_create
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.frontend]
PASSWORD = "a-long-journey-password"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(settings.BASE_DIR) / "test-artifacts")) / "screenshots"
MOST_ACTIONS = 25


class Journey:
    """Counts the editor's actions and takes a screenshot after each."""

    def __init__(self, page):
        self.page, self.actions = page, []

    def act(self, what, do, then=None):
        """One action; `then` is what shows once it has taken effect (a page it opens, say)."""
        do()
        if then:
            self.page.locator(then).first.wait_for()
        self.actions.append(what)
        slug = re.sub(r"[^a-z0-9]+", "-", what.lower()).strip("-")[:40]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"journey-{len(self.actions):02}-{slug}.png"))

    def choose(self, what, box, typed, entry):
        """Open an autocomplete box, type to narrow it, pick the entry: one choice."""

        def do():
            self.page.locator(box).click()
            self.page.keyboard.type(typed)
            self.page.locator(".select2-results__option", has_text=entry).first.click()

        self.act(what, do)


@pytest.fixture
def newsroom(transactional_db, django_user_model, tmp_path):
    editor = django_user_model.objects.create_user("nadia", "nadia@example.org", PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name=roles.EDITORS))  # an editor, not a superuser
    AuthorFactory(name="Ines Duarte")
    RegionFactory(name="Northern Europe")
    ThemeFactory(name="Trade and Sanctions")
    lead = image_create(
        file=ContentFile(draw_abstract("Harbour cranes at dawn", motif="arcs"), name="cranes.jpg"),
        alt_text="Container cranes against a pale sky",
        caption="Harbour cranes at dawn",
        credit="Photo: Ana Lima",
    )
    upload = tmp_path / "fishing-boats.jpg"
    upload.write_bytes(draw_abstract("Fishing boats", motif="waves"))
    return {"lead": lead, "upload": upload}


def test_an_editor_writes_and_publishes_a_cross_post_in_at_most_25_actions(page, live_server, newsroom):
    page.set_viewport_size({"width": 1280, "height": 900})
    journey = Journey(page)
    act = journey.act
    page.goto(f"{live_server.url}/admin/")

    act("Type the username", lambda: page.fill("#id_username", "nadia"))
    act("Type the password", lambda: page.fill("#id_password", PASSWORD))
    act("Sign in", lambda: page.click("input[type=submit]"), then="#editorial-dashboard")
    act("Add an article", lambda: page.click("a.addlink[href$='/admin/articles/article/add/']"), then="#id_title")
    act("Type the title", lambda: page.fill("#id_title", "Why the harbour treaty matters to the north"))
    act("Type the standfirst", lambda: page.fill("#id_dek", "Quotas, ports and a fragile peace at sea."))
    journey.choose("Add a new author", "#author_links-0 .select2-selection", "Mira Solberg", "as a new author")
    page.wait_for_function("document.querySelector('#id_author_links-0-author').value !== ''")
    journey.choose("Add a co-author", "#author_links-1 .select2-selection", "Ines", "Ines Duarte")
    act(
        "Drag the co-author first",
        lambda: page.locator("#author_links-1 .byline-handle").drag_to(page.locator("#author_links-0 .byline-handle")),
    )
    body = page.locator(".field-body [contenteditable=true]")
    act("Write the body", lambda: body.fill("The treaty runs to forty pages and three annexes."))

    # A picture uploaded from the body editor, with its alt text, caption and credit.
    with page.expect_popup() as opened:
        act("Press the picture button", lambda: page.locator('.field-body [title="Picture from the library"]').click())
    chooser = opened.value
    chooser.wait_for_load_state()
    journey.page = chooser
    act("Pick the picture file", lambda: chooser.set_input_files("input[type=file]", newsroom["upload"]))
    act("Type its alt text", lambda: chooser.fill("#id_alt_text", "Small fishing boats moored in a row"))
    act("Type its caption", lambda: chooser.fill("#id_caption", "Fishing boats at Tromsø"))
    act("Type its credit", lambda: chooser.fill("#id_credit", "Photo: Reuters"))
    with chooser.expect_event("close"):
        chooser.click("input[value='Upload and use this picture']")
    journey.page = page
    journey.actions.append("Upload and use this picture")
    page.locator(".field-body [contenteditable=true] figure img[data-file]").wait_for()

    # The lead picture, from the library.
    with page.expect_popup() as opened:
        act("Choose a lead picture", lambda: page.get_by_role("button", name="Choose from the library").click())
    chooser = opened.value
    chooser.wait_for_load_state()
    with chooser.expect_event("close"):
        chooser.locator(".chooser-card a", has_text="Harbour cranes at dawn").click()
    journey.actions.append("Pick the cranes")
    page.locator(".field-lead_image .image-chooser__preview img").wait_for()

    journey.choose("Add the source", ".field-source .select2-selection", "Northern Review", "as a new source")
    act(
        "Type the original's address",
        lambda: (
            page.fill("#id_original_url", "https://northern-review.example.org/2026/11/30/harbour-treaty/"),
            page.locator("#id_original_url").blur(),
        ),
    )
    assert page.input_value("#id_original_published_on") == "2026-11-30", "read from the address"
    journey.choose("Choose the region", ".field-regions .select2-selection", "North", "Northern Europe")
    journey.choose("Choose the theme", ".field-themes .select2-selection", "Trade", "Trade and Sanctions")
    act("Type the tags", lambda: page.fill("#id_new_tags", "fisheries, ports"))
    act("Publish", lambda: page.click(".publish-row button[name=_publish]"), then=".messagelist .success")
    act("View it on the site", lambda: page.get_by_role("link", name="View it on the site").click(), then=".byline")

    assert len(journey.actions) <= MOST_ACTIONS, journey.actions

    # What readers see: the byline in the dragged order, both pictures with their credits, every credit.
    article = Article.objects.get()
    assert article.status == Status.PUBLISHED
    assert [link.author.name for link in article.author_links.order_by("order")] == ["Ines Duarte", "Mira Solberg"]
    assert article.source.name == "Northern Review"
    assert sorted(article.tags.names()) == ["fisheries", "ports"]
    assert page.url.endswith(article.get_absolute_url())
    byline = page.locator(".byline").first.inner_text()
    assert byline.index("Ines Duarte") < byline.index("Mira Solberg")
    assert page.locator(".figure-lead figcaption .credit").inner_text() == "Photo: Ana Lima"
    assert page.locator(".body figure figcaption .credit").inner_text() == "Photo: Reuters"
    assert "Northern Review" in page.locator("main").inner_text()
    assert page.get_by_role("link", name=re.compile("Edit this article")).is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"journey-{len(journey.actions) + 1:02}-the-published-page.png"
    page.screenshot(path=str(shot), full_page=True)
