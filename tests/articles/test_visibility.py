"""Who sees an article: readers only published ones, editors everything else as a marked preview."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Article
from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
PAST = "past"
FUTURE = "future"

# Articles readers must not see: (status, when it is due). Withdrawn articles answer 410 Gone
# with a notice; every other hidden article answers 404 as if it never existed.
HIDDEN = {
    "draft": (Status.DRAFT, PAST),
    "withdrawn": (Status.WITHDRAWN, PAST),
    "published-in-future": (Status.PUBLISHED, FUTURE),
    "scheduled-in-future": (Status.SCHEDULED, FUTURE),
    "published-without-date": (Status.PUBLISHED, None),
    "scheduled-without-date": (Status.SCHEDULED, None),
}
HIDDEN_STATUS_CODE = {Status.WITHDRAWN: 410}


def due(when):
    if when is None:
        return None
    return timezone.now() + (HOUR if when == FUTURE else -HOUR)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def filing():
    """One author, source, region, theme and tag; every article here is filed under all of them."""
    return {
        "authors": [AuthorFactory()],
        "source": SourceFactory(),
        "regions": [RegionFactory()],
        "themes": [ThemeFactory()],
        "tags": [TagFactory(name="Energy security")],
    }


def archive_urls(filing):
    return {
        "region": filing["regions"][0].get_absolute_url(),
        "theme": filing["themes"][0].get_absolute_url(),
        "tag": "/tag/energy-security/",
        "author": filing["authors"][0].get_absolute_url(),
        "source": filing["source"].get_absolute_url(),
    }


@pytest.fixture(params=list(HIDDEN))
def hidden(request, filing):
    status, when = HIDDEN[request.param]
    return ArticleFactory(
        title="The hidden article", dek="A secret standfirst.", status=status, published_at=due(when), **filing
    )


@pytest.fixture
def published(filing):
    return ArticleFactory(title="The published article", **filing)


@pytest.fixture
def reader_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", "reader@example.org", "a-long-password"))
    return client


def assert_hidden_from(response, article):
    assert response.status_code == HIDDEN_STATUS_CODE.get(article.status, 404)
    soup = soup_of(response)
    assert "A secret standfirst." not in soup.get_text()
    assert soup.find("a", string="Request permission to republish") is None


# --- the article page ------------------------------------------------------------------------


def test_hidden_article_is_not_shown_to_anonymous_readers(client, hidden):
    assert_hidden_from(client.get(hidden.get_absolute_url()), hidden)


def test_hidden_article_is_not_shown_to_logged_in_readers(reader_client, hidden):
    assert_hidden_from(reader_client.get(hidden.get_absolute_url()), hidden)


def test_hidden_article_is_not_shown_to_staff_without_view_permission(client, django_user_model, hidden):
    client.force_login(django_user_model.objects.create_user("intern", password="a-long-password", is_staff=True))
    assert_hidden_from(client.get(hidden.get_absolute_url()), hidden)


def test_withdrawn_article_answers_gone_with_a_notice(client):
    article = ArticleFactory(title="Pulled story", status=Status.WITHDRAWN)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    soup = soup_of(response)
    assert "withdrawn" in soup.find("h1").get_text().lower()
    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None


def test_staff_see_hidden_article_as_an_uncached_unindexed_preview(editor_client, hidden):
    response = editor_client.get(hidden.get_absolute_url())

    assert response.status_code == 200
    soup = soup_of(response)
    banner = soup.find(string=re.compile(r"\bPreview\b"))
    assert banner is not None and banner.find_parent("main") is not None
    assert not any(element.has_attr("hidden") for element in banner.parents)
    assert soup.find("h1").get_text() == "The hidden article"
    assert [m["content"] for m in soup.find_all("meta", attrs={"name": "robots"})] == ["noindex"]
    assert "noindex" in response["X-Robots-Tag"]
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "must-revalidate", "private", "max-age=0"} <= directives


def test_a_preview_offers_no_republication_link_until_the_article_is_public(editor_client, hidden):
    # The partner form knows only published articles: the link would lead a reviewer to a 404.
    soup = soup_of(editor_client.get(hidden.get_absolute_url()))
    assert soup.find("a", string="Request permission to republish") is None
    assert editor_client.get(f"/republish/{hidden.slug}/").status_code == 404


def test_staff_see_published_article_without_preview_marks(editor_client, published):
    response = editor_client.get(published.get_absolute_url())

    assert response.status_code == 200
    soup = soup_of(response)
    assert "Preview" not in soup.get_text()
    assert soup.find("meta", attrs={"name": "robots"}) is None
    assert "X-Robots-Tag" not in response
    assert "no-store" not in response.get("Cache-Control", "")


def test_scheduled_article_with_past_time_is_public(client, filing):
    article = ArticleFactory(title="Went live on its own", status=Status.SCHEDULED, published_at=due(PAST), **filing)

    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview" not in soup_of(response).get_text()
    assert "Went live on its own" in client.get("/").content.decode()
    assert "Went live on its own" in client.get(archive_urls(filing)["region"]).content.decode()


def test_scheduled_article_goes_live_when_its_time_comes_without_being_saved(client, monkeypatch):
    article = ArticleFactory(status=Status.SCHEDULED, published_at=due(FUTURE))
    assert client.get(article.get_absolute_url()).status_code == 404

    later = timezone.now() + 2 * HOUR
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.get(article.get_absolute_url()).status_code == 200


# --- listings --------------------------------------------------------------------------------


def test_hidden_article_is_absent_from_the_home_page(client, hidden, published):
    text = soup_of(client.get("/")).get_text()
    assert "The published article" in text
    assert "The hidden article" not in text


@pytest.mark.parametrize("archive", ["region", "theme", "tag", "author", "source"])
def test_hidden_article_is_absent_from_archive_and_its_count(client, filing, hidden, published, archive):
    response = client.get(archive_urls(filing)[archive])

    assert response.status_code == 200
    text = " ".join(soup_of(response).get_text().split())
    assert "The published article" in text
    assert "The hidden article" not in text
    assert "1 article" in text
    assert "2 articles" not in text


# --- the one rule ----------------------------------------------------------------------------


def test_published_queryset_holds_exactly_the_live_articles_that_are_due():
    visible = {
        ArticleFactory(status=Status.PUBLISHED, published_at=due(PAST)),
        ArticleFactory(status=Status.SCHEDULED, published_at=due(PAST)),
    }
    for status, when in HIDDEN.values():
        ArticleFactory(status=status, published_at=due(when))

    assert set(Article.objects.published()) == visible


def test_published_queryset_includes_an_article_due_this_very_moment(monkeypatch):
    moment = timezone.now()
    article = ArticleFactory(status=Status.PUBLISHED, published_at=moment)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    assert list(Article.objects.published()) == [article]
