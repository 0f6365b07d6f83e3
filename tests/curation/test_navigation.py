"""The menu, search box and footer every page shows, and the pages editors write (flat pages)."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage

from attribution.models import FooterLink
from curation.models import MenuItem
from tests.factories import ArticleFactory
from tests.factories import RegionFactory
from tests.factories import ThemeFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def menu(soup, which=".nav-wide"):
    return [(a.get_text(strip=True), a["href"]) for a in soup.select(f".primary-nav {which} a")]


@pytest.fixture
def chosen_menu():
    europe, energy, asia = RegionFactory(name="Europe"), ThemeFactory(name="Energy"), RegionFactory(name="Asia")
    MenuItem.objects.create(theme=energy, position=0)
    MenuItem.objects.create(region=europe, position=1)
    MenuItem.objects.create(region=asia, position=2)
    return europe, energy, asia


def test_every_page_shows_the_menu_in_the_editors_order(client, chosen_menu):
    europe, energy, asia = chosen_menu
    article = ArticleFactory(regions=[europe])
    expected = [
        ("Energy", energy.get_absolute_url()),
        ("Europe", europe.get_absolute_url()),
        ("Asia", asia.get_absolute_url()),
    ]

    for path in ("/", article.get_absolute_url(), europe.get_absolute_url(), "/search/?q=x", "/republish/"):
        soup = soup_of(client, path)
        assert menu(soup) == expected, path
        assert menu(soup, ".nav-compact") == expected, "the phone menu (a disclosure, no JavaScript) has the same"
        assert soup.select_one(".nav-compact summary").get_text(strip=True) == "Sections"


def test_the_current_section_is_marked(client, chosen_menu):
    europe = chosen_menu[0]
    soup = soup_of(client, europe.get_absolute_url())
    current = soup.select(".nav-wide a[aria-current=page]")
    assert [a.get_text(strip=True) for a in current] == ["Europe"]


def test_without_menu_items_there_is_no_empty_menu(client):
    RegionFactory(name="Europe")
    assert soup_of(client, "/").select_one(".primary-nav") is None


def test_a_change_to_the_menu_shows_at_once_on_cached_pages(client, chosen_menu):
    assert ("Asia", chosen_menu[2].get_absolute_url()) in menu(soup_of(client, "/"))
    MenuItem.objects.get(region=chosen_menu[2]).delete()
    assert [label for label, _ in menu(soup_of(client, "/"))] == ["Energy", "Europe"]


def test_every_page_has_a_search_box_that_searches_the_archive(client):
    form = soup_of(client, "/").select_one(".masthead form[role=search]")
    assert form["action"] == "/search/" and form["method"] == "get"
    assert form.select_one("input[type=search]")["name"] == "q"
    assert form.select_one(f"label[for={form.select_one('input')['id']}]") is not None


def test_the_footer_lists_the_editors_links_then_permissions_and_the_feed(client):
    settings_record = publication_settings()
    FooterLink.objects.create(publication=settings_record, label="Privacy", url="/privacy/", position=1)
    FooterLink.objects.create(publication=settings_record, label="About us", url="/about/", position=0)

    links = [(a.get_text(strip=True), a["href"]) for a in soup_of(client, "/").select(".footer-nav a")]

    assert links[:2] == [("About us", "/about/"), ("Privacy", "/privacy/")]
    assert ("Republish our articles", "/republish/") in links
    assert ("RSS feed", "/feeds/rss/") in links


def test_a_new_footer_link_shows_at_once_on_cached_pages(client):
    settings_record = publication_settings()
    soup_of(client, "/")
    FooterLink.objects.create(publication=settings_record, label="Contact", url="/contact/")
    assert "Contact" in [a.get_text(strip=True) for a in soup_of(client, "/").select(".footer-nav a")]


def test_editors_pages_are_served_in_the_site_s_layout_and_sanitised(client):
    page = FlatPage.objects.create(
        url="/about/",
        title="About us",
        content='<p>Who we are.</p><script>alert(1)</script><a href="javascript:alert(2)">x</a>',
    )
    page.sites.add(settings.SITE_ID)

    soup = soup_of(client, "/about/")

    assert soup.find("h1").get_text(strip=True) == "About us"
    assert "Who we are." in soup.select_one("main").get_text()
    assert soup.select_one("main script") is None
    assert not soup.select('main a[href^="javascript"]')
    assert soup.select_one(".masthead") is not None and soup.select_one(".site-footer") is not None


def test_editors_may_change_the_menu_the_front_page_and_the_pages():
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("content_type__app_label", "codename"))
    for needed in [
        ("curation", "change_menuitem"),
        ("curation", "add_menuitem"),
        ("curation", "change_frontpage"),
        ("curation", "add_frontpagesection"),
        ("flatpages", "change_flatpage"),
        ("attribution", "add_footerlink"),
    ]:
        assert needed in codenames
