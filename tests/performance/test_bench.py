"""`make bench`'s own pieces: the ceiling view lives in the benchmark's URLs only."""

import importlib

import pytest
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db


def test_the_site_has_no_ceiling_view(client):
    with pytest.raises(NoReverseMatch):
        reverse("bench_ceiling", kwargs={"slug": "any"})
    assert client.get("/bench/ceiling/any/").status_code == 404


def test_production_routes_to_the_site_alone(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "example.org")
    monkeypatch.setenv("DATABASE_URL", "postgres://user@db:5432/crosspost")
    production = importlib.reload(importlib.import_module("config.settings.production"))
    assert production.ROOT_URLCONF == "config.urls"
    assert "bench" not in production.INSTALLED_APPS


def test_the_benchmark_runs_production_like_settings(monkeypatch):
    monkeypatch.setenv("BENCH_PAGE_CACHE", "1")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    bench = importlib.reload(importlib.import_module("config.settings.bench"))
    assert bench.ROOT_URLCONF == "bench.urls" and bench.DEBUG is False
    assert bench.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert bench.DATABASES["default"]["CONN_MAX_AGE"] > 0  # persistent connections
    assert bench.DATABASES["default"]["NAME"].endswith("bench.sqlite3")  # never the development database
    assert bench.PAGE_CACHE is True
    # Every worker must share the page cache, as they share Redis in production.
    assert not bench.CACHES["default"]["BACKEND"].endswith("LocMemCache")
