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


def test_compare_reports_each_pages_growth_between_two_runs(capsys):
    from bench import compare

    def run(articles, article_p50, search_p50, one=True):
        def page(name, p50):
            row = {"page": name, "requests_per_second": 1000 / p50, "p50_ms": p50}
            return row | ({"p50_one_connection_ms": p50 / 4} if one else {})

        pages = [page("article", article_p50), page("search (two words)", search_p50), page("ceiling", 2.0)]
        return {"articles": articles, "pages": pages}

    rows = compare.compare(run(10_000, 10.0, 20.0), run(100_000, 11.0, 30.0))
    assert [(row["page"], row["p50_growth_percent"]) for row in rows] == [
        ("article", 10.0),
        ("search (two words)", 50.0),
        ("ceiling", 0.0),
    ]
    assert rows[0]["p50_one_connection_growth_percent"] == 10.0
    # The same pages on a machine twice as slow the second time: no growth in ceilings.
    slower = run(100_000, 20.0, 40.0)
    slower["pages"][2]["p50_ms"] = 4.0
    assert compare.compare(run(10_000, 10.0, 20.0), slower)[0]["p50_growth_in_ceilings_percent"] == 0.0
    # An older run without the one-connection column still compares.
    older = compare.compare(run(10_000, 10.0, 20.0, one=False), run(100_000, 11.0, 30.0))
    assert older[0]["p50_one_connection_growth_percent"] is None
    print(compare.table(run(10_000, 10.0, 20.0, one=False), run(100_000, 11.0, 30.0), older))
    assert "| article | 100 → 91 | 10.0 → 11.0 | +10.0 % | +10.0 % | None → 2.75 | – | – |" in capsys.readouterr().out


def test_the_table_sets_each_page_against_the_ceiling_under_load_and_alone():
    from bench.run import table

    def row(page, per_second, p50_alone):
        return {
            "page": page,
            "requests_per_second": per_second,
            "p50_ms": 10.0,
            "p99_ms": 20.0,
            "p50_one_connection_ms": p50_alone,
            "p99_one_connection_ms": 9.0,
            "errors": 0,
            "queries": 3,
            "bytes": 2048,
            "worker_peak_rss_mb": 80,
        }

    lines = table([row("article", 400, 4.0), row("ceiling", 1000, 2.0)]).splitlines()
    assert "× ceiling | × ceiling, 1 conn." in lines[0]
    assert lines[2].startswith("| article | 400 | 0.40 | 0.50 |")
    assert lines[3].startswith("| ceiling | 1,000 | 1.00 | 1.00 |")
