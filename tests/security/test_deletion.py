"""Nothing lost: only editors delete, and what they delete keeps its history and can come back."""

import pytest
import reversion
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import TagFactory

pytestmark = pytest.mark.django_db


def test_a_contributor_may_delete_nothing_anywhere_in_the_admin(contributor):
    request = RequestFactory().get("/admin/")
    request.user = contributor
    samples = {
        Article: ArticleFactory(created_by=contributor, status=Status.DRAFT),
        **{factory._meta.model: factory() for factory in (AuthorFactory, RegionFactory, SourceFactory, TagFactory)},
    }
    allowed = []
    for model, model_admin in admin.site._registry.items():
        obj = samples.get(model)
        if model_admin.has_delete_permission(request) or (obj and model_admin.has_delete_permission(request, obj)):
            allowed.append(model._meta.label)
    assert allowed == []


def test_a_contributor_cannot_delete_their_own_draft_by_any_route(client, contributor):
    article = ArticleFactory(created_by=contributor, status=Status.DRAFT)
    client.force_login(contributor)

    page = client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    bulk = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )

    assert page.status_code == 403
    assert bulk.status_code in (200, 302)
    assert Article.objects.filter(pk=article.pk).exists()
    assert b"delete_selected" not in client.get(reverse("admin:articles_article_changelist")).content


def test_a_contributor_cannot_delete_library_images_authors_or_sources(client, contributor):
    client.force_login(contributor)
    for obj, name in (
        (ImageFactory(), "images_image"),
        (AuthorFactory(), "authors_author"),
        (SourceFactory(), "attribution_source"),
    ):
        response = client.post(reverse(f"admin:{name}_delete", args=[obj.pk]), {"post": "yes"})
        assert response.status_code == 403, name
        assert type(obj).objects.filter(pk=obj.pk).exists()


def test_an_editor_deletes_and_the_history_stays(client, editor_member):
    with reversion.create_revision():
        article = ArticleFactory(title="First version")
    with reversion.create_revision():
        article.title = "Second version"
        article.save()
    versions_before = list(Version.objects.get_for_object(article).values_list("pk", flat=True))
    client.force_login(editor_member)

    response = client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    # Every revision is still stored, and the deleted article is listed for recovery with its last title.
    assert list(Version.objects.get_for_object_reference(Article, article.pk).values_list("pk", flat=True)) == (
        versions_before
    )
    deleted = Version.objects.get_deleted(Article)
    assert [version.object_repr for version in deleted] == ["Second version"]
    recover = client.get(reverse("admin:articles_article_recoverlist"))
    assert b"Second version" in recover.content


def test_a_bulk_delete_keeps_every_history_too(client, editor_member):
    with reversion.create_revision():
        articles = [ArticleFactory(title=f"Bulk {number}") for number in range(3)]
    client.force_login(editor_member)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in articles], "post": "yes"},
    )
    assert not Article.objects.exists()
    assert sorted(v.object_repr for v in Version.objects.get_deleted(Article)) == ["Bulk 0", "Bulk 1", "Bulk 2"]


def test_an_article_recovered_from_history_comes_back_whole(client, editor_member):
    author, region = AuthorFactory(name="Ana Lima"), RegionFactory()
    with reversion.create_revision():
        article = ArticleFactory(title="Worth keeping", authors=[author], regions=[region])
    pk = article.pk
    client.force_login(editor_member)
    client.post(reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"})

    version = Version.objects.get_deleted(Article).get()
    version.revision.revert(delete=False)

    restored = Article.objects.get(pk=pk)
    assert restored.title == "Worth keeping"
    assert restored.ordered_authors == [author]
    assert list(restored.regions.all()) == [region]
