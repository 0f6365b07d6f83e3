"""Query counts: the article page and every listing cost the same however much they show.

Counting policy: django-solo keeps the publication-settings record in the cache for ten minutes
(SOLO_CACHE_TIMEOUT), so a reader's request normally finds it there. Each measurement warms that
cache first; a cold one would add a query that depends on which request came first, not on the
page. The content-type cache taggit relies on is warmed for the same reason. Requests are
anonymous, as readers' are: no session or user queries. The page cache is off (`page_cache_off`):
these tests count what building a page costs, which is what a reader pays on a cache miss.

Listings keep their total, and the home page its sections, in the cache by the page cache's rules
(pagecache.store.remember). Each page is counted twice: the first request after a change (nothing
of it in the cache yet), which must never exceed MOST_QUERIES, and the steady state after it.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from attribution.models import PublicationSettings
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory
from tests.factories import publication_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

# The most any article or listing page may cost, whatever it shows (issue 7), once what pages keep
# by the page cache's rules is in the cache: what a reader pays on a cache miss.
MOST_QUERIES = 6
# The first request after a content change also fills that: the next publication time, the menu
# and the footer's links (1 each), plus each page's own below. Still the same for one or many of
# everything.
MOST_FIRST_QUERIES = 14
# The article, its source and lead image; author links with authors; regions; themes; tags (one
# Prefetch each); the pictures its body embeds. First request: also "more by the author" and
# "related articles" (their ids in one query each, their cards in one).
ARTICLE_PAGE_QUERIES = 6
ARTICLE_FIRST_QUERIES = 12
# Home: page of articles, author links with authors, regions. First request: also the total, the
# front page (pinned lead, the newest ids, its sections, the menu's terms, then every card in one
# query with its bylines and regions).
HOME_QUERIES = 3
HOME_FIRST_QUERIES = 14
# Archive: its subject, page of articles, author links with authors, regions. First request: also
# the total.
ARCHIVE_QUERIES = 4
ARCHIVE_FIRST_QUERIES = 8


def warm_caches():
    PublicationSettings.get_solo()
    ContentType.objects.get_for_model(Article)


def queries_for(client, url, *, first=False):
    """The SQL one anonymous request for `url` runs: the first after a change, or the next one."""
    if first:
        cache.clear()
    else:
        client.get(url)
    warm_caches()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def assert_same_cost(small, large, expected, *, first=False):
    assert len(small) == len(large), "\n".join(["small page:", *small, "", "large page:", *large])
    assert len(small) == expected, "\n".join(small)
    assert expected <= (MOST_FIRST_QUERIES if first else MOST_QUERIES)


@pytest.fixture(autouse=True)
def _publication():
    publication_settings(
        site_name="Crosspost Review",
        reprint_disclaimer="Views are the author's own.",
        comment_link_url="https://forum.example.org/",
        membership_link_url="https://example.org/membership/",
        media_contact_email="media@example.org",
        permissions_contact_email="permissions@example.org",
    )


def article_with(count, **values):
    """A cross-post with `count` authors, regions, themes, tags and embedded pictures."""
    pictures = ImageFactory.create_batch(count)
    body = "".join(f"<p>Paragraph {index}.</p>{picture.embed_code}" for index, picture in enumerate(pictures))
    return CrossPostFactory(
        body=body,
        lead_image=ImageFactory(),
        authors=AuthorFactory.create_batch(count),
        regions=RegionFactory.create_batch(count),
        themes=ThemeFactory.create_batch(count),
        tags=TagFactory.create_batch(count),
        **values,
    )


def test_article_page_costs_the_same_for_one_or_five_of_everything(client, django_assert_num_queries):
    small = article_with(1)
    large = article_with(5)

    for first, expected in ((True, ARTICLE_FIRST_QUERIES), (False, ARTICLE_PAGE_QUERIES)):
        small_queries = queries_for(client, small.get_absolute_url(), first=first)
        large_queries = queries_for(client, large.get_absolute_url(), first=first)
        assert_same_cost(small_queries, large_queries, expected, first=first)
    warm_caches()
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        client.get(large.get_absolute_url())


def test_article_page_shows_everything_it_was_counted_for(client):
    """Guards the count above: the large page really renders five of each."""
    article = article_with(5)
    html = client.get(article.get_absolute_url()).content.decode()
    for related in (*article.ordered_authors, *article.regions.all(), *article.themes.all()):
        assert related.name in html
    for tag in article.tags.all():
        assert tag.name in html
    assert html.count("<figcaption>") == 6  # the lead image and five embedded pictures


# --- listings: 1 article or 20, each with several authors and regions ---------------------------


def several(count, **filed_under):
    """`count` published cross-posts, each with three authors and two regions, plus `filed_under`."""
    shared_source = filed_under.pop("source", None)
    articles = []
    for _ in range(count):
        values = {
            "authors": [*filed_under.get("authors", []), *AuthorFactory.create_batch(3)],
            "regions": [*filed_under.get("regions", []), *RegionFactory.create_batch(2)],
            "themes": [*filed_under.get("themes", []), ThemeFactory()],
            "tags": [*filed_under.get("tags", []), TagFactory()],
        }
        if shared_source is not None:
            values["source"] = shared_source
        articles.append(CrossPostFactory(**values))
    return articles


def subject_and_filing(kind):
    if kind == "region":
        subject = RegionFactory()
        return subject.get_absolute_url(), {"regions": [subject]}
    if kind == "theme":
        subject = ThemeFactory()
        return subject.get_absolute_url(), {"themes": [subject]}
    if kind == "tag":
        subject = TagFactory()
        return reverse("articles:tag", kwargs={"slug": subject.slug}), {"tags": [subject]}
    if kind == "author":
        subject = AuthorFactory()
        return subject.get_absolute_url(), {"authors": [subject]}
    subject = SourceFactory()
    return subject.get_absolute_url(), {"source": subject}


def test_home_page_costs_the_same_for_one_or_twenty_articles(client, settings):
    settings.ARTICLES_PER_PAGE = 20
    home = reverse("home")
    several(1)
    small = queries_for(client, home, first=True), queries_for(client, home)
    several(19)
    large = queries_for(client, home, first=True), queries_for(client, home)

    assert_same_cost(small[0], large[0], HOME_FIRST_QUERIES, first=True)
    assert_same_cost(small[1], large[1], HOME_QUERIES)


@pytest.mark.parametrize("kind", ["region", "theme", "tag", "author", "source"])
def test_archive_page_costs_the_same_for_one_or_twenty_articles(client, settings, kind):
    settings.ARTICLES_PER_PAGE = 20
    small_url, small_filing = subject_and_filing(kind)
    large_url, large_filing = subject_and_filing(kind)
    several(1, **small_filing)
    several(20, **large_filing)

    for first, expected in ((True, ARCHIVE_FIRST_QUERIES), (False, ARCHIVE_QUERIES)):
        small = queries_for(client, small_url, first=first)
        large = queries_for(client, large_url, first=first)
        assert_same_cost(small, large, expected, first=first)
    assert client.get(large_url).content.decode().count('<article class="card card-medium') == 20


def test_the_publication_settings_are_read_once_per_request(client, monkeypatch):
    article = article_with(1)
    reads = []
    real = PublicationSettings.get_solo.__func__

    def counting(cls):
        reads.append(cls)
        return real(cls)

    monkeypatch.setattr(PublicationSettings, "get_solo", classmethod(counting))
    assert client.get(article.get_absolute_url()).status_code == 200
    assert len(reads) == 1  # the view and every template share one copy
