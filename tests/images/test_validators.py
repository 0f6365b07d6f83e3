"""The upload check on its own: an image is judged by its bytes, never by its name."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo

from images.validators import HIDDEN_CONTENT
from images.validators import NOT_AN_IMAGE
from images.validators import validate_image_file
from tests.factories import png_bytes
from tests.images.samples import PAGE
from tests.images.samples import SCRIPT
from tests.images.samples import animated_gif
from tests.images.samples import encode
from tests.images.samples import gif_with_comment
from tests.images.samples import noisy
from tests.images.samples import picture_bytes
from tests.images.samples import png_bomb
from tests.images.samples import png_chunk

FORMATS = ["JPEG", "PNG", "WEBP", "GIF"]


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def _refusal(upload):
    with pytest.raises(ValidationError) as info:
        validate_image_file(upload)
    return info.value


def _png_header_only(width, height):
    """A PNG that declares its size in the header and holds no pixel data at all."""
    header = png_chunk(b"IHDR", bytes.fromhex(f"{width:08x}{height:08x}") + b"\x08\x02\x00\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("JPEG", "photo.jpg"), ("PNG", "chart.png"), ("WEBP", "photo.webp"), ("GIF", "animation.gif")],
)
def test_supported_formats_are_accepted(fmt, name):
    upload = _upload(name, png_bytes(fmt=fmt))

    validate_image_file(upload)

    assert upload.tell() == 0, "the validator must leave the file where it found it, ready to be saved"


@pytest.mark.parametrize(
    "content",
    [
        animated_gif(frames=3),
        encode(noisy(), "WEBP", save_all=True, append_images=[noisy(seed=1)], duration=100),
        encode(noisy(), "PNG", save_all=True, append_images=[noisy(seed=1)], duration=100),
        encode(noisy(), "WEBP", lossless=True),
        picture_bytes("JPEG") + picture_bytes("JPEG", 30, 20),
        picture_bytes("PNG") + b"\x00" * 64,
    ],
    ids=["animated-gif", "animated-webp", "animated-png", "lossless-webp", "jpeg-with-gain-map", "zero-padded"],
)
def test_sound_variants_of_the_four_formats_are_accepted(content):
    # Phone cameras append HDR gain maps and depth maps as further JPEGs (Multi-Picture Format).
    validate_image_file(_upload("picture", content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.png", b"These are my notes, not a picture.\n" * 20),
        ("page.png", PAGE),
        ("photo.jpg", PAGE),
        ("page.html", b"<!DOCTYPE html><html><body><p>Hello</p></body></html>"),
        ("bitmap.png", png_bytes(fmt="BMP")),
        ("scan.png", png_bytes(fmt="TIFF")),
        ("vector.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("empty.png", b""),
    ],
    ids=["text-renamed-png", "html-renamed-png", "html-renamed-jpg", "html", "bmp", "tiff", "svg", "empty"],
)
def test_files_that_are_not_images_of_the_four_formats_are_refused(name, content):
    error = _refusal(_upload(name, content))

    assert error.code == "invalid_image"
    assert error.messages == [NOT_AN_IMAGE]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("cut", ["half", "last-byte", "last-two-bytes", "header-only"])
def test_truncated_files_of_every_format_are_refused(fmt, cut):
    content = picture_bytes(fmt)
    truncated = {
        "half": content[: len(content) // 2],
        "last-byte": content[:-1],  # a GIF without its trailer, a PNG without IEND's checksum, ...
        "last-two-bytes": content[:-2],  # a JPEG without its end-of-image marker
        "header-only": content[:40],
    }[cut]

    error = _refusal(_upload(f"cut.{fmt.lower()}", truncated))

    assert error.code == "invalid_image"
    assert error.messages == [NOT_AN_IMAGE]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "extra",
    [SCRIPT, PAGE, b"*/=alert(document.domain);//"],
    ids=["script", "html-page", "javascript"],
)
def test_images_with_markup_or_script_appended_are_refused(fmt, extra):
    error = _refusal(_upload(f"polyglot.{fmt.lower()}", picture_bytes(fmt) + extra))

    assert error.code == "hidden_content"
    assert error.messages == [HIDDEN_CONTENT]


def test_jpeg_followed_by_a_cut_short_second_jpeg_is_refused():
    content = picture_bytes("JPEG") + picture_bytes("JPEG", 30, 20)[:-2]

    assert _refusal(_upload("photo.jpg", content)).code == "invalid_image"


@pytest.mark.parametrize("fmt", FORMATS)
def test_images_with_markup_prepended_are_refused(fmt):
    error = _refusal(_upload(f"polyglot.{fmt.lower()}", PAGE + picture_bytes(fmt)))

    assert error.code == "invalid_image"


@pytest.mark.parametrize(
    "content",
    [
        gif_with_comment(SCRIPT),
        encode(noisy(), "JPEG", comment=b"<iframe src=https://evil.example/>"),
    ],
    ids=["gif-comment-script", "jpeg-comment-iframe"],
)
def test_images_with_markup_inside_their_metadata_are_refused(content):
    assert _refusal(_upload("polyglot", content)).code == "hidden_content"


def test_png_with_a_page_in_a_text_chunk_is_refused():
    text = PngInfo()
    text.add_text("Comment", PAGE.decode())

    assert _refusal(_upload("polyglot.png", encode(noisy(), "PNG", pnginfo=text))).code == "hidden_content"


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


def test_animation_whose_frames_add_up_past_the_pixel_limit_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 60 * 40 * 3  # each frame fits; four of them do not
    validate_image_file(_upload("three.gif", animated_gif(frames=3)))

    error = _refusal(_upload("four.gif", animated_gif(frames=4)))

    assert error.code == "too_many_pixels"
    assert "4 frames add up to 9,600 pixels" in error.messages[0]


def test_the_13_kb_png_that_decodes_to_108_megapixels_is_refused_with_default_settings():
    bomb = png_bomb()
    assert len(bomb) < 16 * 1024

    error = _refusal(_upload("bomb.png", bomb))

    assert error.code == "too_many_pixels"
    assert "10800 × 10000 pixels" in error.messages[0]


def test_pixel_count_is_checked_from_the_header_before_decoding(monkeypatch):
    # A header claiming 8000 × 8000 with no pixel data behind it: only the header can have been read.
    def must_not_decode(*args, **kwargs):
        raise AssertionError("the image was decoded before its pixel count was checked")

    monkeypatch.setattr(PILImage, "open", must_not_decode)
    monkeypatch.setattr(PILImage.Image, "load", must_not_decode)
    monkeypatch.setattr(PILImage.Image, "verify", must_not_decode)
    monkeypatch.setattr(PILImage.Image, "tobytes", must_not_decode)

    error = _refusal(_upload("huge.png", _png_header_only(8000, 8000)))

    assert error.code == "too_many_pixels"
    assert "8000 × 8000 pixels" in error.messages[0]


def test_damaged_pixel_data_behind_a_sound_structure_is_refused():
    # Every chunk in place and every checksum right, but the compressed pixels are not a zlib stream.
    header = png_chunk(b"IHDR", bytes.fromhex("0000000a0000000a") + b"\x08\x02\x00\x00\x00")
    content = b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IDAT", b"not zlib at all") + png_chunk(b"IEND", b"")

    assert _refusal(_upload("broken.png", content)).code == "invalid_image"
