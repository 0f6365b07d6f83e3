"""Unsupported methods are refused everywhere; nothing leaks through errors or directory listings."""

import pytest
from django.conf.urls.static import static
from django.test import Client

from config import urls

pytestmark = pytest.mark.django_db
UNSUPPORTED = ["TRACE", "TRACK", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "PROPFIND", "MKCOL", "FOO"]


def test_every_route_answers_405_to_unsupported_methods(inventory, site_objects):
    reader, editor = Client(), Client()
    editor.force_login(site_objects["user"])
    answers = {}
    for path, signed_in in inventory:
        client = editor if signed_in else reader
        for method in UNSUPPORTED:
            response = client.generic(method, path, data="X-Probe: 1")
            if response.status_code != 405 or response["Allow"] != "GET, HEAD, POST":
                answers[f"{method} {path}"] = response.status_code
    assert answers == {}


def test_trace_does_not_echo_the_request(client):
    response = client.generic("TRACE", "/", HTTP_COOKIE="sessionid=secret-value")
    assert response.status_code == 405
    assert b"secret-value" not in response.content


def test_static_files_refuse_trace_too(client):
    assert client.get("/static/css/site.css").status_code == 200
    assert client.generic("TRACE", "/static/css/site.css").status_code == 405


def test_supported_methods_still_work(client, site_objects):
    article = site_objects["article"]
    assert client.get(article.get_absolute_url()).status_code == 200
    head = client.head(article.get_absolute_url())
    assert head.status_code == 200 and head.content == b""
    assert client.post("/republish/", {}).status_code == 200  # the form, with its errors


def test_a_server_error_shows_no_traceback_nor_settings(client, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError(f"secret internals {settings.SECRET_KEY}")

    settings.ROOT_URLCONF = type("U", (), {"urlpatterns": [path("boom/", broken), *urls.urlpatterns]})
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    for leak in (b"secret internals", b"Traceback", settings.SECRET_KEY.encode(), b"SECRET_KEY", b"site-packages"):
        assert leak not in response.content
    assert response["Content-Security-Policy"]


@pytest.fixture
def served_media(settings, tmp_path):
    """The URLconf `make run` uses (DEBUG: media served by Django's static() view), with one stored file."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "images" / "2026").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "2026" / "photo.png").write_bytes(b"\x89PNG fake")
    settings.DEBUG = True  # static() adds its pattern only then
    media = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    settings.DEBUG = False
    settings.ROOT_URLCONF = type("U", (), {"urlpatterns": [*urls.urlpatterns, *media]})
    return settings.MEDIA_ROOT


@pytest.mark.parametrize("folder", ["/media/", "/media/images/", "/media/images/2026/"])
def test_media_folders_are_never_listed(client, served_media, folder):
    assert client.get("/media/images/2026/photo.png").status_code == 200
    response = client.get(folder)
    assert response.status_code == 404
    assert b"photo.png" not in response.content and b"Index of" not in response.content


@pytest.mark.parametrize("folder", ["/media/", "/media/images/", "/static/", "/static/css/"])
def test_production_serves_no_folder_listing(client, folder):
    """In production Django serves no media (nginx or S3 do, without listings); static files come from whitenoise."""
    response = client.get(folder)
    assert response.status_code == 404
    # A listing would name what the folders hold; the site's 404 page links no admin stylesheet.
    for entry in (b"admin.css", b"Index of"):
        assert entry not in response.content
