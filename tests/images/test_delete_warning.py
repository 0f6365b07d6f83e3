"""Removing a picture from the library warns first when articles show it: in their body (no foreign key,
so Django's own confirmation cannot see it) or as their lead picture, one by one and in the bulk action."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from images.models import Image
from images.usage import uses_of
from tests.factories import ArticleFactory
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def _warning(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".image-uses-warning")


def _listed(warning):
    return {(link.get_text(strip=True), link["href"]) for link in warning.select(".image-uses a")}


def _admin_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def picture():
    return ImageFactory(caption="The harbour at dawn.")


def test_the_delete_page_names_the_articles_that_show_the_picture(editor_client, picture):
    in_body = ArticleFactory(title="Placed with the picture button", body=f"<p>Text.</p>{picture.embed_code}")
    short_form = ArticleFactory(title="Placed by short code", body=f'<figure data-image="{picture.pk}"></figure>')
    lead = ArticleFactory(title="Leads with it", lead_image=picture)
    both = ArticleFactory(title="Both", lead_image=picture, body=picture.embed_code)
    ArticleFactory(title="Does not show it", body="<p>No picture here.</p>")

    response = editor_client.get(reverse("admin:images_image_delete", args=[picture.pk]))

    warning = _warning(response)
    assert warning.h2.get_text(strip=True) == "This picture is in use"
    assert _listed(warning) == {
        ("Placed with the picture button", _admin_url(in_body)),
        ("Placed by short code", _admin_url(short_form)),
        ("Leads with it", _admin_url(lead)),
        ("Both", _admin_url(both)),
    }
    text = warning.get_text(" ", strip=True)
    assert "Both (article, lead picture and in the body)" in text
    assert "Leads with it (article, lead picture)" in text
    # Django's own confirmation still follows: the editor decides.
    assert BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "post"})


def test_a_picture_no_article_shows_is_deleted_without_a_warning(editor_client, picture):
    ArticleFactory(body="<p>Nothing.</p>")

    assert _warning(editor_client.get(reverse("admin:images_image_delete", args=[picture.pk]))) is None


def test_picture_1_is_not_taken_for_picture_12(editor_client):
    pictures = {image.pk: image for image in ImageFactory.create_batch(12)}
    first, twelfth = pictures[min(pictures)], pictures[min(pictures) + 11]
    ArticleFactory(title="Shows the twelfth", body=twelfth.embed_code)

    assert _warning(editor_client.get(reverse("admin:images_image_delete", args=[first.pk]))) is None
    assert _warning(editor_client.get(reverse("admin:images_image_delete", args=[twelfth.pk])))


def test_a_marker_quoted_as_text_is_not_a_use(editor_client, picture):
    ArticleFactory(body=f"<p>Embed codes look like data-file=&quot;{picture.pk}&quot;.</p>")
    ArticleFactory(body=f'<pre><code>&lt;img data-file="{picture.pk}"&gt;</code></pre>')

    assert uses_of([picture.pk]) == {picture.pk: []}


def test_the_bulk_delete_action_names_the_articles_too(editor_client, picture):
    other, unused = ImageFactory(caption="A minister speaks"), ImageFactory(caption="Unused")
    ArticleFactory(title="Harbour story", body=picture.embed_code)
    ArticleFactory(title="Politics story", lead_image=other)

    response = editor_client.post(
        reverse("admin:images_image_changelist"),
        {"action": "delete_selected", "_selected_action": [picture.pk, other.pk, unused.pk]},
    )

    assert response.status_code == 200
    warning = _warning(response)
    assert warning.h2.get_text(strip=True) == "Some of the selected pictures are in use"
    headings = sorted(heading.get_text(strip=True) for heading in warning.find_all("h3"))
    assert headings == ["A minister speaks", "The harbour at dawn."]  # not the unused one
    assert {label for label, _ in _listed(warning)} == {"Harbour story", "Politics story"}
    assert Image.objects.count() == 3  # nothing is gone until the editor confirms


def test_confirming_deletes_and_the_articles_lose_the_picture_quietly(editor_client, client, picture):
    article = ArticleFactory(body=f"<p>Before.</p>{picture.embed_code}", lead_image=picture)

    editor_client.post(reverse("admin:images_image_delete", args=[picture.pk]), {"post": "yes"})

    assert not Image.objects.exists()
    article.refresh_from_db()
    assert article.lead_image is None
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert b"<figure" not in page.content.split(b'class="body')[1]


def test_every_use_of_many_pictures_is_found_in_one_query(django_assert_num_queries):
    pictures = ImageFactory.create_batch(30)
    for picture in pictures:
        ArticleFactory(body=picture.embed_code, lead_image=picture)

    with django_assert_num_queries(1):
        uses = uses_of(picture.pk for picture in pictures)

    assert all(len(uses[picture.pk]) == 1 for picture in pictures)


def test_the_library_page_says_where_a_picture_is_used(editor_client, picture):
    article = ArticleFactory(title="Harbour story", body=picture.embed_code)

    soup = BeautifulSoup(
        editor_client.get(reverse("admin:images_image_change", args=[picture.pk])).content, "html.parser"
    )

    link = soup.select_one(".field-used_in .image-uses a")
    assert (link.get_text(strip=True), link["href"]) == ("Harbour story", _admin_url(article))
    assert soup.select_one(".field-embed") is None  # nothing to copy any more: the picture button places it
