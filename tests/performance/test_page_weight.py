"""An article page weighs under 100 KB without its pictures: its HTML and every stylesheet and script it loads.

Measured on the demo's longest article as a reader's first visit gets it (nothing cached), uncompressed.
"""

import re

import pytest
from django.contrib.staticfiles import finders
from django.db.models.functions import Length

from articles.models import Article
from devtools.demo.loader import load_demo_content

pytestmark = pytest.mark.django_db

LIMIT = 100 * 1024


def test_an_article_page_without_its_pictures_weighs_under_100_kb(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_demo_content()
    longest = Article.objects.published().order_by(Length("body").desc()).first()

    html = client.get(longest.get_absolute_url()).content
    assets = re.findall(rb'<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="/static/([^"]+)"', html)
    sizes = {asset.decode(): len(open(finders.find(asset.decode()), "rb").read()) for asset in assets}  # noqa: SIM115

    assert b"<script src" not in html, "the page needs no JavaScript"
    assert "css/site.css" in sizes
    total = len(html) + sum(sizes.values())
    assert total < LIMIT, f"{total / 1024:.0f} KB: HTML {len(html) / 1024:.0f} KB, {sizes}"
