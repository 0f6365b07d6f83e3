"""Library pictures placed in an article body, expanded at render time into responsive figures.

Two forms mark a library picture: the short embed code `<figure data-image="12"></figure>`, and
the figure the rich-text editor keeps, `<figure><img src="…" data-file="12">…</figure>` (what
its picture button places, static/js/prose-library-picture.js, so the picture also shows while
editing). Either way the picture,
caption and credit come from the library record, so a correction there shows everywhere.
"""

import re

from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from images.models import Image
from images.usage import Use

from .models import Article

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


def _markers(image_id):
    """The text each form of embed leaves in a stored body; the closing quote keeps 1 from matching 12."""
    return (f'data-file="{image_id}"', f'data-image="{image_id}"')


def image_uses(image_ids):
    """Articles that show these library pictures, in the body or as lead picture (images.usage finder).

    Body embeds are no foreign key, so the stored HTML is searched for their markers in one query;
    the bodies found are then read exactly, so a marker quoted as text is not taken for a picture.
    """
    image_ids = set(image_ids)
    in_body = Q()
    for image_id in image_ids:
        for marker in _markers(image_id):
            in_body |= Q(body__contains=marker)
    found = Article.objects.filter(in_body | Q(lead_image__in=image_ids)).only("pk", "title", "body", "lead_image")
    for article in found:
        url = reverse("admin:articles_article_change", args=[article.pk])
        embedded = embedded_image_ids(article.body) & image_ids
        for image_id in sorted(embedded | ({article.lead_image_id} & image_ids)):
            places = []
            if image_id == article.lead_image_id:
                places.append("lead picture")
            if image_id in embedded:
                places.append("in the body")
            yield Use(image_id=image_id, kind="article", label=article.title, how=" and ".join(places), url=url)
