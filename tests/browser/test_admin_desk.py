"""The editors' desk in a real browser at 1024, 1280 and 1920 px: the dashboard, an article with a long title,
a permission request with its Decide panel. Screenshots go to `test-artifacts/screenshots/admin-*.png`."""

import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from partners.models import Reprint
from tests.browser.conftest import PASSWORD
from tests.browser.conftest import box
from tests.browser.conftest import overlap
from tests.browser.conftest import sign_in
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import PermissionRequestFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory

pytestmark = [pytest.mark.browser, pytest.mark.frontend]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(settings.BASE_DIR) / "test-artifacts")) / "screenshots"
WIDTHS = (1024, 1280, 1920)
LONG_TITLE = (
    "Ports, power and politics along the northern sea route: how shipping, fishing quotas and a changing "
    "climate are redrawing the map of influence between coastal states and their distant partners today"
)[:200]


@pytest.fixture
def desk(transactional_db):
    get_user_model().objects.create_superuser("desk", "desk@example.org", PASSWORD)
    article = ArticleFactory(title=LONG_TITLE)
    ArticleFactory(title="A draft waiting for a second reader", status=Status.REVIEW)
    ArticleFactory(title="Out on Friday", published_at=timezone.now() + datetime.timedelta(days=2))
    for weeks_ago in (1, 1, 3, 4, 4, 4, 9):
        ArticleFactory(published_at=timezone.now() - datetime.timedelta(weeks=weeks_ago))
    request = PermissionRequestFactory(article=article)
    return {"article": article, "request": request}


@pytest.fixture
def signed_in(page, live_server, desk):
    sign_in(page, live_server)
    return page


def inside(inner, outer):
    return (
        inner["x"] >= outer["x"] - 1
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 1
        and inner["y"] >= outer["y"] - 1
    )


def visit(page, url, width, name):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"admin-{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_decide_panel_lays_out_in_the_main_column(signed_in, live_server, desk, width):
    page = signed_in
    url = live_server.url + reverse("admin:partners_permissionrequest_change", args=[desk["request"].pk])
    visit(page, url, width, "request")

    main, note = box(page, "#content-main"), box(page, "#decision-panel textarea")
    assert inside(note, main), f"the note {note} is outside the main column {main}"
    assert note["width"] >= 300, f"the note is {note['width']} px wide"
    approve = box(page, 'button[value="approve"]')
    assert inside(approve, main)

    page.fill("#decision-panel textarea", "Please credit the author.")
    page.click('button[value="approve"]')
    page.wait_for_load_state()
    desk["request"].refresh_from_db()
    assert (desk["request"].status, desk["request"].decision_note) == ("approved", "Please credit the author.")


def test_the_article_list_gives_titles_room_and_fits_a_laptop_with_the_menu_collapsed(signed_in, live_server, desk):
    """At 1280 px beside the menu and the filters, titles get a readable column (the other columns scroll in
    the list's own box, as Django's admin does); with the menu collapsed every column fits."""
    CrossPostFactory(
        title="Who gets the lithium money? The Andean triangle rewrites its royalty rules",
        source=SourceFactory(name="The Northern Lights Journal of International Affairs"),
        regions=[RegionFactory(name="Latin America & Caribbean")],
        authors=[AuthorFactory(name="Tomás Echeverría"), AuthorFactory(name="Ruth Adeyemi")],
    )
    page = signed_in
    visit(page, live_server.url + reverse("admin:articles_article_changelist"), 1280, "article-list")
    assert box(page, "#result_list th.column-title")["width"] >= 200
    page.click("#toggle-nav-sidebar")
    results = page.locator("#changelist .results")
    width, room = results.evaluate("box => [box.scrollWidth, box.clientWidth]")
    assert width <= room, f"the list is {width} px wide in a {room} px box"
    page.click("#toggle-nav-sidebar")  # Django keeps the choice in localStorage: leave the menu as it was


def test_the_reprint_ledger_breaks_long_addresses_so_titles_stay_readable(signed_in, live_server, desk):
    request = desk["request"]
    for number in range(2):
        Reprint.objects.create(
            article=request.article,
            permission_request=request,
            page_url=f"https://www.baltic-energy-observatory.example.org/analysis/2026/12/a-long-slug-{number}/",
        )
    page = signed_in
    visit(page, live_server.url + reverse("admin:partners_reprint_changelist"), 1280, "ledger")
    assert box(page, "#result_list th.column-ledger_entry")["width"] >= 150
    page.click("#toggle-nav-sidebar")
    width, room = page.locator("#changelist .results").evaluate("box => [box.scrollWidth, box.clientWidth]")
    assert width <= room, f"the ledger is {width} px wide in a {room} px box"
    page.click("#toggle-nav-sidebar")


def test_an_articles_reprints_never_widen_its_page_on_a_phone(signed_in, live_server, desk):
    request = desk["request"]
    Reprint.objects.create(
        article=request.article,
        permission_request=request,
        page_url="https://www.baltic-energy-observatory.example.org/analysis/2026/12/a-long-slug-about-ports/",
    )
    page = signed_in
    visit(page, live_server.url + reverse("admin:articles_article_change", args=[request.article.pk]), 360, "reprints")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    address = box(page, "#reprints-panel td.reprints-panel__page")
    assert address["width"] >= 150, "the address gets a readable column, the rest of the table scrolls in its box"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_long_title_fits_its_box_and_no_button_covers_it(signed_in, live_server, desk, width):
    page = signed_in
    visit(page, live_server.url + reverse("admin:articles_article_change", args=[desk["article"].pk]), width, "article")

    title = box(page, "#id_title")
    if width == 1280:
        sixty_characters = page.evaluate(
            """() => {
                const probe = document.createElement("span");
                probe.style.font = getComputedStyle(document.querySelector("#id_title")).font;
                probe.textContent = "n".repeat(60);
                document.body.append(probe);
                return probe.getBoundingClientRect().width;
            }"""
        )
        assert title["width"] >= sixty_characters, f"the title box is {title['width']} px, 60 characters need more"
    buttons = page.locator(".object-tools a")
    assert buttons.count() >= 2, "History and View on site"
    covered = [box(page, "#content h2"), title]
    for index in range(buttons.count()):
        button = buttons.nth(index).bounding_box()
        assert not any(overlap(button, other) for other in covered), f"{buttons.nth(index).inner_text()} covers"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_dashboard_has_no_stray_bullets_and_draws_its_chart(signed_in, live_server, width):
    page = signed_in
    visit(page, f"{live_server.url}/admin/", width, "dashboard")

    bullets = page.eval_on_selector_all(
        "#editorial-dashboard li", "items => items.map(item => getComputedStyle(item).listStyleType)"
    )
    assert bullets and set(bullets) == {"none"}
    chart = box(page, "#dashboard-chart svg")
    assert chart["width"] >= 300 and chart["height"] >= 80
    assert "week of" in page.get_attribute("#dashboard-chart svg", "aria-label")


def test_the_admin_icon_resolves(signed_in, live_server):
    page = signed_in
    icon = page.get_attribute('link[rel="icon"]', "href")
    assert page.request.get(live_server.url + icon).status == 200
    assert page.request.get(f"{live_server.url}/favicon.ico").status == 200


def test_the_editors_code_and_html_buttons_look_different(signed_in, live_server, desk):
    page = signed_in
    visit(page, live_server.url + reverse("admin:articles_article_change", args=[desk["article"].pk]), 1280, "article")

    code = page.locator('.prose-menubar__button[title="Code"]').first.screenshot()
    html = page.locator('.prose-menubar__button[title="edit HTML"]').first.screenshot()
    assert code != html
    arrow = page.eval_on_selector(".prose-menubar__selected", "el => getComputedStyle(el, '::after').content")
    assert arrow in ('""', "none", ""), f"the menu's arrow is drawn with a glyph fonts may lack: {arrow}"
