"""Pictures placed in an article body by embed code, expanded with their caption at render time."""

import re

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from images.models import Image

EMBED_RE = re.compile(r'<figure data-image="(\d+)">\s*</figure>')


def embedded_image_ids(html):
    return {int(pk) for pk in EMBED_RE.findall(html or "")}


def images_for(html):
    """All pictures a body embeds, in one query (none when it embeds nothing)."""
    ids = embedded_image_ids(html)
    return Image.objects.in_bulk(ids) if ids else {}


def render_body(html, images):
    """The stored (already sanitised) body with each embed replaced by its captioned figure."""

    def replace(match):
        image = images.get(int(match.group(1)))
        if image is None:
            # A deleted picture leaves no broken box behind.
            return ""
        return render_to_string("includes/figure.html", {"image": image})

    # The body is sanitised on save; each figure comes from the auto-escaping include.
    return mark_safe(EMBED_RE.sub(replace, html or ""))  # noqa: S308  # nosec B308 B703 - sanitised body, escaped figures
