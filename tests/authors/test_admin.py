"""An author's photo goes through the image library's checks: judged by its content, stored without metadata."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from authors.models import Author
from tests.factories import AuthorFactory
from tests.images.samples import PAGE
from tests.images.samples import picture_bytes
from tests.images.samples import png_bomb
from tests.images.samples import with_private_metadata

pytestmark = pytest.mark.django_db


def post_author(client, photo, name="Jane Analyst", url=None, **fields):
    data = {"name": name, "slug": "jane-analyst", "affiliation": "", "short_bio": "", "bio": "", "website": ""}
    data |= {"email": "", "photo": photo, **fields}
    return client.post(url or reverse("admin:authors_author_add"), data)


def photo_errors(response):
    return response.context["adminform"].form.errors.get("photo", [])


def test_a_photo_is_stored_without_its_gps_position_or_camera(editor_client):
    response = post_author(editor_client, SimpleUploadedFile("portrait.jpeg", with_private_metadata("JPEG")))
    assert response.status_code == 302, photo_errors(response)
    author = Author.objects.get(slug="jane-analyst")
    assert author.photo.name.startswith("authors/portrait") and author.photo.name.endswith(".jpg")
    with author.photo.open("rb") as stored:
        data = stored.read()
    with PILImage.open(io.BytesIO(data)) as picture:
        assert not picture.getexif()
        assert "comment" not in picture.info
    assert b"Jane Private" not in data and b"EOS Secret" not in data


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (PAGE, "portrait.jpg"),  # a web page named like a picture
        (picture_bytes("PNG") + PAGE, "portrait.png"),  # a picture with a page after it
        (png_bomb(), "portrait.png"),  # a decompression bomb
        (picture_bytes("JPEG")[:200], "portrait.jpg"),  # cut short
    ],
)
def test_a_file_that_is_not_a_sound_picture_is_refused_and_nothing_is_saved(editor_client, content, name):
    response = post_author(editor_client, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert photo_errors(response)
    assert not Author.objects.exists()


def test_editing_an_author_keeps_the_stored_photo(editor_client):
    post_author(editor_client, SimpleUploadedFile("portrait.png", picture_bytes("PNG")))
    author = Author.objects.get()
    stored = author.photo.name
    url = reverse("admin:authors_author_change", args=[author.pk])
    response = post_author(editor_client, "", url=url, short_bio="Writes about ports.")
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.photo.name == stored and author.short_bio == "Writes about ports."


def test_an_author_without_a_photo_still_saves(editor_client):
    AuthorFactory(slug="someone-else")
    assert post_author(editor_client, "").status_code == 302
    assert not Author.objects.get(slug="jane-analyst").photo
