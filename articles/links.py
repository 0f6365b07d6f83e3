"""Addresses of the site's pages without a full `reverse()` for each link.

A page links to dozens of articles, authors, regions, themes and tags, and `reverse()` walks the
URL resolver, checks and quotes every argument each time (about 40 µs a link: a fifth of the
article page's time before this). Each named address is reversed once per URL configuration, with
a marker in place of the slug, and the real slug put in its place after. A slug the slug converter
would refuse still goes through `reverse()`, which raises `NoReverseMatch` as before.
"""

import re

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

MARKER = "slug-marker-0"
SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # django.urls.converters.SlugConverter.regex
_patterns = {}


def url_for(name, slug=None):
    """`reverse(name)`, or `reverse(name, kwargs={"slug": slug})`, remembered per URL configuration."""
    key = (name, slug is None, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    pattern = _patterns.get(key)
    if pattern is None:
        pattern = _patterns[key] = reverse(name) if slug is None else reverse(name, kwargs={"slug": MARKER})
    if slug is None:
        return pattern
    if not SLUG.fullmatch(slug):
        return reverse(name, kwargs={"slug": slug})
    return pattern.replace(MARKER, slug, 1)


@receiver(setting_changed)
def _forget_patterns(*, setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _patterns.clear()
