"""The image library's chooser, the popup behind the body editor's picture button and the lead picture
field: search by caption, credit or alt text, thumbnails, pages, and an upload that requires the words
readers see. Whatever is in its query string, it answers with a page."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from images.models import Image
from tests.factories import ImageFactory
from tests.factories import png_bytes
from tests.images.samples import PAGE
from tests.images.samples import files_under

pytestmark = pytest.mark.django_db

CHOOSE = reverse("admin:images_image_choose")


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _cards(response):
    captions = _soup(response).select(".chooser-card .chooser-card__caption")
    return [caption.get_text(strip=True) for caption in captions]


def _upload(client, **fields):
    data = {
        "file": SimpleUploadedFile("harbour.png", png_bytes(600, 400)),
        "alt_text": "Cranes over a container harbour",
        "caption": "The harbour at dawn.",
        "credit": "Photo: Ana Lima",
        **fields,
    }
    return client.post(CHOOSE, {name: value for name, value in data.items() if value is not None})


def test_the_chooser_is_a_popup_page_with_a_thumbnail_card_per_picture(editor_client):
    picture = ImageFactory(caption="Fishing boats in the harbour", credit="Photo: Reuters")

    response = editor_client.get(CHOOSE)

    assert response.status_code == 200
    soup = _soup(response)
    assert "popup" in soup.body["class"]
    assert soup.select_one("#header") is None  # no admin navigation inside the popup
    card = soup.select_one(".chooser-card")
    assert card.select_one("a")["href"] == reverse("admin:images_image_chosen", args=[picture.pk])
    thumbnail = card.select_one("img")
    assert thumbnail["src"] == picture.preview_url()
    assert thumbnail["alt"] == ""  # the caption beside it names the picture
    assert card.select_one(".chooser-card__credit").get_text(strip=True) == "Photo: Reuters"
    assert soup.find("label", attrs={"for": "id_q"}).get_text(strip=True) == "Search by caption, credit or alt text"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("harbour", {"Fishing boats in the harbour"}),
        ("REUTERS", {"Fishing boats in the harbour"}),
        ("minister podium", {"A minister speaks"}),
        ("  harbour   boats ", {"Fishing boats in the harbour"}),
        ("harbour minister", set()),
        ("", {"Fishing boats in the harbour", "A minister speaks"}),
    ],
    ids=["caption", "credit-any-case", "alt-text", "extra-spaces", "every-word-must-match", "empty"],
)
def test_search_looks_in_caption_credit_and_alt_text(editor_client, query, found):
    ImageFactory(caption="Fishing boats in the harbour", credit="Photo: Reuters", alt_text="Boats")
    ImageFactory(caption="A minister speaks", credit="Photo: AFP", alt_text="A minister at a podium")

    assert set(_cards(editor_client.get(CHOOSE, {"q": query}))) == found


def test_the_pages_keep_the_search(editor_client, settings, monkeypatch):
    monkeypatch.setattr("images.admin.CHOOSER_PAGE_SIZE", 2)
    for number in range(5):
        ImageFactory(caption=f"Harbour {number}")
    ImageFactory(caption="Something else")

    response = editor_client.get(CHOOSE, {"q": "harbour", "page": "2"})

    assert _cards(response) == ["Harbour 2", "Harbour 1"]  # newest first
    pages = _soup(response).select_one("nav.chooser-pages")
    assert pages.select_one("[aria-current=page]").get_text(strip=True) == "2"
    assert pages.select_one("a[rel=next]")["href"] == "?q=harbour&page=3"
    assert "5 pictures match “harbour”" in _soup(response).select_one(".chooser-count").get_text(" ", strip=True)


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "99999999999"},
        {"page": "9" * 5000},
        {"page": "1.5"},
        {"page": ["1", "2"]},
        {"q": "x" * 5000},
        {"q": "%' OR 1=1 --"},
        {"q": "<script>alert(1)</script>"},
        {"q": "\u202e\U0001f600 ünïcode"},
        {"tab": "nonsense"},
        {"tab": "upload", "page": "abc"},
        {"unknown": "value"},
    ],
    ids=lambda query: json.dumps(query)[:40],
)
def test_any_query_string_gives_a_page(editor_client, query):
    ImageFactory(caption="Fishing boats in the harbour")

    response = editor_client.get(CHOOSE, query)

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_a_page_past_the_end_shows_the_last_one(editor_client, monkeypatch):
    monkeypatch.setattr("images.admin.CHOOSER_PAGE_SIZE", 1)
    ImageFactory(caption="Older")
    ImageFactory(caption="Newer")

    assert _cards(editor_client.get(CHOOSE, {"page": "999"})) == ["Older"]
    assert _cards(editor_client.get(CHOOSE, {"page": "abc"})) == ["Newer"]


def test_choosing_hands_the_picture_and_its_words_to_the_opener(editor_client):
    picture = ImageFactory(caption="The harbour at dawn.", credit="Photo: Ana Lima", alt_text="Cranes")

    response = editor_client.get(reverse("admin:images_image_chosen", args=[picture.pk]))

    soup = _soup(response)
    assert json.loads(soup.find("script", id="chosen-image").string) == {
        "id": picture.pk,
        "src": picture.preview_url(800),
        "thumbnail": picture.preview_url(480),
        "alt": "Cranes",
        "caption": "The harbour at dawn.",
        "credit": "Photo: Ana Lima",
        "title": "The harbour at dawn.",
    }
    # The only script that runs is a static file (Content-Security-Policy: no inline script).
    scripts = [script for script in soup.find_all("script") if script.get("type") != "application/json"]
    assert all(script.get("src") for script in scripts)
    assert any(script["src"].endswith("js/image-chooser-popup.js") for script in scripts)


def test_choosing_a_picture_that_is_gone_is_a_404(editor_client):
    assert editor_client.get(reverse("admin:images_image_chosen", args=[987654])).status_code == 404


def test_an_upload_through_the_chooser_is_stored_and_chosen(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(editor_client)

    picture = Image.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:images_image_chosen", args=[picture.pk])
    assert (picture.alt_text, picture.caption, picture.credit) == (
        "Cranes over a container harbour",
        "The harbour at dawn.",
        "Photo: Ana Lima",
    )
    assert picture.renditions  # made by the task queued once the upload is committed, as for every upload


@pytest.mark.parametrize("missing", ["alt_text", "caption", "credit", "file"])
def test_an_upload_through_the_chooser_needs_alt_text_caption_and_credit(editor_client, missing):
    response = _upload(editor_client, **{missing: None})

    assert response.status_code == 200
    assert not Image.objects.exists()
    errors = _soup(response).select(f".field-{missing} .errorlist li")
    assert [error.get_text(strip=True) for error in errors] == ["This field is required."]


def test_an_upload_of_blank_words_is_refused(editor_client):
    response = _upload(editor_client, caption="   ", credit="\t")

    assert response.status_code == 200
    assert not Image.objects.exists()


def test_an_upload_that_is_no_picture_is_refused_with_a_clear_error(editor_client, settings):
    response = _upload(editor_client, file=SimpleUploadedFile("photo.jpg", PAGE))

    assert response.status_code == 200
    assert not Image.objects.exists()
    assert not files_under(settings.MEDIA_ROOT)
    error = _soup(response).select_one(".field-file .errorlist").get_text(" ", strip=True)
    assert "JPEG, PNG, WebP or GIF" in error or "picture" in error.lower(), error


def test_the_plain_library_form_still_lets_caption_and_credit_wait(editor_client):
    response = editor_client.post(
        reverse("admin:images_image_add"),
        {"file": SimpleUploadedFile("x.png", png_bytes()), "alt_text": "Described", "caption": "", "credit": ""},
    )

    assert response.status_code == 302
    assert Image.objects.get().credit == ""


def test_the_upload_tab_is_only_for_those_who_may_add_pictures(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="a-long-test-password", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_image"))
    client.force_login(viewer)

    page = client.get(CHOOSE, {"tab": "upload"})
    assert page.status_code == 200
    assert _soup(page).select_one(".chooser-upload") is None
    assert _upload(client).status_code == 403


def test_the_chooser_needs_a_signed_in_member_of_staff(client):
    response = client.get(CHOOSE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_contributors_may_choose_and_upload(client, contributor):
    client.force_login(contributor)

    assert client.get(CHOOSE).status_code == 200
    assert _upload(client).status_code == 302


def test_the_library_tab_offers_an_upload_without_switching_tabs(editor_client):
    soup = _soup(editor_client.get(reverse("admin:images_image_choose")))

    form = soup.select_one("form[data-details-after-file]")
    assert form["method"] == "post" and form["action"] == reverse("admin:images_image_choose")
    assert form.select_one("input[type=file][name=file]")
    assert form.select_one("label[for=id_file]").get_text(strip=True) == "Upload a new picture:"
    details = form.select_one("[data-details]")
    assert [field["name"] for field in details.select("input:not([type=hidden]):not([type=submit]), textarea")] == [
        "alt_text",
        "caption",
        "credit",
    ]
    assert soup.select_one("script[src$='js/chooser-upload.js']")


def test_no_upload_on_the_library_tab_for_whom_may_not_add_pictures(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", "viewer@example.org", "a-long-test-password")
    viewer.is_staff = True
    viewer.save()
    viewer.user_permissions.add(Permission.objects.get(codename="view_image"))
    client.force_login(viewer)

    soup = _soup(client.get(reverse("admin:images_image_choose")))

    assert soup.select_one(".chooser-search")
    assert soup.select_one("form[data-details-after-file]") is None
