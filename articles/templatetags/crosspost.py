import json

from django import template
from django.utils.safestring import mark_safe

from attribution.credits import byline_html, iso_datetime

from ..sanitizer import sanitize_html

register = template.Library()

# Characters that could end a <script> element or start a comment inside it.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A dict as a JSON-LD <script> element, safe to place in HTML."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308  # nosec B308 B703  # escaped above


@register.filter(expects_localtime=True)
def iso(value):
    """`{{ when|iso }}`: ISO 8601 to the second in the site's time zone, for `<time datetime>` and meta tags."""
    return iso_datetime(value) if value else ""


@register.filter
def absolute(url, request):
    """A path as a full URL on this site (a URL that is already absolute stays as it is)."""
    return request.build_absolute_uri(url) if url else ""


@register.simple_tag
def byline(authors):
    """`{% byline authors %}`: attribution.credits.byline_html. A tag, not an included template: an
    include cost more than the byline itself, and listings show one per card."""
    return byline_html(authors)


@register.filter
def clean_html(html):
    """Editors' HTML from outside the article form (flat pages), through the same sanitiser as article bodies."""
    return mark_safe(sanitize_html(html or ""))  # noqa: S308  # nosec B308 B703  # sanitised by nh3
