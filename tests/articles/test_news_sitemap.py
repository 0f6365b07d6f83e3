"""/sitemap-news.xml: the articles of the last two days whose canonical address is ours, as Google News reads them."""

import datetime
import time
import xml.etree.ElementTree as ET

import pytest
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.models import Status
from articles.services import articles_write_many
from articles.sitemaps import NEWS_LIMIT
from articles.sitemaps import news_language
from attribution.models import CanonicalPolicy
from tests.factories import ArticleFactory
from tests.factories import CrossPostFactory
from tests.factories import SourceFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db

DOMAIN = "news.example.org"
BASE = f"http://{DOMAIN}"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"sm": SITEMAP, "news": NEWS}


@pytest.fixture(autouse=True)
def site():
    site = Site.objects.get_current()
    site.domain = DOMAIN
    site.save()
    publication_settings(site_name="Crosspost Review & Co")
    yield site
    Site.objects.clear_cache()


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def news(client):
    """The parsed news sitemap: {location: its <url> element}."""
    response = client.get(reverse("sitemap_news"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    urlset = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    assert urlset.tag == f"{{{SITEMAP}}}urlset"
    return {url.findtext("sm:loc", namespaces=NS): url for url in urlset.findall("sm:url", NS)}


def test_lists_the_last_two_days_articles_whose_canonical_is_ours(client):
    own = ArticleFactory(published_at=ago(hours=3))  # an original article: canonical is our page
    own_cross_post = CrossPostFactory(
        published_at=ago(hours=47), source=SourceFactory(canonical_policy=CanonicalPolicy.SELF)
    )
    pointing_away = CrossPostFactory(
        published_at=ago(hours=1), source=SourceFactory(canonical_policy=CanonicalPolicy.ORIGINAL)
    )
    overridden_away = CrossPostFactory(
        published_at=ago(hours=1),
        source=SourceFactory(canonical_policy=CanonicalPolicy.SELF),
        canonical_policy=CanonicalPolicy.ORIGINAL,
    )
    noindex = CrossPostFactory(published_at=ago(hours=1), canonical_policy=CanonicalPolicy.NOINDEX)
    too_old = ArticleFactory(published_at=ago(days=2, minutes=1))
    draft = ArticleFactory(status=Status.DRAFT, published_at=ago(hours=1))
    scheduled = ArticleFactory(status=Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(hours=1))
    withdrawn = ArticleFactory(status=Status.WITHDRAWN, published_at=ago(hours=1))

    listed = news(client)

    assert list(listed) == [f"{BASE}{own.get_absolute_url()}", f"{BASE}{own_cross_post.get_absolute_url()}"]
    for hidden in (pointing_away, overridden_away, noindex, too_old, draft, scheduled, withdrawn):
        assert f"{BASE}{hidden.get_absolute_url()}" not in listed


def test_each_url_carries_publication_name_language_date_and_title(client):
    article = ArticleFactory(title="Ports & power: <the> “new” routes", published_at=ago(hours=3))

    (url,) = news(client).values()

    item = url.find("news:news", NS)
    assert item.findtext("news:publication/news:name", namespaces=NS) == "Crosspost Review & Co"
    assert item.findtext("news:publication/news:language", namespaces=NS) == "en"  # from LANGUAGE_CODE "en-gb"
    assert item.findtext("news:title", namespaces=NS) == "Ports & power: <the> “new” routes"
    published = datetime.datetime.fromisoformat(item.findtext("news:publication_date", namespaces=NS))
    assert published == article.published_at.replace(microsecond=0)
    assert published.tzinfo is not None  # W3C date and time, with its offset


def test_a_correction_moves_lastmod_on(client):
    from tests.factories import CorrectionFactory

    article = ArticleFactory(published_at=ago(hours=30))
    Article.objects.filter(pk=article.pk).update(updated_at=ago(hours=30))
    before = timezone.now().replace(microsecond=0)

    CorrectionFactory(article=article)

    lastmod = news(client)[f"{BASE}{article.get_absolute_url()}"].findtext("sm:lastmod", namespaces=NS)
    assert datetime.datetime.fromisoformat(lastmod) >= before


def test_an_empty_news_sitemap_is_still_a_valid_urlset(client):
    ArticleFactory(published_at=ago(days=5))
    assert news(client) == {}


def test_at_most_a_thousand_urls_the_newest(client):
    now = timezone.now()
    articles_write_many(
        create=[
            Article(
                title=f"Story {n}",
                slug=f"story-{n}",
                status=Status.PUBLISHED,
                published_at=now - datetime.timedelta(minutes=n + 1),
            )
            for n in range(NEWS_LIMIT + 5)
        ]
    )

    listed = news(client)

    assert len(listed) == NEWS_LIMIT == 1000
    assert f"{BASE}/articles/story-0/" in listed
    assert f"{BASE}/articles/story-{NEWS_LIMIT}/" not in listed


def test_robots_txt_names_both_sitemaps(client):
    lines = client.get(reverse("robots_txt")).content.decode().splitlines()
    assert f"Sitemap: http://testserver{reverse('sitemap')}" in lines
    assert f"Sitemap: http://testserver{reverse('sitemap_news')}" in lines


def test_queries_do_not_grow_with_articles(client, page_cache_off):
    def cost():
        news(client)  # first, so that what is kept between requests is (the next publication's time)
        with CaptureQueriesContext(connection) as queries:
            news(client)
        return len(queries)

    ArticleFactory(published_at=ago(hours=1))
    one = cost()
    for hours in range(2, 12):
        ArticleFactory(published_at=ago(hours=hours))
    assert cost() == one <= 3


def test_cached_until_its_oldest_article_leaves_the_two_days(client, monkeypatch):
    """Nothing is saved when an article turns two days old: the page must not outlive that moment anywhere."""
    ArticleFactory(published_at=ago(days=2) + datetime.timedelta(seconds=20))
    url = reverse("sitemap_news")

    first = client.get(url)
    second = client.get(url)

    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert "sitemap" in first["Surrogate-Key"].split()
    directives = dict(part.strip().partition("=")[::2] for part in second["Cache-Control"].split(","))
    assert int(directives["max-age"]) <= 20
    assert int(directives["s-maxage"]) <= 20

    # And the page cache here drops it then too (its moment is when the article turns two days old).
    later = time.time() + 30
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: later)
        assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_new_article_purges_it(client):
    url = reverse("sitemap_news")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    article = ArticleFactory(published_at=ago(minutes=1))

    assert f"{BASE}{article.get_absolute_url()}" in news(client)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en-gb", "en"), ("en", "en"), ("pt-BR", "pt"), ("fr", "fr"), ("zh-hans", "zh-cn"), ("zh-hant", "zh-tw")],
)
def test_the_language_is_iso_639_as_google_news_asks(code, expected):
    assert news_language(code) == expected
