"""Statuses, roles, pre-publish checks, the duplicate guard and bulk actions in the admin."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles import roles
from articles.models import Article
from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import ThemeFactory
from tests.factories import article_admin_data

pytestmark = pytest.mark.django_db
ADD = reverse("admin:articles_article_add")
CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [li.get_text(" ", strip=True) for li in soup.select(".errorlist li")]


def filed(**values):
    """Admin POST data for an article with everything it needs to go live."""
    author, region = AuthorFactory(), RegionFactory()
    return article_admin_data(authors=[(author, 0)], regions=[str(region.pk)], **values)


# --- roles -------------------------------------------------------------------------------------


def test_migrations_create_both_roles_with_the_right_powers():
    editors = Group.objects.get(name=roles.EDITORS)
    contributors = Group.objects.get(name=roles.CONTRIBUTORS)
    editor_perms = {f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.all()}
    contributor_perms = {f"{p.content_type.app_label}.{p.codename}" for p in contributors.permissions.all()}
    assert {"articles.publish_article", "articles.delete_article", "authors.change_author"} <= editor_perms
    assert "articles.publish_article" not in contributor_perms
    assert "articles.delete_article" not in contributor_perms
    assert {"articles.add_article", "articles.change_article"} <= contributor_perms


def test_contributor_drafts_and_submits_for_review(contributor_client, contributor):
    response = contributor_client.post(ADD, filed(status=Status.REVIEW))
    assert response.status_code == 302, errors(response)
    article = Article.objects.get()
    assert (article.status, article.created_by) == (Status.REVIEW, contributor)


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.SCHEDULED, Status.WITHDRAWN])
def test_contributor_cannot_publish_even_by_a_forged_post(contributor_client, status):
    response = contributor_client.post(ADD, filed(status=status))
    assert response.status_code == 200
    assert any("Select a valid choice" in error for error in errors(response))
    assert not Article.objects.exists()


def test_contributor_cannot_publish_an_existing_draft_by_a_forged_post(contributor_client, contributor):
    article = ArticleFactory(status=Status.DRAFT, created_by=contributor, published_at=None)
    data = filed(status=Status.PUBLISHED, title=article.title, slug=article.slug)
    contributor_client.post(change_url(article), data)
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_contributor_sees_and_edits_only_their_own_drafts(contributor_client, contributor):
    own = ArticleFactory(title="Mine", status=Status.DRAFT, created_by=contributor)
    other = ArticleFactory(title="Someone else's", status=Status.DRAFT)
    listing = contributor_client.get(CHANGELIST).content.decode()
    assert "Mine" in listing and "Someone else" not in listing
    assert contributor_client.get(change_url(own)).status_code == 200
    # Another's article is not even there for them.
    assert contributor_client.get(change_url(other)).status_code == 302
    contributor_client.post(change_url(other), filed(title="Hijacked", slug=other.slug))
    other.refresh_from_db()
    assert other.title == "Someone else's"


def test_contributor_cannot_change_their_article_once_published(contributor_client, contributor):
    article = ArticleFactory(title="Live", created_by=contributor, authors=[AuthorFactory()], regions=[RegionFactory()])
    response = contributor_client.post(
        change_url(article), filed(status=Status.DRAFT, title="Edited", slug=article.slug)
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title, article.status) == ("Live", Status.PUBLISHED)


def test_contributor_cannot_delete_or_use_bulk_actions(contributor_client, contributor):
    article = ArticleFactory(status=Status.DRAFT, created_by=contributor, authors=[AuthorFactory()])
    assert (
        contributor_client.post(
            reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    page = contributor_client.get(CHANGELIST).content.decode()
    assert "publish_selected" not in page
    contributor_client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_editor_group_member_publishes(editor_member_client):
    response = editor_member_client.post(ADD, filed(status=Status.PUBLISHED))
    assert response.status_code == 302, errors(response)
    article = Article.objects.get()
    assert article.status == Status.PUBLISHED
    assert article in Article.objects.published()


# --- pre-publish checks ------------------------------------------------------------------------


def test_publishing_without_author_or_filing_says_exactly_what_is_missing(editor_client):
    response = editor_client.post(ADD, article_admin_data(status=Status.PUBLISHED))
    assert response.status_code == 200
    messages = errors(response)
    assert "Add at least one author before publishing or scheduling." in messages
    assert "File it under at least one region or theme." in messages
    assert not Article.objects.exists()


def test_a_draft_may_be_saved_incomplete(editor_client):
    response = editor_client.post(ADD, article_admin_data(status=Status.DRAFT))
    assert response.status_code == 302
    assert Article.objects.get().status == Status.DRAFT


NEEDS_SOURCE = "A cross-post needs its source."
NEEDS_URL = "A cross-post needs the original article's URL."
NEEDS_DATE = "A cross-post needs the original publication date."


@pytest.mark.parametrize(
    "given, missing",
    [
        ({"source": "source"}, [NEEDS_URL, NEEDS_DATE]),
        ({"original_url": "https://example.net/a/"}, [NEEDS_SOURCE, NEEDS_DATE]),
        ({"original_published_on": "2018-06-06"}, [NEEDS_SOURCE, NEEDS_URL]),
    ],
)
def test_a_cross_post_needs_source_url_and_date(editor_client, given, missing):
    if given.get("source"):
        given = {"source": str(SourceFactory().pk)}
    response = editor_client.post(ADD, filed(status=Status.SCHEDULED, **given))
    assert response.status_code == 200
    assert sorted(errors(response)) == sorted(missing)


def test_a_theme_alone_is_enough_filing(editor_client):
    data = article_admin_data(authors=[(AuthorFactory(), 0)], themes=[str(ThemeFactory().pk)], status=Status.PUBLISHED)
    assert editor_client.post(ADD, data).status_code == 302


def test_published_with_a_future_time_becomes_scheduled_and_goes_live_by_itself(editor_client):
    soon = timezone.now() + datetime.timedelta(hours=2)
    data = filed(
        status=Status.PUBLISHED, published_at_0=soon.strftime("%Y-%m-%d"), published_at_1=soon.strftime("%H:%M:%S")
    )
    assert editor_client.post(ADD, data).status_code == 302
    article = Article.objects.get()
    assert article.status == Status.SCHEDULED
    assert article not in Article.objects.published()
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    assert article in Article.objects.published()  # no cron job: the rule is applied when asked


def test_publishing_without_a_time_uses_now(editor_client):
    before = timezone.now()
    assert editor_client.post(ADD, filed(status=Status.PUBLISHED)).status_code == 302
    assert Article.objects.get().published_at >= before


# --- duplicate guard ---------------------------------------------------------------------------


def test_saving_a_known_original_url_warns_and_links_to_the_other_article(editor_client):
    other = CrossPostFactory(title="First copy", original_url="https://www.example.net/2018/06/story/?utm_source=x")
    data = article_admin_data(original_url="http://example.net/2018/06/story", title="Second copy", slug="second")
    response = editor_client.post(ADD, data, follow=True)
    page = BeautifulSoup(response.content, "html.parser")
    warning = page.select_one(".messagelist .warning")
    assert warning is not None and "same original URL" in warning.get_text()
    assert warning.a["href"] == change_url(other)


def test_different_original_urls_do_not_warn(editor_client):
    CrossPostFactory(original_url="https://example.net/2018/06/story/")
    response = editor_client.post(
        ADD, article_admin_data(original_url="https://example.net/2018/06/other/"), follow=True
    )
    assert b"same original URL" not in response.content


# --- bulk actions ------------------------------------------------------------------------------


def test_bulk_publish_reports_what_it_skipped_and_why(editor_client):
    ready = ArticleFactory(
        title="Ready", status=Status.DRAFT, published_at=None, authors=[AuthorFactory()], regions=[RegionFactory()]
    )
    lacking = ArticleFactory(title="Lacking", status=Status.DRAFT, published_at=None)
    response = editor_client.post(
        CHANGELIST, {"action": "publish_selected", "_selected_action": [ready.pk, lacking.pk]}, follow=True
    )
    text = BeautifulSoup(response.content, "html.parser").select_one(".messagelist").get_text(" ", strip=True)
    assert "1 article published or scheduled." in text
    assert "Skipped “Lacking”: Add at least one author. File it under at least one region or theme." in text
    ready.refresh_from_db()
    lacking.refresh_from_db()
    assert (ready.status, lacking.status) == (Status.PUBLISHED, Status.DRAFT)
    assert ready.published_at is not None


def test_bulk_unpublish_and_withdraw(editor_client, client):
    first, second = ArticleFactory(), ArticleFactory()
    editor_client.post(CHANGELIST, {"action": "unpublish_selected", "_selected_action": [first.pk]})
    editor_client.post(CHANGELIST, {"action": "withdraw_selected", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.DRAFT, Status.WITHDRAWN)
    client.logout()
    assert client.get(first.get_absolute_url()).status_code == 404
    assert client.get(second.get_absolute_url()).status_code == 410


def test_changelist_shows_scheduled_for_a_future_published_article(editor_client):
    ArticleFactory(title="Later", published_at=timezone.now() + datetime.timedelta(days=1))
    row = BeautifulSoup(editor_client.get(CHANGELIST).content, "html.parser").select_one("#result_list tbody tr")
    assert row.select_one("td.field-state").get_text(strip=True) == "Scheduled"
