"""Old addresses keep working; withdrawn articles say so."""

import pytest
from django.contrib.redirects.models import Redirect

from articles.models import Status
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_renaming_a_published_article_redirects_the_old_address(client):
    article = ArticleFactory(slug="old-name")
    article.slug = "new-name"
    article.save()
    response = client.get("/articles/old-name/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/new-name/"
    assert client.get("/articles/new-name/").status_code == 200


def test_renaming_twice_sends_every_old_address_straight_to_the_newest(client):
    article = ArticleFactory(slug="first")
    for slug in ("second", "third"):
        article.slug = slug
        article.save()
    for old in ("first", "second"):
        response = client.get(f"/articles/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/articles/third/")


def test_renaming_back_removes_the_loop(client):
    article = ArticleFactory(slug="alpha")
    article.slug = "beta"
    article.save()
    article.slug = "alpha"
    article.save()
    assert client.get("/articles/alpha/").status_code == 200
    assert client.get("/articles/beta/")["Location"] == "/articles/alpha/"
    assert not Redirect.objects.filter(old_path="/articles/alpha/").exists()


def test_renaming_a_draft_leaves_no_redirect(client):
    article = ArticleFactory(slug="draft-one", status=Status.DRAFT)
    article.slug = "draft-two"
    article.save()
    assert not Redirect.objects.exists()
    assert client.get("/articles/draft-one/").status_code == 404


def test_withdrawn_article_answers_410_with_a_notice(client):
    article = ArticleFactory(title="Retracted analysis", status=Status.WITHDRAWN)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    assert b"This article has been withdrawn" in response.content
    assert b"Retracted analysis" in response.content
    assert b'<meta name="robots" content="noindex">' in response.content


def test_unknown_article_gets_the_site_404_page(client):
    response = client.get("/articles/no-such-thing/")
    assert response.status_code == 404
    assert b"We can&#x27;t find that page" in response.content or b"We can't find that page" in response.content
    assert b'href="/search/"' in response.content


def test_server_error_page_shows_no_traceback(client, settings):
    from django.urls import path

    from config import urls

    def broken(request):
        raise RuntimeError("secret internals")

    settings.ROOT_URLCONF = type("U", (), {"urlpatterns": [path("boom/", broken), *urls.urlpatterns]})
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"secret internals" not in response.content and b"Traceback" not in response.content
