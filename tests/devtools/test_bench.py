"""`make bench`'s own pieces: the ceiling view lives in the benchmark's URLs only."""

import importlib

import pytest
from django.urls import NoReverseMatch
from django.urls import reverse

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
    assert "devtools" not in production.INSTALLED_APPS


def test_the_benchmark_runs_production_like_settings(monkeypatch):
    monkeypatch.setenv("BENCH_PAGE_CACHE", "1")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    bench = importlib.reload(importlib.import_module("config.settings.bench"))
    assert bench.ROOT_URLCONF == "devtools.bench.urls" and bench.DEBUG is False
    assert bench.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert bench.DATABASES["default"]["CONN_MAX_AGE"] > 0  # persistent connections
    assert bench.DATABASES["default"]["NAME"].endswith("bench.sqlite3")  # never the development database
    assert bench.PAGE_CACHE is True
    # Every worker must share the page cache, as they share Redis in production.
    assert not bench.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def test_compare_reports_each_pages_growth_between_two_runs(capsys):
    from devtools.bench import compare

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
    from devtools.bench.run import table

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


def test_the_development_tools_are_installed_for_development_only(monkeypatch):
    local = importlib.reload(importlib.import_module("config.settings.local"))
    assert "devtools" in local.INSTALLED_APPS  # `make run` loads the demo content with them
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "example.org")
    monkeypatch.setenv("DATABASE_URL", "postgres://user@db:5432/crosspost")
    production = importlib.reload(importlib.import_module("config.settings.production"))
    assert "devtools" not in production.INSTALLED_APPS


def test_the_soak_fails_on_errors_a_replaced_worker_or_a_leak():
    from devtools.bench.run import soak_summary

    row = {
        "passed": False,
        "problems": ["non-2xx answers", "the workers' memory grew by 12.0% (limit 10%)"],
        "seconds": 60,
        "connections": 64,
        "pages": 160,
        "requests": 12000,
        "requests_per_second": 200.0,
        "p50_ms": 250.0,
        "p99_ms": 900.0,
        "errors": 3,
        "non_2xx": 3,
        "worker_rss_mb_before_and_after": [400.0, 448.0],
        "worker_memory_growth_percent": 12.0,
    }
    summary = soak_summary(row)
    assert "12,000 requests over 160 pages" in summary and "400.0 → 448.0 MB (+12.0 %)" in summary
    assert summary.endswith("FAILED: non-2xx answers; the workers' memory grew by 12.0% (limit 10%)")
    assert soak_summary(row | {"passed": True, "problems": []}).endswith(": passed")
    early = {"passed": False, "problems": ["pages that do not answer 200 before the soak: {'/': 500}"]}
    assert soak_summary(early) == "Soak: FAILED: pages that do not answer 200 before the soak: {'/': 500}"
