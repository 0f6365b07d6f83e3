"""RSS, Atom and JSON feeds: what a feed reader sees, parsed the way feed readers parse it."""

import datetime
import json
import xml.etree.ElementTree as ET
from html import escape
from html import unescape

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import ThemeFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db

DOMAIN = "news.example.org"
BASE = f"http://{DOMAIN}"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

SITE_FEEDS = ["articles:rss", "articles:atom"]
ARCHIVE_KINDS = ["region", "theme", "tag", "author", "source"]
ARCHIVE_FEEDS = [f"articles:{kind}_{flavour}" for kind in ARCHIVE_KINDS for flavour in ("rss", "atom")]


@pytest.fixture(autouse=True)
def site():
    """Feeds take their absolute addresses from the sites framework, as Django's syndication does."""
    site = Site.objects.get_current()
    site.domain, site.name = DOMAIN, "Crosspost"
    site.save()
    yield site
    Site.objects.clear_cache()  # the rolled-back domain must not outlive this test in the cache


@pytest.fixture
def filed():
    """One of each archive subject, for articles filed under all of them."""
    return {
        "region": RegionFactory(name="Latin America", slug="latin-america"),
        "theme": ThemeFactory(name="Militarization", slug="militarization"),
        "tag": "NATO",
        "author": AuthorFactory(name="Bob Bloggs", slug="bob-bloggs"),
        "source": SourceFactory(name="Oriental Review", slug="oriental-review"),
    }


def file_under(filed, **overrides):
    """A published cross-post under every subject of `filed`."""
    values = {
        "authors": [filed["author"]],
        "regions": [filed["region"]],
        "themes": [filed["theme"]],
        "tags": [filed["tag"]],
        "source": filed["source"],
        **overrides,
    }
    return CrossPostFactory(**values)


def slug_of(filed, kind):
    return "nato" if kind == "tag" else filed[kind].slug


def feed_url(name, filed=None):
    kind = name.removeprefix("articles:").rsplit("_", 1)[0]
    if kind in ARCHIVE_KINDS:
        return reverse(name, kwargs={"slug": slug_of(filed, kind)})
    return reverse(name)


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def get_json_feed(client):
    response = client.get(reverse("articles:json_feed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/feed+json"
    return json.loads(response.content)


def parse_xml(content):
    return ET.fromstring(content)  # noqa: S314 - our own response in a test, not untrusted input


def as_datetime(struct):
    return datetime.datetime(*struct[:6], tzinfo=datetime.UTC)


def to_second(moment):
    return moment.replace(microsecond=0)


@pytest.fixture
def cross_post():
    ann = AuthorFactory(name="Ann Analyst", slug="ann-analyst")
    bob = AuthorFactory(name="Bob Bloggs", slug="bob-bloggs")
    return CrossPostFactory(
        title="Colombia joins the alliance",
        slug="colombia-joins",
        dek="Colombia is about to become a partner of the alliance.",
        authors=[bob, ann],  # byline order, not alphabetical
        regions=[RegionFactory(name="Latin America")],
        themes=[ThemeFactory(name="War Agenda"), ThemeFactory(name="Militarization")],
        tags=["NATO", "Colombia"],
        source=SourceFactory(name="Oriental Review"),
        original_url="https://orientalreview.example/2018/06/06/colombia/",
    )


@pytest.mark.parametrize(("name", "content_type"), [("articles:rss", "rss"), ("articles:atom", "atom")])
def test_site_feed_items_carry_link_guid_dates_authors_categories_and_original(client, cross_post, name, content_type):
    response = client.get(reverse(name))
    assert response["Content-Type"] == f"application/{content_type}+xml; charset=utf-8"
    feed = get_feed(client, reverse(name))

    assert feed.feed.title == "Crosspost"
    assert feed.feed.link == f"{BASE}/"
    [entry] = feed.entries
    assert entry.title == "Colombia joins the alliance"
    assert entry.link == f"{BASE}/articles/colombia-joins/"
    assert entry.id == f"tag:{DOMAIN},{cross_post.created_at:%Y-%m-%d}:article:{cross_post.pk}"
    assert entry.guidislink is False
    assert [author.name for author in entry.authors] == ["Bob Bloggs", "Ann Analyst"]
    assert [tag.term for tag in entry.tags] == ["Latin America", "Militarization", "War Agenda", "Colombia", "NATO"]
    assert as_datetime(entry.published_parsed) == to_second(cross_post.published_at)
    if content_type == "atom":
        assert [author.href for author in entry.authors] == [
            f"{BASE}/author/bob-bloggs/",
            f"{BASE}/author/ann-analyst/",
        ]
        assert as_datetime(entry.updated_parsed) == to_second(cross_post.updated_at)
        assert {"rel": "via", "href": cross_post.original_url, "type": "text/html"} in entry.links
    else:
        assert entry.dc_source == cross_post.original_url


@pytest.mark.parametrize("name", SITE_FEEDS)
def test_feed_summary_is_the_dek_with_the_page_credits_and_absolute_links(client, cross_post, name):
    [entry] = get_feed(client, reverse(name)).entries
    summary = BeautifulSoup(entry.summary, "html.parser")

    assert summary.p.get_text() == cross_post.dek
    byline = {a.get_text(): a["href"] for a in summary.select("a[rel=author]")}
    assert byline == {"Bob Bloggs": f"{BASE}/author/bob-bloggs/", "Ann Analyst": f"{BASE}/author/ann-analyst/"}
    original = summary.select_one(".original-source")
    assert original.get_text(" ", strip=True) == "The original source of this article is Oriental Review"
    assert original.a["href"] == cross_post.original_url
    assert summary.select_one(".copyright").get_text(" ", strip=True).startswith("Copyright © Bob Bloggs")


def test_rss_names_every_author_in_its_own_dublin_core_creator(client, cross_post):
    channel = parse_xml(client.get(reverse("articles:rss")).content).find("channel")
    creators = channel.findall("item/{http://purl.org/dc/elements/1.1/}creator")
    assert [creator.text for creator in creators] == ["Bob Bloggs", "Ann Analyst"]
    assert channel.find("item/guid").get("isPermaLink") == "false"


def test_guid_survives_a_change_of_slug_and_title(client, cross_post):
    [before] = get_feed(client, reverse("articles:atom")).entries
    cross_post.slug, cross_post.title = "colombia-renamed", "Colombia, renamed"
    cross_post.save()
    [after] = get_feed(client, reverse("articles:atom")).entries

    assert after.link == f"{BASE}/articles/colombia-renamed/"
    assert after.id == before.id


def test_article_without_authors_is_credited_to_the_publication_in_atom(client):
    publication_settings(site_name="The Review")
    ArticleFactory(authors=[])
    feed = get_feed(client, reverse("articles:atom"))
    assert feed.feed.author == "The Review"
    assert "authors" not in feed.entries[0]


@pytest.mark.parametrize("name", SITE_FEEDS + ARCHIVE_FEEDS + ["articles:json_feed"])
def test_drafts_future_and_withdrawn_articles_are_in_no_feed(client, filed, name):
    file_under(filed, title="Live")
    file_under(filed, title="Draft", status=Status.DRAFT)
    in_an_hour = timezone.now() + datetime.timedelta(hours=1)
    file_under(filed, title="Scheduled", status=Status.SCHEDULED, published_at=in_an_hour)
    file_under(filed, title="Future", published_at=in_an_hour)
    file_under(filed, title="Withdrawn", status=Status.WITHDRAWN)

    if name == "articles:json_feed":
        titles = [item["title"] for item in get_json_feed(client)["items"]]
    else:
        titles = [entry.title for entry in get_feed(client, feed_url(name, filed)).entries]
    assert titles == ["Live"]


@pytest.mark.parametrize("name", ARCHIVE_FEEDS)
def test_archive_feed_holds_only_its_own_articles(client, filed, name):
    ours = file_under(filed, title="Ours")
    others = {
        "region": RegionFactory(),
        "theme": ThemeFactory(),
        "tag": "elsewhere",
        "author": AuthorFactory(),
        "source": SourceFactory(),
    }
    file_under(others, title="Theirs")
    ArticleFactory(title="Unfiled")
    kind = name.removeprefix("articles:").rsplit("_", 1)[0]

    feed = get_feed(client, feed_url(name, filed))
    assert [entry.title for entry in feed.entries] == ["Ours"]
    assert [entry.link for entry in feed.entries] == [f"{BASE}{ours.get_absolute_url()}"]
    assert feed.feed.link == f"{BASE}{reverse(f'articles:{kind}', kwargs={'slug': slug_of(filed, kind)})}"
    assert feed.feed.title.startswith(f"Crosspost: {kind.capitalize()} ")


@pytest.mark.parametrize("name", ARCHIVE_FEEDS)
def test_unknown_archive_feed_is_404(client, name):
    assert client.get(reverse(name, kwargs={"slug": "no-such-thing"})).status_code == 404


def test_rss_title_with_markup_is_escaped_not_markup(client):
    title = '<b>x</b> & "y"'
    ArticleFactory(title=title, dek="<i>not markup</i> either")
    response = client.get(reverse("articles:rss"))

    assert b"<b>" not in response.content
    item = parse_xml(response.content).find("channel/item")
    # Readers treat RSS titles as HTML, so the text of the element is HTML that shows the characters.
    assert item.find("title").text == escape(title)
    assert "<i>" not in item.find("description").text
    [entry] = get_feed(client, reverse("articles:rss")).entries
    assert entry.title_detail.type == "text/html"
    assert unescape(entry.title) == title
    assert "<b>" not in entry.title


def test_atom_and_json_titles_with_markup_are_plain_text(client):
    title = '<b>x</b> & "y"'
    ArticleFactory(title=title)
    response = client.get(reverse("articles:atom"))

    assert b"<b>" not in response.content
    entry = parse_xml(response.content).find("{http://www.w3.org/2005/Atom}entry")
    assert entry.find("{http://www.w3.org/2005/Atom}title").text == title
    [parsed] = get_feed(client, reverse("articles:atom")).entries
    assert parsed.title_detail.type == "text/plain"
    assert parsed.title == title
    assert get_json_feed(client)["items"][0]["title"] == title


def test_feeds_hold_the_twenty_newest_articles(client):
    now = timezone.now()
    articles = [ArticleFactory(published_at=now - datetime.timedelta(hours=hours)) for hours in range(1, 22)]
    entries = get_feed(client, reverse("articles:rss")).entries
    assert [entry.link for entry in entries] == [f"{BASE}{article.get_absolute_url()}" for article in articles[:20]]


def test_json_feed_follows_version_1_1(client, cross_post):
    ArticleFactory(title="An original", dek="", authors=[AuthorFactory(name="Cleo")])
    data = get_json_feed(client)

    assert data["version"] == JSON_FEED_VERSION
    assert data["title"] == "Crosspost"
    assert data["home_page_url"] == f"{BASE}/"
    assert data["feed_url"] == f"{BASE}/feeds/json/"
    assert isinstance(data["items"], list)
    assert len(data["items"]) == 2
    for item in data["items"]:
        assert isinstance(item["id"], str)
        assert item["url"].startswith(f"{BASE}/articles/")
        assert item.get("content_html") or item.get("content_text")
        for date in ("date_published", "date_modified"):
            assert datetime.datetime.fromisoformat(item[date]).tzinfo is not None
        assert all(set(author) <= {"name", "url", "avatar"} and author for author in item["authors"])

    original, crossed = sorted(data["items"], key=lambda item: "external_url" in item)
    assert "external_url" not in original and "summary" not in original
    assert crossed["id"] == f"tag:{DOMAIN},{cross_post.created_at:%Y-%m-%d}:article:{cross_post.pk}"
    assert crossed["url"] == f"{BASE}/articles/colombia-joins/"
    assert crossed["external_url"] == cross_post.original_url
    assert crossed["summary"] == cross_post.dek
    assert crossed["authors"] == [
        {"name": "Bob Bloggs", "url": f"{BASE}/author/bob-bloggs/"},
        {"name": "Ann Analyst", "url": f"{BASE}/author/ann-analyst/"},
    ]
    assert crossed["tags"] == ["Latin America", "Militarization", "War Agenda", "Colombia", "NATO"]
    assert datetime.datetime.fromisoformat(crossed["date_published"]) == cross_post.published_at.replace(microsecond=0)
    assert f'href="{BASE}/author/bob-bloggs/"' in crossed["content_html"]


# The site-wide feeds: the articles, their bylines, regions, themes and tags (one Prefetch each);
# an archive's also looks its subject up by slug.
QUERY_COUNTS = {"articles:rss": 5, "articles:atom": 5, "articles:json_feed": 5} | dict.fromkeys(ARCHIVE_FEEDS, 6)


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("name", QUERY_COUNTS)
def test_feed_queries_do_not_grow_with_items(client, filed, name, django_assert_num_queries):
    co_author = AuthorFactory()
    file_under(filed, authors=[filed["author"], co_author])
    url = feed_url(name, filed)
    client.get(url)  # the site and the publication settings are cached after the first request

    with django_assert_num_queries(QUERY_COUNTS[name]):
        assert client.get(url).status_code == 200
    for _ in range(19):
        file_under(filed, authors=[filed["author"], AuthorFactory()], tags=[filed["tag"], "another"])
    with django_assert_num_queries(QUERY_COUNTS[name]):
        response = client.get(url)
    body = response.content.decode()
    assert body.count("<item>") + body.count("<entry>") + body.count('"date_published"') == 20


def link_tags(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [(link["type"], link["href"]) for link in soup.select("head link[rel=alternate]")]


SITE_LINKS = [
    ("application/rss+xml", "/feeds/rss/"),
    ("application/atom+xml", "/feeds/atom/"),
    ("application/feed+json", "/feeds/json/"),
]


def test_home_page_links_the_site_feeds(client):
    ArticleFactory()
    assert link_tags(client.get(reverse("home"))) == SITE_LINKS


@pytest.mark.parametrize("kind", ARCHIVE_KINDS)
def test_archive_page_links_its_own_feeds_then_the_sites(client, filed, kind):
    file_under(filed)
    slug = slug_of(filed, kind)
    response = client.get(reverse(f"articles:{kind}", kwargs={"slug": slug}))
    assert response.status_code == 200

    own = [
        ("application/rss+xml", f"/{kind}/{slug}/rss/"),
        ("application/atom+xml", f"/{kind}/{slug}/atom/"),
    ]
    assert link_tags(response) == own + SITE_LINKS
    visible = BeautifulSoup(response.content, "html.parser").select("main .feeds a")
    assert [(a.get_text(), a["href"]) for a in visible] == [("RSS", own[0][1]), ("Atom", own[1][1])]
    for _, href in own:
        assert get_feed(client, href).entries


def test_article_page_links_the_site_feeds(client):
    article = ArticleFactory()
    assert link_tags(client.get(article.get_absolute_url())) == SITE_LINKS
