"""The front page: a lead story (pinned or the newest with a picture), three more, editors' sections, the latest."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from curation.models import FrontPage
from curation.models import FrontPageSection
from curation.models import MenuItem
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import ThemeFactory
from tests.factories import form_values
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def front(client, **params):
    response = client.get(reverse("home"), params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(element):
    return [card.select_one(".card-title a").get_text(strip=True) for card in element.select("article.card")]


def lead_title(soup):
    return soup.select_one(".card-lead .card-title").get_text(strip=True)


def dated(title, days_ago, **values):
    return ArticleFactory(title=title, published_at=timezone.now() - days_ago * DAY, **values)


def pin(article):
    front_page = FrontPage.get_solo()
    front_page.lead = article
    front_page.save()  # as the admin saves it


def test_the_newest_article_with_a_picture_leads_and_the_next_three_follow(client):
    dated("Newest, no picture", 1)
    dated("With a picture", 2, lead_image=ImageFactory())
    for day in range(3, 7):
        dated(f"{day} days old", day)

    soup = front(client)

    assert lead_title(soup) == "With a picture"
    assert soup.select_one(".card-lead img") is not None
    assert titles(soup.select_one(".secondary")) == ["Newest, no picture", "3 days old", "4 days old"]


def test_editors_pin_the_lead_and_an_unpublished_pin_is_ignored(client):
    pinned = dated("Pinned analysis", 9)
    dated("Newer", 1)
    pin(pinned)

    assert lead_title(front(client)) == "Pinned analysis"

    pinned.status = Status.DRAFT
    pinned.save()
    soup = front(client)
    assert lead_title(soup) == "Newer"
    assert "Pinned analysis" not in soup.get_text()


def test_sections_follow_the_editors_choice_and_order_and_link_their_archives(client):
    europe, asia = RegionFactory(name="Europe"), RegionFactory(name="Asia")
    energy = ThemeFactory(name="Energy")
    for day in range(1, 5):
        dated(f"Top {day}", day)  # the lead and the three after it: not repeated below
    for day in range(5, 11):
        dated(f"Europe {day}", day, regions=[europe], themes=[energy])
    dated("Asia story", 12, regions=[asia])
    dated("Europe draft", 1, regions=[europe], status=Status.DRAFT)
    front_page = FrontPage.get_solo()
    FrontPageSection.objects.create(front_page=front_page, theme=energy, position=0)
    FrontPageSection.objects.create(front_page=front_page, region=europe, position=1)

    soup = front(client)

    sections = soup.select(".front-section")
    assert [section.h2.get_text(strip=True) for section in sections] == ["Energy", "Europe"]
    assert titles(sections[0]) == ["Europe 5", "Europe 6", "Europe 7", "Europe 8"]
    assert sections[1].select_one(".section-more")["href"] == europe.get_absolute_url()
    assert "Asia story" in soup.get_text(), "listed among the latest, without a section"
    assert "Europe draft" not in soup.get_text()


def test_without_chosen_sections_the_menu_s_regions_and_themes_get_them(client):
    europe = RegionFactory(name="Europe")
    dated("Lead", 1)
    for day in range(2, 7):
        dated(f"Europe piece {day}", day, regions=[europe])
    MenuItem.objects.create(region=europe)

    sections = front(client).select(".front-section")

    assert [section.h2.get_text(strip=True) for section in sections] == ["Europe"]
    assert titles(sections[0]) == ["Europe piece 5", "Europe piece 6"]


def test_the_latest_list_skips_the_top_stories_on_the_first_page_only(client, settings):
    settings.ARTICLES_PER_PAGE = 6
    for day in range(1, 10):
        dated(f"{day} days old", day)

    first = front(client)
    assert titles(first.select_one(".front-latest")) == ["5 days old", "6 days old"]

    second = front(client, page=2)
    assert second.select_one(".front-top") is None and not second.select(".front-section")
    assert titles(second.select_one(".front-latest")) == ["7 days old", "8 days old", "9 days old"]
    assert "Latest articles, page 2" in second.get_text()


def test_a_card_without_a_picture_is_laid_out_for_text(client):
    dated("Words only", 1)

    card = front(client).select_one("article.card")

    assert "card-text" in card["class"] and card.find("img") is None


def test_an_empty_publication_says_so(client):
    assert "No articles have been published here yet" in front(client).get_text()


def test_pinning_a_story_changes_the_cached_front_page_at_once(client):
    dated("Newest", 1)
    older = dated("Older", 5)
    assert lead_title(front(client)) == "Newest"

    pin(older)

    assert lead_title(front(client)) == "Older"


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("count", [1, 20])
def test_home_query_count_is_constant(client, django_assert_num_queries, count):
    publication_settings()  # as on a real site: made once, not by the first reader (which changes the pages)
    regions, themes, authors = (
        RegionFactory.create_batch(3),
        ThemeFactory.create_batch(3),
        AuthorFactory.create_batch(3),
    )
    front_page = FrontPage.get_solo()
    for position, region in enumerate(regions):
        FrontPageSection.objects.create(front_page=front_page, region=region, position=position)
    for _ in range(count):
        ArticleFactory(regions=regions, themes=themes, authors=authors, lead_image=ImageFactory())
    client.get("/")  # warm the publication settings, the total, the front page and the menu (`remember`)
    # page + bylines + regions
    with django_assert_num_queries(3):
        response = client.get("/")
    assert response.status_code == 200


def test_the_admin_offers_and_accepts_only_live_articles_as_the_lead(admin_client):
    draft = ArticleFactory(title="A draft", status=Status.DRAFT)
    live = dated("Live", 1)
    change = reverse("admin:curation_frontpage_change", args=[FrontPage.singleton_instance_id])
    data = form_values(admin_client.get(change).content, "#frontpage_form")

    refused = admin_client.post(change, {**data, "lead": draft.pk})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()

    assert admin_client.post(change, {**data, "lead": live.pk}).status_code == 302
    assert FrontPage.get_solo().lead == live
    found = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "curation", "model_name": "frontpage", "field_name": "lead", "term": "A"},
    ).json()
    assert "A draft" not in [result["text"] for result in found["results"]]
