"""The publishing box's "Publish" button: one click from a draft to a live (or scheduled) article."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import article_admin_data

pytestmark = pytest.mark.django_db


def ready_to_publish(**values):
    source = SourceFactory()
    return article_admin_data(
        authors=[(AuthorFactory(), 0)],
        regions=[RegionFactory().pk],
        source=str(source.pk),
        original_url="https://original.example.org/2026/12/a-story/",
        original_published_on="2026-12-01",
        **values,
    )


def publish_button(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").select_one(
        "aside.article-desk__publishing button[name=_publish]"
    )


def test_publish_makes_a_new_article_live_and_returns_to_it_with_a_link_to_the_page(editor_client):
    data = ready_to_publish()
    del data["_save"]
    response = editor_client.post(reverse("admin:articles_article_add"), {**data, "_publish": "1"})

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == Status.PUBLISHED
    assert article.published_at <= timezone.now()
    assert Article.objects.published().filter(pk=article.pk).exists()
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert f'<a href="{article.get_absolute_url()}">View it on the site</a>' in message


def test_publish_with_a_time_ahead_schedules_and_says_when(editor_client):
    ahead = timezone.localtime() + datetime.timedelta(days=2)
    data = ready_to_publish(published_at_0=ahead.strftime("%Y-%m-%d"), published_at_1="09:00")
    del data["_save"]
    response = editor_client.post(reverse("admin:articles_article_add"), {**data, "_publish": "1"})

    article = Article.objects.get()
    assert article.status == Status.SCHEDULED
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "is scheduled: readers see it from " + ahead.strftime("%Y-%m-%d") + " 09:00" in message


def test_publish_on_an_incomplete_article_keeps_it_a_draft_and_names_what_is_missing(editor_client):
    data = article_admin_data(authors=[(AuthorFactory(), 0)])
    del data["_save"]
    response = editor_client.post(reverse("admin:articles_article_add"), {**data, "_publish": "1"})

    assert response.status_code == 200
    assert not Article.objects.exists()
    summary = BeautifulSoup(response.content, "html.parser").select_one(".error-summary").get_text(" ", strip=True)
    assert "Regions" in summary


def test_the_button_is_offered_until_the_article_is_live(editor_client):
    draft = ArticleFactory(status=Status.DRAFT)
    live = ArticleFactory(status=Status.PUBLISHED)

    assert publish_button(editor_client, reverse("admin:articles_article_add")).get_text(strip=True) == "Publish"
    assert publish_button(editor_client, reverse("admin:articles_article_change", args=[draft.pk]))
    assert publish_button(editor_client, reverse("admin:articles_article_change", args=[live.pk])) is None


def test_a_contributor_has_no_publish_button_and_posting_one_does_not_publish(client, contributor):
    client.force_login(contributor)
    assert publish_button(client, reverse("admin:articles_article_add")) is None

    data = ready_to_publish(status=Status.REVIEW)
    del data["_save"]
    response = client.post(reverse("admin:articles_article_add"), {**data, "_publish": "1"})

    assert response.status_code == 302
    assert Article.objects.get().status == Status.REVIEW
