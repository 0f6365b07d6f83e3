"""Upload checks: an image is judged by its content, never by its name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")


def max_bytes():
    return getattr(settings, "IMAGE_MAX_BYTES", 10 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "IMAGE_MAX_PIXELS", 40_000_000)


def validate_image_file(upload):
    """Refuse anything that is not a reasonably sized JPEG, PNG, WebP or GIF."""
    if upload.size > max_bytes():
        raise ValidationError(
            "This file is %(size)s; images may be at most %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        # Reading the header only: the pixel count is checked before anything is decoded.
        with PILImage.open(upload, formats=ALLOWED_FORMATS) as image:
            width, height = image.size
            if width * height > max_pixels():
                raise ValidationError(
                    "This image is %(width)s × %(height)s pixels; images may have at most %(limit)s pixels in all.",
                    code="too_many_pixels",
                    params={"width": width, "height": height, "limit": f"{max_pixels():,}"},
                )
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, PILImage.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            "This file is not a JPEG, PNG, WebP or GIF image, or it is damaged.", code="invalid_image"
        ) from None
    finally:
        upload.seek(position)
