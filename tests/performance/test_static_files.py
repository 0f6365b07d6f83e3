"""Static files as production serves them: fingerprinted names, compressed copies, cached for a year."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture
def collected(settings, tmp_path):
    """Production's storage, after `collectstatic` into a temporary STATIC_ROOT, served by whitenoise alone."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STORAGE}}
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client()  # a new client builds its middleware, whitenoise's file list included, from these settings


def stylesheet_url(client):
    html = client.get("/").content.decode()
    return re.search(r'<link rel="stylesheet" href="(/static/css/site\.[0-9a-f]{12}\.css)">', html)[1]


def test_pages_link_fingerprinted_static_files(collected):
    ArticleFactory()
    assert stylesheet_url(collected)


def test_fingerprinted_files_are_cached_for_ever(collected):
    response = collected.get(stylesheet_url(collected))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control and "public" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control)[1]) >= 365 * 24 * 60 * 60


def test_fingerprinted_files_are_served_compressed(collected):
    response = collected.get(stylesheet_url(collected), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_a_file_under_its_plain_name_is_not_cached_for_ever(collected):
    response = collected.get("/static/css/site.css")
    assert response.status_code == 200 and "immutable" not in response.get("Cache-Control", "")


def test_reading_a_page_needs_no_script(client):
    article = ArticleFactory()
    for url in ("/", article.get_absolute_url()):
        html = client.get(url).content.decode()
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert all('type="application/ld+json"' in script for script in scripts), scripts
