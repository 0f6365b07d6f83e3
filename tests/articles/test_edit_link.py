"""From the site to the desk: staff see an "Edit" link on a public page; readers never do, cached or not."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def filed():
    """A published article filed under one of every subject with an archive page."""
    region, theme, tag, author, source = RegionFactory(), ThemeFactory(), TagFactory(), AuthorFactory(), SourceFactory()
    article = ArticleFactory(authors=[author], regions=[region], themes=[theme], tags=[tag], source=source)
    return {"article": article, "region": region, "theme": theme, "tag": tag, "author": author, "source": source}


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def public_url(kind, obj):
    return reverse("articles:detail" if kind == "article" else f"articles:{kind}", kwargs={"slug": obj.slug})


def edit_links(response):
    """The edit bar's links on a page, as (text, href)."""
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<div class="edit-bar"><div class="wrap"><a href="([^"]+)">([^<]+)</a>', html)


KINDS = ["article", "region", "theme", "tag", "author", "source"]


@pytest.mark.parametrize("kind", KINDS)
def test_an_editor_sees_a_link_to_the_admin_page_of_what_the_page_is_about(client, editor_member, filed, kind):
    client.force_login(editor_member)
    obj = filed[kind]

    assert edit_links(client.get(public_url(kind, obj))) == [(change_url(obj), f"Edit this {obj._meta.verbose_name}")]
    assert client.get(change_url(obj)).status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_an_anonymous_reader_never_sees_it(client, filed, kind):
    response = client.get(public_url(kind, filed[kind]))

    assert edit_links(response) == []
    assert "/admin/" not in response.content.decode()


def test_a_preview_has_the_link_too(client, editor_member):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None)
    client.force_login(editor_member)

    response = client.get(draft.get_absolute_url())

    assert response.context["preview"]
    assert edit_links(response) == [(change_url(draft), "Edit this article")]


def test_only_staff_who_may_change_it_see_the_link(client, contributor, filed):
    # Contributors may change articles but only read regions.
    client.force_login(contributor)

    assert edit_links(client.get(public_url("article", filed["article"]))) == [
        (change_url(filed["article"]), "Edit this article")
    ]
    assert edit_links(client.get(public_url("region", filed["region"]))) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_page_an_editor_saw_is_never_served_to_a_reader_with_the_link(page_cache_on, editor_member, filed, kind):
    url = public_url(kind, filed[kind])
    desk, reader = Client(), Client()
    desk.force_login(editor_member)

    assert edit_links(desk.get(url))
    first = reader.get(url)
    again = reader.get(url)

    assert first["X-Page-Cache"] == "miss"  # the editor's page was not stored for anyone
    assert again["X-Page-Cache"] == "hit"
    assert edit_links(first) == edit_links(again) == []
    assert edit_links(desk.get(url))  # and the editor is not given the readers' copy


@pytest.mark.parametrize("kind", KINDS)
def test_view_on_site_in_the_admin_opens_the_public_page(client, editor_member, filed, kind):
    obj = filed[kind]
    client.force_login(editor_member)
    change_page = client.get(change_url(obj)).content.decode()

    match = re.search(r'<a href="([^"]+)" class="viewsitelink"', change_page)
    assert match, f"no View on site link on the {kind} admin page"
    response = client.get(match.group(1), follow=True)

    assert response.status_code == 200
    assert response.request["PATH_INFO"] == public_url(kind, obj)


def test_view_on_site_opens_a_drafts_preview(client, editor_member):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None)
    client.force_login(editor_member)
    change_page = client.get(change_url(draft)).content.decode()

    view_on_site = re.search(r'<a href="([^"]+)" class="viewsitelink"', change_page).group(1)
    response = client.get(view_on_site, follow=True)

    assert response.status_code == 200 and response.context["preview"]
