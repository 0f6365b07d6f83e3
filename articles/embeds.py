"""Library pictures placed in an article body, expanded at render time into responsive figures.

Two forms mark a library picture: the short embed code `<figure data-image="12"></figure>`, and
the figure the rich-text editor keeps, `<figure><img src="…" data-file="12">…</figure>` (what
the image's embed code gives, so the picture also shows while editing). Either way the picture,
caption and credit come from the library record, so a correction there shows everywhere.
"""

import re

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from images.models import Image

EMBED_RE = re.compile(
    r'<figure data-image="(\d+)">\s*</figure>'
    r'|<figure>\s*<img\b[^>]*?\bdata-file="(\d+)"[^>]*>.*?</figure>',
    re.DOTALL,
)


def _image_id(match):
    return int(match.group(1) or match.group(2))


def embedded_image_ids(html):
    return {_image_id(match) for match in EMBED_RE.finditer(html or "")}


def images_for(html):
    """All pictures a body embeds, in one query (none when it embeds nothing)."""
    ids = embedded_image_ids(html)
    return Image.objects.in_bulk(ids) if ids else {}


def render_body(html, images):
    """The stored (already sanitised) body with each embed replaced by its captioned figure."""

    def replace(match):
        image = images.get(_image_id(match))
        if image is None:
            # A deleted picture leaves no broken box behind.
            return ""
        return render_to_string("includes/figure.html", {"image": image})

    # The body is sanitised on save; each figure comes from the auto-escaping include.
    return mark_safe(EMBED_RE.sub(replace, html or ""))  # noqa: S308  # nosec B308 B703 - sanitised body, escaped figures
