"""/sitemap.xml and /robots.txt: what crawlers are told exists."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.models import Status
from attribution.models import CanonicalPolicy
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db

DOMAIN = "news.example.org"
BASE = f"http://{DOMAIN}"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def site():
    """The sitemap takes its absolute addresses from the sites framework."""
    site = Site.objects.get_current()
    site.domain = DOMAIN
    site.save()
    yield site
    Site.objects.clear_cache()  # the rolled-back domain must not outlive this test in the cache


def sitemap(client):
    """{location: lastmod or None} of every URL in /sitemap.xml."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    urlset = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in urlset.findall("sm:url", NS)
    }


def filed_article(**values):
    """A cross-post filed under a fresh region, theme, tag, author and source, whose canonical is our page."""
    return CrossPostFactory(
        authors=[AuthorFactory()],
        regions=[RegionFactory()],
        themes=[ThemeFactory()],
        tags=[f"tag for {values['title']}"],
        source=SourceFactory(canonical_policy=CanonicalPolicy.SELF),
        **values,
    )


def archive_urls(article):
    tag = article.tags.get()
    return {
        f"{BASE}{article.regions.get().get_absolute_url()}",
        f"{BASE}{article.themes.get().get_absolute_url()}",
        f"{BASE}{reverse('articles:tag', kwargs={'slug': tag.slug})}",
        f"{BASE}{article.authors.get().get_absolute_url()}",
        f"{BASE}{article.source.get_absolute_url()}",
    }


def test_sitemap_lists_published_articles_with_lastmod_and_the_home_page(client):
    article = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=30))
    urls = sitemap(client)

    assert urls[f"{BASE}/"] is None
    assert urls[f"{BASE}{article.get_absolute_url()}"] == timezone.localdate(article.updated_at).isoformat()


def test_sitemap_lists_archive_and_author_pages_that_have_published_articles(client):
    article = filed_article(title="Live")
    urls = sitemap(client)

    assert archive_urls(article) <= set(urls)
    assert f"{BASE}{reverse('articles:author', kwargs={'slug': article.authors.get().slug})}" in urls


def test_scheduled_article_lastmod_is_when_it_went_live(client):
    """Saved before it went live, it changed for readers at publication, not at its last save."""
    article = ArticleFactory(status=Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(days=2))
    assert f"{BASE}{article.get_absolute_url()}" not in sitemap(client)

    went_live = timezone.now() - datetime.timedelta(days=1)
    Article.objects.filter(pk=article.pk).update(
        published_at=went_live, updated_at=went_live - datetime.timedelta(days=5)
    )
    assert sitemap(client)[f"{BASE}{article.get_absolute_url()}"] == timezone.localdate(went_live).isoformat()


@pytest.mark.parametrize(
    "values",
    [
        {"status": Status.DRAFT},
        {"status": Status.DRAFT, "published_at": None},
        {"status": Status.SCHEDULED, "published_at": timezone.now() + datetime.timedelta(days=1)},
        {"status": Status.PUBLISHED, "published_at": timezone.now() + datetime.timedelta(days=1)},
        {"status": Status.WITHDRAWN},
    ],
    ids=["draft", "draft-undated", "scheduled", "future", "withdrawn"],
)
def test_unpublished_articles_and_their_only_archives_are_absent(client, values):
    hidden = filed_article(title="Hidden", **values)
    live = filed_article(title="Live")
    urls = sitemap(client)

    assert f"{BASE}{hidden.get_absolute_url()}" not in urls
    assert not archive_urls(hidden) & set(urls)
    assert f"{BASE}{live.get_absolute_url()}" in urls


@pytest.mark.usefixtures("page_cache_off")
def test_sitemap_queries_do_not_grow_with_articles(client, django_assert_num_queries):
    filed_article(title="First")
    client.get(reverse("sitemap"))  # the site is cached after the first request
    # Per section: a count for the paginator, then the page (the home page section has no queries).
    with django_assert_num_queries(12):
        client.get(reverse("sitemap"))
    for number in range(19):
        filed_article(title=f"More {number}")
    with django_assert_num_queries(12):
        urls = sitemap(client)
    assert len(urls) == 1 + 20 * 6


def test_robots_txt_allows_all_but_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert [line for line in lines if line.startswith(("Allow", "Disallow"))] == ["Disallow: /admin/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.parametrize(
    "values",
    [
        {"canonical_policy": CanonicalPolicy.NOINDEX},
        {"source__canonical_policy": CanonicalPolicy.NOINDEX},
    ],
    ids=["article-noindex", "source-noindex"],
)
def test_articles_asking_not_to_be_indexed_are_left_out(client, values):
    hidden = CrossPostFactory(**values)
    overridden = CrossPostFactory(
        source__canonical_policy=CanonicalPolicy.NOINDEX, canonical_policy=CanonicalPolicy.SELF
    )
    urls = sitemap(client)
    assert f"{BASE}{hidden.get_absolute_url()}" not in urls
    assert f"{BASE}{overridden.get_absolute_url()}" in urls


@pytest.mark.parametrize(
    ("source_policy", "article_policy", "original_url", "listed"),
    [
        (CanonicalPolicy.SELF, "", "https://original.example.org/a/", True),
        (CanonicalPolicy.ORIGINAL, "", "https://original.example.org/a/", False),
        (CanonicalPolicy.NOINDEX, "", "https://original.example.org/a/", False),
        (CanonicalPolicy.ORIGINAL, CanonicalPolicy.SELF, "https://original.example.org/a/", True),
        (CanonicalPolicy.SELF, CanonicalPolicy.ORIGINAL, "https://original.example.org/a/", False),
        (CanonicalPolicy.SELF, CanonicalPolicy.NOINDEX, "https://original.example.org/a/", False),
        (CanonicalPolicy.ORIGINAL, "", "", True),  # nothing to point to: the canonical is ours
        (None, "", "https://original.example.org/a/", False),  # no source record: the original is canonical
        (None, "", "", True),  # our own article
    ],
)
def test_the_sitemap_lists_an_article_only_where_its_canonical_is_our_page(
    client, source_policy, article_policy, original_url, listed
):
    source = SourceFactory(canonical_policy=source_policy) if source_policy else None
    article = ArticleFactory(source=source, canonical_policy=article_policy, original_url=original_url)
    html = client.get(article.get_absolute_url()).content.decode()
    canonical_is_ours = f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html
    noindex = '<meta name="robots" content="noindex">' in html

    assert (f"{BASE}{article.get_absolute_url()}" in sitemap(client)) is listed
    assert listed == (canonical_is_ours and not noindex), "the sitemap agrees with the page's own canonical"
