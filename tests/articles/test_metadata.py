"""What search engines and social sites read from an article page."""

import extruct
import pytest
from bs4 import BeautifulSoup

from attribution.models import CanonicalPolicy
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db
BASE = "http://testserver"


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    return html, BeautifulSoup(html, "html.parser")


def news_article(html):
    """The page's one NewsArticle (JSON-LD) and its Open Graph properties as (name, value) pairs."""
    data = extruct.extract(html, base_url=BASE, syntaxes=["json-ld", "opengraph"])
    (item,) = [entry for entry in data["json-ld"] if entry.get("@type") == "NewsArticle"]
    properties = [pair for block in data["opengraph"] for pair in block["properties"]]
    return item, properties


def test_json_ld_news_article_carries_attribution(client):
    publication_settings(site_name="Crosspost Review")
    first, second = AuthorFactory(name="Ana Lima", slug="ana-lima"), AuthorFactory(name="Bo Chen", slug="bo-chen")
    article = CrossPostFactory(
        title="Ports and power", dek="Why harbours matter.", authors=[first, second], lead_image=ImageFactory()
    )
    html, _ = page(client, article)
    item, _ = news_article(html)
    assert item["headline"] == "Ports and power"
    assert item["description"] == "Why harbours matter."
    assert [(a["@type"], a["name"], a["url"]) for a in item["author"]] == [
        ("Person", "Ana Lima", f"{BASE}/author/ana-lima/"),
        ("Person", "Bo Chen", f"{BASE}/author/bo-chen/"),
    ]
    assert item["datePublished"] == article.published_at.replace(microsecond=0).isoformat()
    assert item["dateModified"] >= item["datePublished"]
    assert item["publisher"] == {"@type": "Organization", "name": "Crosspost Review", "url": f"{BASE}/"}
    assert item["isBasedOn"]["url"] == article.original_url
    assert item["isBasedOn"]["publisher"]["name"] == article.source.name
    holders = [holder["name"] for holder in item["copyrightHolder"]]
    assert holders == ["Ana Lima", "Bo Chen", article.source.name]
    assert item["copyrightYear"] == 2018
    assert item["image"] == [f"{BASE}{article.lead_image.file.url}"]


def test_demo_article_uses_its_body_figure_as_image(client, demo_article):
    html, _ = page(client, demo_article)
    item, _ = news_article(html)
    assert item["image"][0].endswith(".jpg")
    assert item["isBasedOn"]["url"] == demo_article.original_url


def test_open_graph_and_twitter_tags(client):
    author = AuthorFactory(slug="ana-lima")
    article = CrossPostFactory(title="Ports", dek="Harbours.", authors=[author], lead_image=ImageFactory())
    html, soup = page(client, article)
    _, properties = news_article(html)
    og = dict(properties)
    assert og["og:type"] == "article"
    assert og["og:title"] == "Ports"
    assert og["og:url"] == f"{BASE}{article.get_absolute_url()}"
    assert og["article:published_time"] == article.published_at.replace(microsecond=0).isoformat()
    assert [value for name, value in properties if name == "article:author"] == [f"{BASE}/author/ana-lima/"]
    assert og["og:image"] == f"{BASE}{article.lead_image.file.url}"
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert soup.find("meta", attrs={"name": "twitter:title"})["content"] == "Ports"


def test_twitter_card_without_image_is_summary(client):
    _, soup = page(client, ArticleFactory())
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


@pytest.mark.parametrize(
    "policy, canonical, noindex",
    [
        (CanonicalPolicy.ORIGINAL, "original", False),
        (CanonicalPolicy.SELF, "ours", False),
        (CanonicalPolicy.NOINDEX, "ours", True),
    ],
)
def test_canonical_follows_the_source_policy(client, policy, canonical, noindex):
    article = CrossPostFactory(source__canonical_policy=policy)
    _, soup = page(client, article)
    expected = article.original_url if canonical == "original" else f"{BASE}{article.get_absolute_url()}"
    assert [link["href"] for link in soup.find_all("link", rel="canonical")] == [expected]
    robots = soup.find("meta", attrs={"name": "robots"})
    assert (robots is not None and robots["content"] == "noindex") is noindex


def test_article_policy_overrides_the_source(client):
    article = CrossPostFactory(source__canonical_policy=CanonicalPolicy.ORIGINAL, canonical_policy=CanonicalPolicy.SELF)
    _, soup = page(client, article)
    assert soup.find("link", rel="canonical")["href"] == f"{BASE}{article.get_absolute_url()}"


def test_json_ld_cannot_be_broken_out_of(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>", dek="<!-- & -->")
    html, soup = page(client, article)
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and scripts[0]["type"] == "application/ld+json"
    item, _ = news_article(html)
    assert item["headline"] == "</script><script>alert(1)</script>"


def test_times_are_written_to_the_second_in_the_sites_time_zone(client, settings):
    """Stored times carry microseconds (updated_at always); pages, JSON-LD, cards and feeds show none."""
    import datetime
    import json
    import re

    from django.urls import reverse
    from django.utils import timezone

    settings.TIME_ZONE = "Europe/Berlin"
    when = timezone.now().replace(microsecond=123456) - datetime.timedelta(days=1)
    article = ArticleFactory(published_at=when)
    assert article.updated_at.microsecond or article.published_at.microsecond
    html, soup = page(client, article)
    item, properties = news_article(html)
    shown = [
        soup.select_one(".site-date time")["datetime"],
        dict(properties)["article:published_time"],
        dict(properties)["article:modified_time"],
        item["datePublished"],
        item["dateModified"],
    ]
    for listing in (reverse("home"), reverse("articles:search") + "?q=" + article.title.split()[0]):
        shown += [tag["datetime"] for tag in BeautifulSoup(client.get(listing).content, "html.parser").select("time")]
    feed = json.loads(client.get(reverse("articles:json_feed")).content)
    shown += [feed["items"][0]["date_published"], feed["items"][0]["date_modified"]]
    iso_to_the_second = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
    assert len(shown) >= 9 and all(iso_to_the_second.match(value) for value in shown), shown
    assert soup.select_one(".site-date time")["datetime"] == timezone.localtime(when).replace(microsecond=0).isoformat()
    assert soup.select_one(".site-date time")["datetime"].endswith(("+01:00", "+02:00"))  # Berlin, not UTC
