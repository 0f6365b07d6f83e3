"""The article page as readers find it: credits panel, author box, share row, more by the author, related."""

import datetime
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Status
from attribution.credits import disclaimer_for
from attribution.models import CanonicalPolicy
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import ThemeFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(section):
    return [a.get_text(strip=True) for a in section.select(".card-title a")] if section else []


def dated(days_ago, **values):
    return ArticleFactory(published_at=timezone.now() - days_ago * DAY, **values)


def test_the_credits_panel_says_where_it_was_first_published_and_how_to_republish(client):
    source = SourceFactory(name="Harbour Review", reprint_terms="Credit us and link back.")
    article = CrossPostFactory(source=source, original_published_on=datetime.date(2018, 6, 6))
    publication_settings(permissions_contact_email="permissions@example.org")

    soup = page(client, article)

    header_line = soup.select_one(".article-header .source-line")
    assert header_line.get_text(" ", strip=True) == "First published by Harbour Review on 6 June 2018"
    assert header_line.a["href"] == article.original_url
    credits = soup.select_one("section.credits")
    assert credits.h2.get_text(strip=True) == "Credits"
    assert credits.select_one(".original-source a")["href"] == article.original_url
    assert credits.select_one(".copyright").get_text().startswith("Copyright ©")
    terms = credits.select_one(".reprint-terms a")
    assert terms["href"] == f"{source.get_absolute_url()}#reprint-terms"
    assert page(client, source).select_one("#reprint-terms").get_text(" ", strip=True).count("Credit us and link back.")
    assert credits.select_one("a.button").get_text(strip=True) == "Request permission to republish"


def test_the_author_box_shows_each_author_with_their_bio(client):
    authors = [AuthorFactory(name="Ana Lima", affiliation="Lisbon"), AuthorFactory(name="Ben Okafor")]
    soup = page(client, ArticleFactory(authors=authors))

    box = soup.select_one("section.about-authors")
    assert box.h2.get_text(strip=True) == "About the authors"
    assert [p.get_text(strip=True) for p in box.select(".author-name")] == ["Ana Lima, Lisbon", "Ben Okafor"]
    assert f"{authors[0].short_bio}" in box.get_text()


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("The views in this article are the author's own.", 1, "The views in this article are the author's own."),
        ("The views in this article are the author's own.", 2, "The views in this article are the authors' own."),
        ("Sole responsibility of the author(s).", 1, "Sole responsibility of the author."),
        ("Sole responsibility of the author(s).", 3, "Sole responsibility of the authors."),
        ("The author answers for it.", 2, "The author answers for it."),  # a verb would need changing: left
    ],
)
def test_the_disclaimer_is_in_the_right_number(text, count, expected):
    assert disclaimer_for(text, count) == expected


def test_the_page_of_an_article_by_two_authors_says_the_authors_own(client):
    publication_settings(reprint_disclaimer="The views in this article are the author's own.")
    soup = page(client, ArticleFactory(authors=AuthorFactory.create_batch(2)))
    assert "the authors' own" in soup.select_one(".disclaimer").get_text()


def test_the_share_row_is_plain_links_to_this_article(client):
    article = ArticleFactory(title="Ports & power")
    soup = page(client, article)

    share = soup.select_one("section.share")
    our_url = quote(f"http://testserver{article.get_absolute_url()}")
    hrefs = [a["href"] for a in share.select("a")]
    assert len(hrefs) == 5 and all(our_url in href for href in hrefs)
    assert hrefs[0].startswith("mailto:?subject=Ports%20%26%20power")
    assert share.find("script") is None and not share.select("iframe")


def test_more_by_the_author_lists_their_newest_other_articles(client):
    author = AuthorFactory(name="Ana Lima")
    article = dated(1, authors=[author], title="This one")
    for age in (2, 3, 4, 5):
        dated(age, authors=[author], title=f"Hers, {age} days old")
    dated(1, authors=[author], title="Her draft", status=Status.DRAFT)

    soup = page(client, article)

    section = soup.find("h2", string="More by Ana Lima").find_parent("section")
    assert titles(section) == ["Hers, 2 days old", "Hers, 3 days old", "Hers, 4 days old"]


def test_related_articles_share_the_most_regions_and_themes(client):
    europe, asia = RegionFactory(), RegionFactory()
    energy, trade = ThemeFactory(), ThemeFactory()
    article = dated(1, regions=[europe], themes=[energy, trade])
    dated(9, title="Shares three", regions=[europe], themes=[energy, trade])
    dated(2, title="Shares one, newer", themes=[trade])
    dated(3, title="Shares two", regions=[europe], themes=[energy])
    dated(4, title="Shares one, older", regions=[europe])
    dated(1, title="Shares nothing", regions=[asia])
    dated(1, title="Unpublished", regions=[europe], themes=[energy, trade], status=Status.DRAFT)

    soup = page(client, article)

    related = soup.find("h2", string="Related articles").find_parent("section")
    assert titles(related) == ["Shares three", "Shares two", "Shares one, newer"]


def test_related_articles_are_ranked_among_the_newest_filed_alike(client, monkeypatch):
    from articles import views

    monkeypatch.setattr(views, "RELATED_POOL", 3)
    europe, energy = RegionFactory(), ThemeFactory()
    article = dated(1, regions=[europe], themes=[energy])
    dated(2, title="Newest, shares one", regions=[europe])
    dated(3, title="Newer, shares one", themes=[energy])
    dated(4, title="New, shares one", regions=[europe])
    dated(30, title="Old, shares both", regions=[europe], themes=[energy])

    related = page(client, article).find("h2", string="Related articles").find_parent("section")

    assert titles(related) == ["Newest, shares one", "Newer, shares one", "New, shares one"]


def test_with_nothing_shared_related_articles_come_from_the_same_source(client):
    source = SourceFactory(canonical_policy=CanonicalPolicy.SELF)
    article = CrossPostFactory(source=source)
    CrossPostFactory(source=source, title="Same source")
    ArticleFactory(title="Elsewhere")

    related = page(client, article).find("h2", string="Related articles").find_parent("section")

    assert titles(related) == ["Same source"]


def test_a_preview_has_no_share_row_and_no_related_articles(client, admin_client):
    article = ArticleFactory(status=Status.DRAFT, regions=[RegionFactory()])
    dated(2, regions=article.regions.all())

    soup = BeautifulSoup(admin_client.get(article.get_absolute_url()).content, "html.parser")

    assert soup.select_one(".preview-banner") is not None
    assert soup.select_one("section.share") is None and soup.select_one(".related") is None
