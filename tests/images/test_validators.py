"""Image uploads are judged by their content and size, directly and through the admin's add form."""

import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from images.models import Image
from images.validators import validate_image_file
from tests.factories import png_bytes

NOT_AN_IMAGE = "This file is not a JPEG, PNG, WebP or GIF image, or it is damaged."


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def _refusal(upload):
    with pytest.raises(ValidationError) as info:
        validate_image_file(upload)
    return info.value


def _png_header_only(width, height):
    """A PNG that declares its size in the header and holds no pixel data at all."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("JPEG", "photo.jpg"), ("PNG", "chart.png"), ("WEBP", "photo.webp"), ("GIF", "animation.gif")],
)
def test_supported_formats_are_accepted(fmt, name):
    upload = _upload(name, png_bytes(fmt=fmt))

    validate_image_file(upload)

    assert upload.tell() == 0, "the validator must leave the file where it found it, ready to be saved"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.png", b"These are my notes, not a picture.\n" * 20),
        ("page.png", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
        ("page.html", b"<!DOCTYPE html><html><body><p>Hello</p></body></html>"),
        ("truncated.png", png_bytes(100, 100)[:150]),
        ("no-end.png", png_bytes(100, 100)[:-12]),
        ("bitmap.png", png_bytes(fmt="BMP")),
        ("scan.png", png_bytes(fmt="TIFF")),
    ],
    ids=["text-renamed-png", "html-renamed-png", "html", "truncated-png", "png-without-end", "bmp", "tiff"],
)
def test_files_that_are_not_sound_images_are_refused_with_a_clear_message(name, content):
    error = _refusal(_upload(name, content))

    assert error.code == "invalid_image"
    assert error.messages == [NOT_AN_IMAGE]


def test_file_over_the_byte_limit_is_refused_before_it_is_read(settings):
    settings.IMAGE_MAX_BYTES = 1024
    content = png_bytes(200, 200, fmt="BMP")  # over the limit and not even an allowed format
    assert len(content) > 1024

    error = _refusal(_upload("big.png", content))

    assert error.code == "too_large"
    assert re.search(r"This file is [\d.]+\s+KB; images may be at most 1\.0\s+KB\.", error.messages[0])


def test_file_at_the_byte_limit_is_accepted(settings):
    content = png_bytes(10, 10)
    settings.IMAGE_MAX_BYTES = len(content)

    validate_image_file(_upload("small.png", content))


def test_image_over_the_pixel_limit_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 1000

    error = _refusal(_upload("square.png", png_bytes(100, 100)))

    assert error.code == "too_many_pixels"
    assert "100 × 100 pixels" in error.messages[0]


def test_pixel_limit_message_states_the_configured_limit(settings):
    settings.IMAGE_MAX_PIXELS = 1000

    message = _refusal(_upload("square.png", png_bytes(100, 100))).messages[0]

    # The editor must be told the real limit (1,000 pixels here), not a rounded-down "0 million".
    assert re.search(r"\b1[,\u00a0\u202f ]?000 pixels|\b0\.001 million", message), message


def test_image_within_the_pixel_limit_is_accepted(settings):
    settings.IMAGE_MAX_PIXELS = 1000

    validate_image_file(_upload("small.png", png_bytes(40, 25)))


def test_pixel_count_is_checked_from_the_header_before_decoding(monkeypatch):
    # A header claiming 8000 × 8000 with no pixel data behind it: only the header can have been read.
    def must_not_decode(*args, **kwargs):
        raise AssertionError("the image was decoded before its pixel count was checked")

    monkeypatch.setattr(PILImage.Image, "load", must_not_decode)
    monkeypatch.setattr(PILImage.Image, "verify", must_not_decode)
    monkeypatch.setattr(PILImage.Image, "tobytes", must_not_decode)

    error = _refusal(_upload("huge.png", _png_header_only(8000, 8000)))

    assert error.code == "too_many_pixels"
    assert "8000 × 8000 pixels" in error.messages[0]


def _files_under(root):
    root = Path(root)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def _post_image(client, content, name):
    return client.post(
        reverse("admin:images_image_add"),
        {"file": SimpleUploadedFile(name, content), "alt_text": "Described", "caption": "", "credit": ""},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "limits"),
    [
        ("notes.png", b"These are my notes, not a picture.\n" * 20, {}),
        ("page.html", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", {}),
        ("truncated.png", png_bytes(100, 100)[:150], {}),
        ("big.png", png_bytes(100, 100), {"IMAGE_MAX_BYTES": 100}),
        ("square.png", png_bytes(100, 100), {"IMAGE_MAX_PIXELS": 1000}),
    ],
    ids=["text-renamed-png", "html", "truncated-png", "over-byte-limit", "over-pixel-limit"],
)
def test_admin_refuses_a_bad_upload_without_storing_anything(editor_client, settings, name, content, limits):
    for setting, value in limits.items():
        setattr(settings, setting, value)

    response = _post_image(editor_client, content, name)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"]
    assert not Image.objects.exists()
    assert _files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_admin_stores_a_good_upload_with_its_dimensions(editor_client, settings):
    response = _post_image(editor_client, png_bytes(64, 48), "chart.png")

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (64, 48)
    assert _files_under(settings.MEDIA_ROOT) == [Path(image.file.path)]
