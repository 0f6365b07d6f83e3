"""Every listing's rows come through an index: EXPLAIN over a generated corpus, on SQLite and PostgreSQL.

Each page is requested once (filling the listing's total and the home sections, which are kept
in the cache), then the queries of the next request, the one readers meet, are explained.
"""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from articles.models import Region
from articles.models import Theme
from attribution.models import Source
from authors.models import Author
from devtools import corpus
from tests.factories import publication_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

ARTICLE_TABLE = "articles_article"


@pytest.fixture
def generated():
    """A few thousand articles on PostgreSQL (enough for its planner to prefer its indexes), fewer on SQLite."""
    publication_settings()  # made before the first reader, as on a real site
    corpus.generate(2500 if connection.vendor == "postgresql" else 600, seed=1)  # generate() runs ANALYZE


def listing_urls():
    def first(model):
        return model.objects.filter(slug__startswith=corpus.PREFIX).order_by("pk").first()

    tagged = corpus.generated_articles().published().filter(tags__isnull=False).first().tags.first()
    return {
        "home": reverse("home"),
        "home, page 3": reverse("home") + "?page=3",
        "region": first(Region).get_absolute_url(),
        "theme": first(Theme).get_absolute_url(),
        "tag": reverse("articles:tag", kwargs={"slug": tagged.slug}),
        "author": first(Author).get_absolute_url(),
        "source": first(Source).get_absolute_url(),
        "search": reverse("articles:search") + "?q=grain+exports",
        "feed": reverse("articles:rss"),
    }


def article_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries if f'"{ARTICLE_TABLE}"' in query["sql"]]


def postgres_plan(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        return cursor.fetchone()[0][0]["Plan"]


def seq_scans(plan):
    """The tables a PostgreSQL plan reads whole."""
    found = [plan["Relation Name"]] if plan["Node Type"] == "Seq Scan" else []
    for child in plan.get("Plans", []):
        found += seq_scans(child)
    return found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_postgresql_reads_no_listing_or_search_by_scanning_the_article_table(client, generated):
    explained = 0
    for name, url in listing_urls().items():
        queries = article_queries(client, url)
        assert queries, name
        for sql in queries:
            plan = postgres_plan(sql)
            assert ARTICLE_TABLE not in seq_scans(plan), f"{name}:\n{sql}\n{json.dumps(plan, indent=1)}"
            if "@@" in sql:
                assert "article_search_vector_idx" in json.dumps(plan), f"search without its index:\n{plan}"
            explained += 1
    assert explained >= len(listing_urls())


def sqlite_plan(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [row[-1] for row in cursor.fetchall()]


def full_scans(plan):
    """SQLite's plan lines that read the article table row by row, without an index."""
    return [line for line in plan if line.startswith(f"SCAN {ARTICLE_TABLE}") and "INDEX" not in line]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_sqlite_reads_no_listing_by_scanning_the_article_table(client, generated):
    for name, url in listing_urls().items():
        for sql in article_queries(client, url):
            plan = sqlite_plan(sql)
            assert not full_scans(plan), f"{name}:\n{sql}\n{plan}"
            assert not any(line.startswith("USE TEMP B-TREE") for line in plan) or name not in (
                "home",
                "home, page 3",
                "feed",
                "source",
            ), f"{name} sorts its rows instead of reading them in order:\n{plan}"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_sqlite_serves_the_home_listing_from_an_index_with_bound_parameters(generated):
    """As Django sends it: with parameters, which keep SQLite from using a partial index."""
    listing = Article.objects.published().newest_first()[:20]
    sql, params = listing.query.sql_with_params()
    plan = sqlite_plan(sql, params)
    assert not full_scans(plan) and "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert any("article_recent_idx" in line for line in plan), plan
    upcoming = Article.objects.scheduled().order_by("published_at")[:1]
    sql, params = upcoming.query.sql_with_params()
    assert not full_scans(sqlite_plan(sql, params))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_sqlite_walks_the_date_index_for_a_subject_with_many_articles(client, generated, monkeypatch):
    from articles.views import ArchiveView

    urls = listing_urls()
    pages = {name: client.get(urls[name]).content for name in ("region", "theme", "tag", "author")}
    monkeypatch.setattr(ArchiveView, "walks_date_index", lambda view, filed: True)
    for name in ("region", "theme", "tag", "author"):
        assert client.get(urls[name]).content == pages[name], f"{name}: the same page either way"
        page_query = next(sql for sql in article_queries(client, urls[name]) if "LIMIT" in sql and "COUNT" not in sql)
        plan = sqlite_plan(page_query)
        if name in ("region", "theme"):
            assert "EXISTS" in page_query, page_query
            # Either date index (the partial one serves literal values, as EXPLAIN gets them here).
            assert any("recent_idx" in line and "USING INDEX article_" in line for line in plan), plan
            assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


@pytest.mark.parametrize(
    ("filed", "everything", "walks"),
    [
        (800, 10_000, True),
        (450, 10_000, True),
        (300, 10_000, False),
        (1_000, 100_000, False),
        (1_500, 100_000, True),
        (99, 100, False),
    ],
)
def test_sqlite_walks_the_date_index_once_a_subject_outweighs_the_sort(filed, everything, walks, monkeypatch, settings):
    """Walking reads about per_page × all ÷ subject rows, sorting all the subject's: walk past √(per_page × all)."""
    from articles import views

    settings.ARTICLES_PER_PAGE = 20
    monkeypatch.setattr(
        views, "remember", lambda name, compute, keys: everything if name == "count:published" else compute()
    )
    assert views.ArchiveView().walks_date_index(filed) is walks


def test_related_articles_are_ranked_from_the_newest_filed_alike_read_in_date_order(generated):
    """Counting what every article of a large archive shares with this one took over a second at 100,000
    articles; the pool of candidates is read newest first from the date index, and stops at its size."""
    from articles.views import more_and_related

    article = corpus.generated_articles().published().filter(regions__isnull=False).order_by("pk").first()
    with CaptureQueriesContext(connection) as captured:
        more_and_related(article)
    (pool,) = [query["sql"] for query in captured.captured_queries if "EXISTS" in query["sql"]]
    if connection.vendor == "postgresql":
        assert ARTICLE_TABLE not in seq_scans(postgres_plan(pool)), pool
    else:
        plan = sqlite_plan(pool)
        assert not full_scans(plan) and "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
