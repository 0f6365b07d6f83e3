"""Uploading through the admin's add form: sound pictures are stored, everything else is refused
with a form error, no Image row and not one byte under MEDIA_ROOT."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.html import escape
from PIL import Image as PILImage

from images.models import Image
from tests.factories import png_bytes
from tests.images.samples import EXTENSIONS
from tests.images.samples import PAGE
from tests.images.samples import SCRIPT
from tests.images.samples import animated_gif
from tests.images.samples import encode
from tests.images.samples import files_under
from tests.images.samples import form_errors
from tests.images.samples import gif_with_comment
from tests.images.samples import noisy
from tests.images.samples import picture_bytes
from tests.images.samples import png_bomb
from tests.images.samples import post_image
from tests.images.samples import post_raw_file_name

pytestmark = pytest.mark.django_db

GENERATED_NAME = re.compile(r"^images/\d{4}/\d{2}/[0-9a-f]{16}\.(jpg|png|webp|gif)$")


def _shown_error(response):
    """The error text the editor sees beside the file field."""
    soup = BeautifulSoup(response.content, "html.parser")
    errors = soup.select(".field-file .errorlist li")
    return " ".join(error.get_text(" ", strip=True) for error in errors)


REFUSED = {
    "text-renamed-png": ("notes.png", b"These are my notes, not a picture.\n" * 20, {}),
    "html-renamed-jpg": ("photo.jpg", PAGE, {}),
    "html": ("page.html", PAGE, {}),
    "gif-with-script-appended": ("cat.gif", picture_bytes("GIF") + SCRIPT, {}),
    "png-with-page-appended": ("chart.png", picture_bytes("PNG") + PAGE, {}),
    "png-with-page-prepended": ("chart.png", PAGE + picture_bytes("PNG"), {}),
    "gif-with-page-prepended": ("cat.gif", PAGE + picture_bytes("GIF"), {}),
    "jpeg-with-script-appended": ("photo.jpg", picture_bytes("JPEG") + SCRIPT, {}),
    "gif-with-script-in-a-comment": ("cat.gif", gif_with_comment(SCRIPT), {}),
    "truncated-png": ("cut.png", picture_bytes("PNG")[:-1], {}),
    "truncated-jpeg": ("cut.jpg", picture_bytes("JPEG")[:-2], {}),
    "truncated-webp": ("cut.webp", picture_bytes("WEBP")[:-1], {}),
    "truncated-gif": ("cut.gif", picture_bytes("GIF")[:-1], {}),
    "truncated-gif-mid-frame": ("cut.gif", picture_bytes("GIF")[:2000], {}),
    "bmp": ("bitmap.png", png_bytes(fmt="BMP"), {}),
    "over-byte-limit": ("big.png", png_bytes(100, 100), {"IMAGE_MAX_BYTES": 100}),
    "over-pixel-limit": ("square.png", png_bytes(100, 100), {"IMAGE_MAX_PIXELS": 1000}),
    "108-megapixel-png-bomb": ("bomb.png", png_bomb(), {}),
}


@pytest.mark.parametrize(("name", "content", "limits"), REFUSED.values(), ids=REFUSED.keys())
def test_admin_refuses_a_bad_upload_with_a_form_error_and_stores_nothing(
    editor_client, settings, name, content, limits
):
    for setting, value in limits.items():
        setattr(settings, setting, value)

    response = post_image(editor_client, content, name)

    assert response.status_code == 200
    errors = form_errors(response)
    assert errors
    assert escape(errors[0]) in response.content.decode()
    assert _shown_error(response)
    assert not Image.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_the_bomb_is_refused_for_its_pixel_count(editor_client, settings):
    response = post_image(editor_client, png_bomb(), "bomb.png")

    assert "10800 × 10000 pixels" in _shown_error(response)
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF"])
def test_admin_stores_each_format_under_a_generated_name_with_its_dimensions(editor_client, settings, fmt):
    response = post_image(editor_client, picture_bytes(fmt, 64, 48), f"upload.{EXTENSIONS[fmt].upper()}")

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (64, 48)
    assert GENERATED_NAME.match(image.file.name), image.file.name
    assert image.file.name.endswith("." + EXTENSIONS[fmt])
    with PILImage.open(image.file.path) as stored:
        assert stored.format == fmt
    stored_files = {str(path.relative_to(settings.MEDIA_ROOT)) for path in files_under(settings.MEDIA_ROOT)}
    assert stored_files == image.stored_names


def test_admin_stores_an_animated_gif_with_every_frame(editor_client):
    response = post_image(editor_client, animated_gif(frames=3), "dancing.gif")

    assert response.status_code == 302
    with PILImage.open(Image.objects.get().file.path) as stored:
        assert stored.n_frames == 3


def test_file_with_the_wrong_extension_is_stored_with_the_extension_of_its_content(editor_client):
    post_image(editor_client, picture_bytes("PNG"), "photo.jpg")

    assert Image.objects.get().file.name.endswith(".png")


PATH_LIKE_NAMES = {
    "parent-directories": b"../../etc/passwd.png",
    "absolute": b"/etc/cron.d/evil.png",
    "windows-path": b"..\\..\\Windows\\win.ini.png",
    "nul-byte": b"evil.png\x00.html",
    "very-long": b"a" * 400 + b".png",
    "non-ascii": "Фото с митинга ☀ 写真.png".encode(),
    "html-extension": b"page.html",
    "no-extension": b"picture",
    "dot-files": b".htaccess",
}


@pytest.mark.parametrize("file_name", PATH_LIKE_NAMES.values(), ids=PATH_LIKE_NAMES.keys())
def test_a_path_like_or_odd_file_name_never_reaches_the_disk(editor_client, settings, tmp_path, file_name):
    response = post_raw_file_name(editor_client, picture_bytes("PNG"), file_name)

    assert response.status_code == 302, form_errors(response)
    image = Image.objects.get()
    assert GENERATED_NAME.match(image.file.name), image.file.name
    media = Path(settings.MEDIA_ROOT)
    for path in files_under(media):
        assert path.resolve().is_relative_to((media / "images").resolve())
        assert re.fullmatch(r"[0-9a-f]{16}(-\d+w)?\.(png|webp)", path.name), path.name
    # Nothing escaped the media folder: the test's own folder holds only it.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["media"]


@pytest.mark.parametrize("file_name", [b"..", b"."])
def test_a_name_that_is_only_a_path_is_refused_and_nothing_is_stored(editor_client, settings, file_name):
    response = post_raw_file_name(editor_client, picture_bytes("PNG"), file_name)

    assert response.status_code == 200
    assert form_errors(response)
    assert not Image.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_alt_text_is_required(editor_client, settings):
    response = post_image(editor_client, picture_bytes("PNG"), "chart.png", alt_text="")

    assert form_errors(response, "alt_text")
    assert not Image.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_add_form_offers_only_the_four_formats(editor_client):
    response = editor_client.get(reverse("admin:images_image_add"))

    field = BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "file"})
    assert field["accept"] == "image/jpeg,image/png,image/webp,image/gif"


def test_uploaded_file_is_never_opened_with_a_format_outside_the_four(editor_client, monkeypatch):
    # Django's own ImageField would open the upload with all of Pillow's decoders first.
    opened_with = []
    real_open = PILImage.open

    def recording_open(fp, mode="r", formats=None):
        opened_with.append(formats)
        return real_open(fp, mode, formats)

    monkeypatch.setattr(PILImage, "open", recording_open)

    post_image(editor_client, encode(noisy(), "TIFF"), "scan.png")
    post_image(editor_client, picture_bytes("PNG"), "chart.png")

    assert opened_with
    assert all(formats and set(formats) <= {"JPEG", "PNG", "WEBP", "GIF"} for formats in opened_with), opened_with
