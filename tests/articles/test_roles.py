"""The Editors and Contributors groups: complete on a fresh database, and kept so by every `migrate`."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.models import Permission
from django.contrib.redirects.models import Redirect
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse
from reversion.models import Version

from articles import roles
from articles.models import Article
from articles.models import Status
from partners.models import PermissionRequest
from partners.models import Reprint
from partners.models import ReprintMessage
from partners.models import RequestStatus
from tests.factories import AuthorFactory
from tests.factories import PermissionRequestFactory
from tests.factories import RegionFactory
from tests.factories import article_admin_data
from tests.factories import form_values

pytestmark = pytest.mark.django_db


def labels(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def perm(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def test_a_freshly_migrated_database_gives_editors_every_app_they_work_in():
    # The test database was made by `migrate` moments ago, as a new site's would be.
    editors = labels(Group.objects.get(name=roles.EDITORS))
    for model in (Article, PermissionRequest, Reprint, ReprintMessage, Redirect, Version):
        for action in ("add", "change", "delete", "view"):
            assert perm(model, action) in editors
    assert "articles.publish_article" in editors
    app_labels = {label.split(".")[0] for label in editors}
    assert app_labels == set(roles.EDITOR_APPS)


def test_contributors_get_exactly_their_list():
    contributors = labels(Group.objects.get(name=roles.CONTRIBUTORS))
    assert contributors == set(roles.CONTRIBUTOR_PERMISSIONS)


def test_every_migrate_restores_what_the_groups_lack_and_keeps_additions():
    editors = Group.objects.get(name=roles.EDITORS)
    extra = Permission.objects.get(codename="view_user")
    editors.permissions.set([extra])  # an administrator's own addition, and everything else lost

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # what `migrate` ends with

    granted = labels(editors)
    assert {perm(PermissionRequest, "change"), perm(Redirect, "add"), "auth.view_user"} <= granted


def test_an_editors_group_member_decides_a_request(editor_member_client, editor_member):
    request = PermissionRequestFactory()
    assert editor_member_client.get(admin_url(PermissionRequest, "change", request.pk)).status_code == 200

    response = editor_member_client.post(
        admin_url(PermissionRequest, "decide", request.pk), {"decision": "approve", "note": "Fine by the author."}
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert request.decided_by == editor_member


def test_an_editors_group_member_restores_a_revision(editor_member_client):
    author, region = AuthorFactory(), RegionFactory()
    data = article_admin_data(
        title="First title", slug="first", authors=[(author, 0)], regions=[str(region.pk)], status=Status.DRAFT
    )
    assert editor_member_client.post(admin_url(Article, "add"), data).status_code == 302
    article = Article.objects.get()
    data.update(
        title="Second title",
        **{"author_links-INITIAL_FORMS": "1", "author_links-0-id": str(article.author_links.get().pk)},
        **{"author_links-0-article": str(article.pk)},
    )
    assert editor_member_client.post(admin_url(Article, "change", article.pk), data).status_code == 302
    first = Version.objects.get_for_object(article).order_by("revision__date_created", "pk").first()

    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_member_client.get(url)
    assert page.status_code == 200
    restored = form_values(page.content, "form#article_form")
    restored["_save"] = "Save"
    assert editor_member_client.post(url, restored).status_code == 302

    article.refresh_from_db()
    assert article.title == "First title"


def test_an_editors_group_member_adds_a_redirect(editor_member_client):
    response = editor_member_client.post(
        admin_url(Redirect, "add"), {"site": "1", "old_path": "/old-address/", "new_path": "/articles/new/"}
    )

    assert response.status_code == 302
    assert Redirect.objects.filter(old_path="/old-address/", new_path="/articles/new/").exists()


def admin_index(client, user):
    """The admin home as `user` sees it: each app's name and its models' names."""
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return {app["name"]: [model["name"] for model in app["models"]] for app in response.context["app_list"]}


def test_an_editors_group_member_sees_the_apps_of_the_desk_and_no_administration(client, editor_member):
    assert admin_index(client, editor_member) == {
        "Articles": ["Articles", "Corrections", "Regions", "Themes"],
        "Authors": ["Authors"],
        # Readers' e-mail digests: who follows what, the schedule and sender, each issue and its deliveries.
        "E-mail digests": ["Deliveries", "Digest issues", "Digest settings", "Subscribers", "Subscriptions"],
        "Flat Pages": ["Flat pages"],
        "Front page and menu": ["Front page", "Menu items"],
        "Originals": ["Originals that need attention", "Watched originals"],
        "Image library": ["Images"],
        # When a correction reached the shared cache in front: read-only.
        "Page cache": ["Cache purges"],
        "Redirects": ["Redirects"],
        "Sources and attribution": ["Publication settings", "Sources"],
        # Requests, and the ledger of where articles were republished.
        "Syndication partners": ["Permission requests", "Reprints"],
        "Tags": ["Tags"],
    }


def test_a_contributor_sees_only_what_filing_a_draft_needs(client, contributor):
    assert admin_index(client, contributor) == {
        "Articles": ["Articles", "Regions", "Themes"],
        "Authors": ["Authors"],
        "Image library": ["Images"],
        "Sources and attribution": ["Sources"],
        "Tags": ["Tags"],
    }


def test_sites_login_attempts_tasks_users_and_groups_stay_with_administrators(client, editor):
    apps = admin_index(client, editor)

    assert {"Sites", "Axes", "Authentication and Authorization", "Tags"} <= set(apps)
    assert "Taggit" not in apps
