"""Every save is a revision: who, when, what changed, and a way back."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from articles.models import Status
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import article_admin_data
from tests.factories import form_values

pytestmark = pytest.mark.django_db
ADD = reverse("admin:articles_article_add")


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def edited(editor_client):
    """An article created in the admin, then edited: new title, body, author and tag."""
    first, second = AuthorFactory(name="Ana Lima"), AuthorFactory(name="Bo Chen")
    region = RegionFactory()
    data = article_admin_data(
        title="Ports and power",
        slug="ports",
        body="<p>The harbour was expanded in spring.</p>",
        authors=[(first, 0)],
        regions=[str(region.pk)],
        new_tags="shipping",
        status=Status.DRAFT,
    )
    assert editor_client.post(ADD, data).status_code == 302
    article = Article.objects.get()
    data.update(
        title="Ports, power and politics",
        body="<p>The harbour was quietly expanded in autumn.</p>",
        new_tags="trade",
        tags=[str(article.tags.get().pk)],  # the existing tag stays chosen
        **{
            "author_links-TOTAL_FORMS": "2",
            "author_links-INITIAL_FORMS": "1",
            "author_links-0-id": str(article.author_links.get().pk),
            "author_links-0-article": str(article.pk),
            "author_links-1-author": str(second.pk),
            "author_links-1-order": "1",
        },
    )
    response = editor_client.post(change(article), data)
    assert response.status_code == 302, response.content[:2000]
    return article, first, second


def test_each_admin_save_records_who_and_when(edited, editor):
    article, *_ = edited
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    assert {version.revision.user for version in versions} == {editor}


def test_history_shows_a_readable_diff(edited, editor_client):
    article, *_ = edited
    page = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    soup = BeautifulSoup(page.content, "html.parser")
    newest = soup.select("#change-history tbody tr")[0]
    text = newest.get_text(" ", strip=True)
    assert "editor" in text
    assert "Title : Ports and power → Ports, power and politics" in text
    assert "Authors : Ana Lima → Ana Lima, Bo Chen" in text
    assert "Tags : shipping → shipping, trade" in text
    body = newest.select_one(".diff")
    assert [tag.get_text() for tag in body.find_all("ins")] == ["quietly", "autumn."]
    assert [tag.get_text() for tag in body.find_all("del")] == ["spring."]
    oldest = soup.select("#change-history tbody tr")[-1]
    assert "Created" in oldest.get_text()


def test_an_earlier_version_can_be_restored_with_its_authors_and_tags(edited, editor_client):
    article, first, _ = edited
    oldest = Version.objects.get_for_object(article).order_by("revision__date_created", "pk").first()
    url = reverse("admin:articles_article_revision", args=[article.pk, oldest.pk])
    form_page = editor_client.get(url)
    assert form_page.status_code == 200
    assert b"Ports and power" in form_page.content
    # Saving the old version's form restores it.
    data = form_values(form_page.content, "form#article_form")
    data["_save"] = "Save"
    response = editor_client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Ports and power"
    assert "spring" in article.body
    assert article.ordered_authors == [first]
    assert sorted(article.tags.names()) == ["shipping"]
    assert Version.objects.get_for_object(article).count() == 3


def test_bulk_publish_is_recorded_as_a_revision(editor_client, editor):
    article = Article.objects.create(title="Bulk", slug="bulk", status=Status.DRAFT)
    article.regions.add(RegionFactory())
    from articles.services import article_set_authors

    article_set_authors(article=article, authors=[AuthorFactory()])
    editor_client.post(
        reverse("admin:articles_article_changelist"), {"action": "publish_selected", "_selected_action": [article.pk]}
    )
    version = Version.objects.get_for_object(article).get()
    assert version.revision.user == editor
    assert "bulk action" in version.revision.get_comment()


def test_a_deleted_article_can_be_recovered(editor_client, edited):
    article, *_ = edited
    editor_client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.exists()
    recover = editor_client.get(reverse("admin:articles_article_recoverlist"))
    assert b"Ports, power and politics" in recover.content
