"""Pictures by picking: the body editor's picture button opens the library's chooser, the lead picture is
chosen with a thumbnail, and the figure the editor places is the one pages expand with caption and credit."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import Article
from articles.sanitizer import sanitize_html
from tests.factories import ArticleFactory
from tests.factories import ImageFactory
from tests.factories import article_admin_data

pytestmark = pytest.mark.django_db


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _editor_config(soup):
    return json.loads(soup.find("textarea", attrs={"name": "body"})["data-django-prose-editor-configurable"])


def test_the_body_editors_picture_button_is_the_library_chooser(editor_client):
    soup = _soup(editor_client.get(reverse("admin:articles_article_add")))

    config = _editor_config(soup)
    assert config["extensions"]["LibraryPicture"] == {"chooserUrl": reverse("admin:images_image_choose")}
    assert any(module.endswith("/js/prose-library-picture.js") for module in config["js_modules"])
    # The module asks the chooser script, which comes with the form as a static file.
    assert soup.find("script", src=lambda src: src and src.endswith("/js/image-chooser.js"))


def test_the_lead_picture_field_shows_the_chosen_picture(editor_client):
    picture = ImageFactory(caption="Cranes in the harbour", credit="Photo: Ana Lima")
    article = ArticleFactory(lead_image=picture)

    soup = _soup(editor_client.get(reverse("admin:articles_article_change", args=[article.pk])))

    chooser = soup.select_one(".field-lead_image [data-image-chooser]")
    assert chooser["data-chooser-url"] == reverse("admin:images_image_choose")
    assert chooser.find("input", attrs={"type": "hidden", "name": "lead_image"})["value"] == str(picture.pk)
    thumbnail = chooser.select_one(".image-chooser__preview img")
    assert thumbnail["src"] == picture.preview_url()
    assert thumbnail["alt"] == ""  # the caption beside it says which picture it is
    assert chooser.select_one(".image-chooser__caption").get_text(strip=True) == "Cranes in the harbour"
    assert chooser.select_one(".image-chooser__credit").get_text(strip=True) == "Photo: Ana Lima"
    # The buttons say what they do, grouped under the field's name; the old select of every picture is gone.
    assert (chooser["role"], chooser["aria-label"]) == ("group", "Lead picture")
    assert chooser.find("button", attrs={"data-action": "choose"}).get_text(strip=True) == "Choose another picture"
    assert soup.find("select", attrs={"name": "lead_image"}) is None


def test_an_article_without_a_lead_picture_offers_to_choose_or_upload_one(editor_client):
    soup = _soup(editor_client.get(reverse("admin:articles_article_add")))

    chooser = soup.select_one(".field-lead_image [data-image-chooser]")
    assert chooser.select_one(".image-chooser__preview").has_attr("hidden")
    assert chooser.select_one(".image-chooser__preview img") is None
    assert [button.get_text(strip=True) for button in chooser.find_all("button") if not button.has_attr("hidden")] == [
        "Choose from the library",
        "Upload a new picture",
    ]
    assert chooser["data-upload-url"] == reverse("admin:images_image_choose") + "?tab=upload"


def test_saving_the_form_keeps_the_chosen_lead_picture(editor_client):
    picture = ImageFactory()

    response = editor_client.post(reverse("admin:articles_article_add"), article_admin_data(lead_image=str(picture.pk)))

    assert response.status_code == 302
    assert Article.objects.get().lead_image == picture


@pytest.mark.parametrize("value", ["987654", "abc", "-1"])
def test_a_lead_picture_that_is_not_in_the_library_is_an_error_on_the_field(editor_client, value):
    response = editor_client.post(reverse("admin:articles_article_add"), article_admin_data(lead_image=value))

    assert response.status_code == 200
    assert _soup(response).select_one(".field-lead_image .errorlist")
    assert not Article.objects.exists()


def test_the_figure_the_picture_button_places_survives_sanitising_and_renders_from_the_library(client):
    picture = ImageFactory(caption="The harbour at dawn.", credit="Photo: Ana Lima", alt_text="Cranes")
    # What the editor (Tiptap, with the package's Figure, Image and Caption nodes) writes into the textarea.
    src = picture.preview_url(800)
    from_editor = (
        f'<p>Before.</p><figure class="figure"><img src="{src}" alt="Cranes" data-file="{picture.pk}">'
        '<figcaption class="figure-caption">The harbour at dawn. — Photo: Ana Lima</figcaption></figure><p>After.</p>'
    )

    article = ArticleFactory(body=from_editor)

    assert f'data-file="{picture.pk}"' in article.body
    assert article.body == sanitize_html(article.body)
    figure = _soup(client.get(article.get_absolute_url())).select_one(".body figure")
    assert figure.select_one("img")["srcset"]
    assert figure.select_one("img")["alt"] == "Cranes"
    assert figure.select_one("figcaption").get_text(" ", strip=True) == "The harbour at dawn. Photo: Ana Lima"
    assert figure.select_one("figcaption .credit").get_text(strip=True) == "Photo: Ana Lima"
