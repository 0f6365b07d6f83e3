"""Upload checks: an image is judged by its content, never by its name."""

import io
import struct
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage

from . import formats

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")

NOT_AN_IMAGE = "This file is not a JPEG, PNG, WebP or GIF image, or it is damaged."
HIDDEN_CONTENT = (
    "This file carries something besides the picture (web-page code, or data after the end of the "
    "picture; some phones add a video clip there). Open it in an image editor, export it again and "
    "upload the exported file."
)

# What Pillow may raise on a file that lies about itself; anything else is a bug worth a traceback.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError, struct.error)


@dataclass(frozen=True)
class Inspection:
    """An upload that passed every check: its bytes and what its blocks say."""

    data: bytes
    structure: formats.Structure

    @property
    def format(self):
        return self.structure.format


def max_bytes():
    return settings.IMAGE_MAX_BYTES


def max_pixels():
    return settings.IMAGE_MAX_PIXELS


def inspect_image(upload):
    """Read `upload` and check it from its bytes alone; raise ValidationError saying what is wrong.

    Order matters: the size, the format and the pixel count are read from headers before anything
    is decoded, so a decompression bomb is refused for what it claims, not after it has exploded.
    """
    limit = max_bytes()
    if upload.size > limit:
        raise _too_large(upload.size, limit)
    data = _read(upload, limit + 1)
    if len(data) > limit:
        raise _too_large(len(data), limit)

    fmt = formats.sniff(data)
    if fmt is None:
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image")
    try:
        structure = formats.read_structure(data, fmt)
    except formats.Damaged:
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from None
    _check_pixels(structure)
    try:
        hidden = formats.trailing_bytes(data, structure) or formats.has_markup(data)
    except formats.Damaged:  # a second JPEG after the first, cut short
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from None
    if hidden:
        raise ValidationError(HIDDEN_CONTENT, code="hidden_content")
    _check_decodes(data, structure)
    return Inspection(data=data, structure=structure)


def validate_image_file(upload):
    """Refuse anything that is not a sound, reasonably sized JPEG, PNG, WebP or GIF."""
    if getattr(upload, "_committed", False):
        # Already in the library: it was checked, and cleaned, on its way in.
        return
    inspect_image(upload)


def _read(upload, count):
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        return upload.read(count)
    finally:
        upload.seek(position)


def _too_large(size, limit):
    return ValidationError(
        "This file is %(size)s; images may be at most %(limit)s.",
        code="too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
    )


def _check_pixels(structure):
    limit = max_pixels()
    if structure.width * structure.height > limit:
        raise ValidationError(
            "This image is %(width)s × %(height)s pixels; images may have at most %(limit)s pixels in all.",
            code="too_many_pixels",
            params={"width": structure.width, "height": structure.height, "limit": f"{limit:,}"},
        )
    if structure.decoded_pixels > limit:
        raise ValidationError(
            "This animation's %(frames)s frames add up to %(pixels)s pixels; images may have at most "
            "%(limit)s pixels in all.",
            code="too_many_pixels",
            params={"frames": structure.frames, "pixels": f"{structure.decoded_pixels:,}", "limit": f"{limit:,}"},
        )


def _check_decodes(data, structure):
    """Pillow, limited to the one format the bytes announce, must agree on the size and decode it."""
    try:
        with PILImage.open(io.BytesIO(data), formats=[structure.format]) as image:
            if image.size != (structure.width, structure.height):
                raise ValueError("header and decoder disagree on the size")
            image.load()
    except (*_DECODE_ERRORS, PILImage.DecompressionBombError):
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from None
