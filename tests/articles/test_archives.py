"""Home and archive pages: published articles, newest first, paginated, each card fully linked."""

import datetime
import re
from dataclasses import dataclass
from dataclasses import field

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
EMPTY_MESSAGE = "No articles have been published here yet"


@dataclass
class Archive:
    """A listing page and how to file an article under it."""

    kind: str
    url: str
    filed_under: dict = field(default_factory=dict)
    heading: str = ""
    introduction: str = ""  # the subject's description or full bio, shown above the list

    def file(self, **values):
        """A published article (unless told otherwise) that belongs on this page."""
        for key, value in self.filed_under.items():
            values[key] = [*value, *values.get(key, [])] if isinstance(value, list) else value
        return ArticleFactory(**values)


def make_archive(kind):
    if kind == "home":
        return Archive(kind, reverse("home"))
    if kind == "region":
        region = RegionFactory(name="Southern Africa", description="News and analysis from Southern Africa.")
        return Archive(kind, region.get_absolute_url(), {"regions": [region]}, region.name, region.description)
    if kind == "theme":
        theme = ThemeFactory(name="Energy", description="Oil, gas, grids and the politics of power.")
        return Archive(kind, theme.get_absolute_url(), {"themes": [theme]}, theme.name, theme.description)
    if kind == "tag":
        tag = TagFactory(name="Pipelines")
        return Archive(kind, reverse("articles:tag", kwargs={"slug": tag.slug}), {"tags": [tag]}, tag.name)
    if kind == "author":
        author = AuthorFactory(
            name="Ines Ortega",
            short_bio="Ines Ortega writes about energy.",
            bio="Ines Ortega covered energy markets for a decade.\n\nShe now writes about pipelines and power.",
        )
        return Archive(kind, author.get_absolute_url(), {"authors": [author]}, author.name, author.bio)
    if kind == "source":
        source = SourceFactory(name="Harbour Monthly", description="A monthly review of maritime affairs.")
        return Archive(kind, source.get_absolute_url(), {"source": source}, source.name, source.description)
    raise AssertionError(kind)


SUBJECT_KINDS = ["region", "theme", "tag", "author", "source"]


@pytest.fixture(params=["home", *SUBJECT_KINDS])
def archive(request):
    return make_archive(request.param)


@pytest.fixture(params=SUBJECT_KINDS)
def subject_archive(request):
    return make_archive(request.param)


@pytest.fixture
def small_pages(settings):
    settings.ARTICLES_PER_PAGE = 2
    return 2


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def squash(text):
    return " ".join(text.split())


def cards(soup):
    """The article cards of a listing, in page order."""
    return [card for card in soup.find_all("article") if card.find("a", href=re.compile(r"^/articles/"))]


def card_titles(soup):
    return [squash(card.find("a", href=re.compile(r"^/articles/")).get_text()) for card in cards(soup)]


def shown_count(soup):
    counts = [squash(text) for text in soup.find_all(string=re.compile(r"^\s*\d+ articles?\s*$"))]
    assert len(counts) == 1, counts
    return counts[0]


def file_dated(archive, *ages_in_days):
    """One published article per age, created out of date order; titles name their age."""
    now = timezone.now()
    return [archive.file(title=f"{age} days old", published_at=now - age * DAY) for age in ages_in_days]


# --- what is listed, and in what order -------------------------------------------------------


def test_listing_shows_only_published_articles_newest_first(client, archive):
    file_dated(archive, 3, 1, 2)
    archive.file(title="draft", status=Status.DRAFT, published_at=timezone.now() - DAY / 2)
    archive.file(title="future", status=Status.SCHEDULED, published_at=timezone.now() + DAY)
    archive.file(title="withdrawn", status=Status.WITHDRAWN)

    assert card_titles(get(client, archive.url)) == ["1 days old", "2 days old", "3 days old"]


def test_same_publication_time_lists_newest_record_first(client, archive):
    moment = timezone.now() - DAY
    first = archive.file(title="first saved", published_at=moment)
    second = archive.file(title="second saved", published_at=moment)
    assert first.pk < second.pk
    assert card_titles(get(client, archive.url)) == ["second saved", "first saved"]


def test_listing_is_paginated_by_the_articles_per_page_setting(client, subject_archive, small_pages):
    """(The front page's first page also shows its top stories: tests/curation/test_front_page.py.)"""
    archive = subject_archive
    file_dated(archive, 1, 2, 3, 4, 5)

    first = get(client, archive.url)
    assert card_titles(first) == ["1 days old", "2 days old"]
    assert "Page 1 of 3" in squash(first.get_text())
    older = first.find("a", rel="next")
    assert older is not None and first.find("a", rel="prev") is None

    second = get(client, archive.url + older["href"])
    assert card_titles(second) == ["3 days old", "4 days old"]
    assert "Page 2 of 3" in squash(second.get_text())

    last = get(client, archive.url, page=3)
    assert card_titles(last) == ["5 days old"]
    assert last.find("a", rel="next") is None
    assert last.find("a", rel="prev") is not None


@pytest.mark.parametrize(
    "page", ["4", "99999", "999999", "1000000", "0", "-1", "abc", "", "2.5", " 2", "1_0", "٢", "+2", "0x2", "00"]
)
def test_a_page_number_that_names_no_page_is_not_found(client, archive, small_pages, page):
    file_dated(archive, 1, 2, 3, 4, 5)  # three pages
    assert client.get(archive.url, {"page": page}).status_code == 404


@pytest.mark.parametrize(("page", "address"), [("1", ""), ("01", ""), ("0002", "?page=2"), ("03", "?page=3")])
def test_page_one_and_padded_numbers_are_sent_to_the_one_address_of_their_page(
    client, archive, small_pages, page, address
):
    file_dated(archive, 1, 2, 3, 4, 5)
    response = client.get(archive.url, {"page": page})
    assert response.status_code == 301 and response["Location"] == archive.url + address


def test_the_link_back_to_the_first_page_has_no_page_number(client, archive, small_pages):
    file_dated(archive, 1, 2, 3, 4, 5)
    assert get(client, archive.url, page=2).find("a", rel="prev")["href"] == archive.url
    assert get(client, archive.url, page=3).find("a", rel="prev")["href"] == "?page=2"


def test_an_empty_archive_shows_its_first_page(client, archive):
    assert get(client, archive.url).find("a", rel="next") is None
    assert client.get(archive.url, {"page": "2"}).status_code == 404


# --- the archive header ----------------------------------------------------------------------


def test_archive_names_its_subject_and_introduces_it(client, subject_archive):
    subject_archive.file()
    soup = get(client, subject_archive.url)

    assert squash(soup.find("h1").get_text()) == subject_archive.heading
    for paragraph in subject_archive.introduction.split("\n\n"):
        assert paragraph in squash(soup.get_text())


def test_author_archive_shows_the_full_bio_not_only_the_short_one(client):
    archive = make_archive("author")
    archive.file()
    text = squash(get(client, archive.url).get_text())
    assert "She now writes about pipelines and power." in text


def test_archive_counts_all_its_published_articles_across_pages(client, subject_archive, small_pages):
    file_dated(subject_archive, 1, 2, 3, 4, 5)
    subject_archive.file(status=Status.DRAFT)
    assert shown_count(get(client, subject_archive.url)) == "5 articles"


def test_archive_count_is_singular_for_one_article(client, subject_archive):
    subject_archive.file()
    assert shown_count(get(client, subject_archive.url)) == "1 article"


def test_empty_archive_says_so_kindly(client, archive):
    archive.file(title="Only a draft", status=Status.DRAFT)
    soup = get(client, archive.url)

    assert cards(soup) == []
    assert EMPTY_MESSAGE in squash(soup.get_text())
    if archive.kind != "home":
        assert shown_count(soup) == "0 articles"


def test_listing_with_articles_shows_no_empty_message(client, archive):
    archive.file()
    assert EMPTY_MESSAGE not in get(client, archive.url).get_text()


@pytest.mark.parametrize("name", ["region", "theme", "tag", "author", "source"])
def test_unknown_archive_slug_is_not_found(client, name):
    assert client.get(reverse(f"articles:{name}", kwargs={"slug": "no-such-thing"})).status_code == 404


# --- each card -------------------------------------------------------------------------------


def test_card_links_to_article_authors_source_and_regions(client, archive):
    authors = [AuthorFactory(name="Ada Byrne"), AuthorFactory(name="Ben Carr")]
    regions = [RegionFactory(name="Arctic"), RegionFactory(name="Baltic")]
    values = {"authors": authors, "regions": regions}
    if archive.kind != "source":
        values["source"] = SourceFactory(name="Harbour Weekly")
    article = archive.file(title="A fully filed article", **values)

    (card,) = cards(get(client, archive.url))
    hrefs = {(squash(a.get_text()), a["href"]) for a in card.find_all("a")}
    expected = {("A fully filed article", article.get_absolute_url())}
    expected |= {(author.name, author.get_absolute_url()) for author in article.ordered_authors}
    expected |= {(region.name, region.get_absolute_url()) for region in article.regions.all()}
    expected.add((article.source.name, article.source.get_absolute_url()))
    assert expected <= hrefs
    names = [author.name for author in article.ordered_authors]
    assert f"By {', '.join(names[:-1])} and {names[-1]}" in squash(card.get_text())


def test_card_escapes_markup_in_the_title(client, archive):
    archive.file(title="<b>Bold</b> claims & counter-claims")
    soup = get(client, archive.url)
    assert card_titles(soup) == ["<b>Bold</b> claims & counter-claims"]
    assert cards(soup)[0].find("b") is None
