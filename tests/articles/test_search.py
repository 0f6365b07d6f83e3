import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="full-text search needs PostgreSQL")


def search(client, **params):
    response = client.get(reverse("articles:search"), params)
    assert response.status_code == 200
    return response


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select("article.card .card-title a")]


def test_finds_words_in_title_dek_and_body(client):
    ArticleFactory(title="Harbour concessions in the Baltic")
    ArticleFactory(title="Other", dek="A note on fisheries quotas")
    ArticleFactory(title="Third", body="<p>The <em>grain corridor</em> reopened.</p>")
    ArticleFactory(title="Unrelated")
    assert result_titles(search(client, q="harbour")) == ["Harbour concessions in the Baltic"]
    assert result_titles(search(client, q="fisheries")) == ["Other"]
    assert result_titles(search(client, q="corridor")) == ["Third"]


def test_drafts_withdrawn_and_future_articles_never_appear(client):
    ArticleFactory(title="Visible tariff story")
    ArticleFactory(title="Draft tariff story", status=Status.DRAFT)
    ArticleFactory(title="Withdrawn tariff story", status=Status.WITHDRAWN)
    ArticleFactory(
        title="Scheduled tariff story",
        status=Status.SCHEDULED,
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert result_titles(search(client, q="tariff")) == ["Visible tariff story"]


@pytest.mark.parametrize(
    "query",
    ["", "   ", "%", "_", "%_%", "100%", "a_b", '"', '"""', "-", "- -", "or", "OR OR", "!!!", "ü", "中文 搜索", "😀",
     "naïve café", "'; DROP TABLE articles_article; --", "\\", "x" * 200, "tariff\t", "tariff\r\n"],
)  # fmt: skip
def test_odd_queries_answer_200_and_leak_nothing(client, query):
    ArticleFactory(title="Visible tariff story")
    ArticleFactory(title="Draft tariff story", status=Status.DRAFT)
    response = search(client, q=query)
    assert b"Draft tariff story" not in response.content
    assert Article.objects.count() == 2


def test_a_nul_byte_in_the_query_is_a_bad_request(client):
    # config.middleware refuses it before the search (PostgreSQL would refuse it in the query).
    assert client.get(reverse("articles:search"), {"q": "tariff\x00"}).status_code == 400


def test_underscore_is_literal_not_a_wildcard(client):
    ArticleFactory(title="The snake_case debate")
    ArticleFactory(title="The snakeXcase debate")
    assert result_titles(search(client, q="snake_case")) == ["The snake_case debate"]


def test_too_long_query_gets_a_clear_message(client):
    response = search(client, q="word " * 100)
    assert b"at most 200 characters" in response.content
    assert result_titles(response) == []


def test_filters_by_region_theme_author_and_dates(client):
    region, theme, author = RegionFactory(slug="asia"), ThemeFactory(slug="energy"), AuthorFactory(slug="kim")
    now = timezone.now()
    ArticleFactory(title="Oil in Asia", regions=[region], published_at=now - datetime.timedelta(days=3))
    ArticleFactory(title="Oil and energy", themes=[theme], published_at=now - datetime.timedelta(days=40))
    ArticleFactory(title="Oil by Kim", authors=[author], published_at=now - datetime.timedelta(days=400))
    assert result_titles(search(client, q="oil", region="asia")) == ["Oil in Asia"]
    assert result_titles(search(client, q="oil", theme="energy")) == ["Oil and energy"]
    assert result_titles(search(client, q="oil", author="kim")) == ["Oil by Kim"]
    since = (now - datetime.timedelta(days=50)).date().isoformat()
    assert sorted(result_titles(search(client, q="oil", date_from=since))) == ["Oil and energy", "Oil in Asia"]
    until = (now - datetime.timedelta(days=10)).date().isoformat()
    assert sorted(result_titles(search(client, q="oil", date_to=until))) == ["Oil and energy", "Oil by Kim"]
    # Filters alone, without words, list what they select.
    assert result_titles(search(client, region="asia")) == ["Oil in Asia"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "oil", "region": "atlantis"}, b"Select a valid choice"),
        ({"q": "oil", "date_from": "yesterday"}, b"Enter a valid date"),
        ({"q": "oil", "date_from": "2020-02-30"}, b"Enter a valid date"),
        ({"q": "oil", "date_from": "2024-05-01", "date_to": "2024-04-01"}, b"on or after the start date"),
    ],
)
def test_bad_filters_are_explained_not_500(client, params, message):
    ArticleFactory(title="Oil")
    response = search(client, **params)
    assert message in response.content
    assert result_titles(response) == []


def test_results_are_highlighted_and_escaped(client):
    ArticleFactory(title="Pipelines", body="<p>Talks on the pipeline &lt;script&gt; route stalled in May.</p>")
    soup = BeautifulSoup(search(client, q="pipeline").content, "html.parser")
    snippet = soup.select_one(".snippet")
    assert snippet.find("mark") is not None
    assert "pipeline" in snippet.find("mark").get_text().lower()
    assert snippet.find("script") is None


def test_results_paginate_and_keep_the_query(client, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 2
    for number in range(5):
        ArticleFactory(title=f"Shipping lanes part {number}")
    soup = BeautifulSoup(search(client, q="shipping").content, "html.parser")
    next_link = soup.select_one('a[rel="next"]')["href"]
    assert "q=shipping" in next_link and "page=2" in next_link


def test_search_page_is_not_indexed(client):
    response = search(client, q="anything")
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("results", [1, 10])
def test_query_count_does_not_grow_with_results(client, django_assert_num_queries, results):
    authors = [AuthorFactory() for _ in range(3)]
    regions = [RegionFactory() for _ in range(3)]
    for _ in range(results):
        ArticleFactory(title="Monsoon forecasts", authors=authors, regions=regions)
    # Warm the caches: the publication settings, and the filter form's region and theme choices,
    # kept by the page cache's rules (the first request's creating the settings starts a new generation).
    for _ in range(2):
        client.get(reverse("articles:search"), {"q": "monsoon"})
    # the total + the page's ids, ranked + its articles with their plain texts + bylines + regions
    with django_assert_num_queries(5) as queries:
        response = client.get(reverse("articles:search"), {"q": "monsoon"})
    assert len(result_titles(response)) == results
    # Ranking reads every match: it carries ids, not cards, through the sort.
    (ranking,) = [
        query["sql"] for query in queries.captured_queries if "ORDER BY" in query["sql"] and "LIMIT" in query["sql"]
    ]
    assert '"title"' not in ranking.split(" FROM ")[0] and '"body_text"' not in ranking.split(" FROM ")[0]


def test_stems_english_words(client):
    ArticleFactory(title="Elections in the Andes")
    assert result_titles(search(client, q="election")) == ["Elections in the Andes"]
    assert result_titles(search(client, q="elected")) == ["Elections in the Andes"]


def test_ranks_title_over_dek_over_body(client):
    ArticleFactory(title="Body match", body="<p>sanctions</p>")
    ArticleFactory(title="Sanctions in the title")
    ArticleFactory(title="Dek match", dek="On sanctions.")
    assert result_titles(search(client, q="sanctions")) == ["Sanctions in the title", "Dek match", "Body match"]


def test_finds_author_and_source_names_and_follows_renames(client, django_capture_on_commit_callbacks):
    author = AuthorFactory(name="Wilhelmina Okonkwo")
    source = SourceFactory(name="Meridian Quarterly")
    ArticleFactory(title="Ports", authors=[author], source=source)
    assert result_titles(search(client, q="Okonkwo")) == ["Ports"]
    assert result_titles(search(client, q="Meridian")) == ["Ports"]
    author.name = "Wilhelmina Adebayo"
    with django_capture_on_commit_callbacks(execute=True):  # committed: its re-index task runs
        author.save()
    assert result_titles(search(client, q="Okonkwo")) == []
    assert result_titles(search(client, q="Adebayo")) == ["Ports"]


def test_index_follows_edits(client):
    article = ArticleFactory(title="Copper")
    article.title = "Cobalt"
    article.save()
    assert result_titles(search(client, q="copper")) == []
    assert result_titles(search(client, q="cobalt")) == ["Cobalt"]


def test_web_search_syntax(client):
    ArticleFactory(title="Grain exports", body="<p>grain prices rose while exports fell</p>")
    ArticleFactory(title="Grain prices", body="<p>prices of grain</p>")
    ArticleFactory(title="Fertiliser", body="<p>nothing else</p>")
    assert result_titles(search(client, q='"grain exports"')) == ["Grain exports"]
    assert result_titles(search(client, q="grain -exports")) == ["Grain prices"]
    assert sorted(result_titles(search(client, q="exports or fertiliser"))) == ["Fertiliser", "Grain exports"]


@postgres_only
def test_postgres_search_uses_the_stored_vector_index(client):
    ArticleFactory(title="Indexed")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        # Nor walk a whole date index (article_recent_idx) row by row: on one row it looks as cheap.
        cursor.execute("SET LOCAL enable_indexscan = off")
        queryset = Article.objects.published().filter(search_vector="indexed")
        from django.contrib.postgres.search import SearchQuery

        queryset = Article.objects.filter(
            search_vector=SearchQuery("indexed", search_type="websearch", config="english")
        )
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_search_vector_idx" in plan


@postgres_only
def test_postgres_rank_vector_is_the_heading_and_follows_renames(django_capture_on_commit_callbacks):
    author = AuthorFactory(name="Ngozi Adeyemi")
    article = ArticleFactory(title="Cobalt supply", dek="Mines and markets.", authors=[author], body="<p>lithium</p>")
    rank_vector = Article.objects.values_list("rank_vector", flat=True).get(pk=article.pk)
    assert {"cobalt", "suppli", "mine", "market", "ngozi", "adeyemi"} <= set(re.findall(r"'(\w+)'", rank_vector))
    assert "lithium" not in rank_vector  # the body is matched, never ranked
    author.name = "Ngozi Okafor"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()
    assert "okafor" in Article.objects.values_list("rank_vector", flat=True).get(pk=article.pk)


def test_snippet_comes_from_where_the_words_are_in_a_long_body(client):
    filler = " ".join(f"filler{index}" for index in range(3000))
    ArticleFactory(title="Railways", body=f"<p>{filler} Investing in railways pays. {filler}</p>")
    snippet = BeautifulSoup(search(client, q="railway investment").content, "html.parser").select_one(".snippet")
    assert "<mark>Investing</mark> in <mark>railways</mark> pays" in str(snippet)
    assert len(snippet.get_text()) < 300


def test_snippet_marks_words_by_their_stems(client):
    ArticleFactory(title="Budgets", body="<p>Several policies changed; the policy that mattered was fiscal.</p>")
    snippet = BeautifulSoup(search(client, q="policy").content, "html.parser").select_one(".snippet")
    assert [mark.get_text() for mark in snippet.find_all("mark")] == ["policies", "policy"]


def test_snippet_marks_whole_words_and_escapes_everything_else():
    from articles.search import highlight
    from articles.search import lexemes

    assert highlight("Rail & railways <b>", ["rail"]) == "<mark>Rail</mark> &amp; <mark>railways</mark> &lt;b&gt;"
    assert highlight("derailed", ["rail"]) == "derailed"
    assert lexemes("'railway' & !'invest' | 'o''brien'") == ["railway", "o'brien"]


def test_snippet_of_a_heading_match_is_the_start_of_the_body(client):
    ArticleFactory(title="Zanzibar cloves", body="<p>Opening sentence of the body. " + "More. " * 500 + "</p>")
    html = search(client, q="zanzibar").content.decode()
    assert "Opening sentence of the body." in html


def test_filter_choices_follow_a_renamed_region(client):
    region = RegionFactory(name="Sahel")
    ArticleFactory(title="Monsoon forecasts", regions=[region])
    assert ">Sahel</option>" in search(client, q="monsoon").content.decode()
    region.name = "Western Sahel"
    region.save()
    html = search(client, q="monsoon").content.decode()
    assert ">Western Sahel</option>" in html and ">Sahel</option>" not in html
    filtered = search(client, q="monsoon", region=region.slug)
    assert result_titles(filtered) == ["Monsoon forecasts"]
    assert f'<option value="{region.slug}" selected>Western Sahel</option>' in filtered.content.decode()


def test_pages_of_results_carry_their_total_and_a_page_past_the_end_is_not_found(client):
    for index in range(25):
        ArticleFactory(title=f"Monsoon report {index}")
    first = search(client, q="monsoon")
    assert first.context["paginator"].count == 25 and len(result_titles(first)) == 10  # ten a page
    third = search(client, q="monsoon", page=3)
    assert third.context["page_obj"].number == 3 and len(result_titles(third)) == 5
    for missing in ("4", "99", "x", "-1", "0", "1000000000000000000"):
        response = client.get(reverse("articles:search"), {"q": "monsoon", "page": missing})
        assert response.status_code == 404, missing
    padded = client.get(reverse("articles:search"), {"q": "monsoon", "page": "002"})
    assert padded.status_code == 301 and padded["Location"] == reverse("articles:search") + "?q=monsoon&page=2"
    first_page = client.get(reverse("articles:search"), {"q": "monsoon", "page": "1"})
    assert first_page.status_code == 301 and first_page["Location"] == reverse("articles:search") + "?q=monsoon"
    assert search(client, q="nothing-matches-this").context["paginator"].count == 0


def test_index_follows_source_renames_bylines_and_deletions(client, django_capture_on_commit_callbacks):
    from articles.services import article_set_authors

    source = SourceFactory(name="Meridian Quarterly")
    article = ArticleFactory(title="Ports", source=source, authors=[AuthorFactory(name="Ama Owusu")])
    source.name = "Littoral Review"
    with django_capture_on_commit_callbacks(execute=True):
        source.save()
    assert result_titles(search(client, q="Meridian")) == []
    assert result_titles(search(client, q="Littoral")) == ["Ports"]
    article_set_authors(article=article, authors=[AuthorFactory(name="Kwame Boateng")])
    assert result_titles(search(client, q="Owusu")) == []
    assert result_titles(search(client, q="Boateng")) == ["Ports"]
    article.delete()
    assert result_titles(search(client, q="Littoral")) == []


sqlite_only = pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's FTS5 table")


def index_rows():
    from articles.search import SQLITE_TABLE

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, title, dek, names, body FROM {SQLITE_TABLE} ORDER BY rowid")  # noqa: S608
        return [(pk, title, dek, sorted(names.split()), body) for pk, title, dek, names, body in cursor.fetchall()]


@sqlite_only
def test_sqlite_finds_matches_through_its_full_text_table_not_a_scan(client):
    from articles import search as article_search

    ArticleFactory(title="Indexed")
    queryset = article_search.search(Article.objects.published(), "indexed")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert any(line.startswith("SCAN articles_article_fts VIRTUAL TABLE") for line in plan), plan
    assert not any(line.startswith("SCAN articles_article") and "fts" not in line for line in plan), plan
    assert "LIKE" not in sql


@sqlite_only
def test_sqlite_index_holds_one_row_per_article_with_its_names_and_text():
    author = AuthorFactory(name="Ngozi Adeyemi")
    source = SourceFactory(name="Meridian Quarterly")
    article = ArticleFactory(
        title="Cobalt", dek="Mines.", authors=[author], source=source, body="<p>Lithium &amp; <b>nickel</b></p>"
    )
    ArticleFactory(
        title="Draft", status=Status.DRAFT
    )  # drafts are indexed too; `published()` keeps them out of results
    rows = index_rows()
    assert len(rows) == Article.objects.count() == 2
    assert rows[0] == (
        article.pk,
        "Cobalt",
        "Mines.",
        ["Adeyemi", "Meridian", "Ngozi", "Quarterly"],
        "Lithium & nickel",
    )


@sqlite_only
def test_sqlite_migration_fills_the_index_as_the_running_site_does():
    """Migration 0009 indexes the articles a database already has with its own (frozen) SQL: the same rows."""
    import importlib

    from articles.search import SQLITE_TABLE

    migration = importlib.import_module("articles.migrations.0009_sqlite_full_text")
    ArticleFactory(
        title="Cobalt",
        authors=[AuthorFactory(name="Ngozi Adeyemi"), AuthorFactory(name="Ama Owusu")],
        source=SourceFactory(name="Meridian"),
    )
    ArticleFactory(title="No names", source=None, authors=[])
    by_the_site = index_rows()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SQLITE_TABLE}")  # noqa: S608
        cursor.execute(migration.CREATE[-1])
    assert index_rows() == by_the_site


@sqlite_only
def test_sqlite_generated_corpus_is_indexed_and_removed_with_it():
    from devtools import corpus

    corpus.generate(30, seed=3)
    assert len(index_rows()) == Article.objects.count() == 30
    corpus.remove_generated()
    assert index_rows() == []


@pytest.mark.parametrize(
    ("typed", "fts5"),
    [
        ("grain exports", '("grain") AND ("exports")'),
        ('"grain exports" prices', '("grain exports") AND ("prices")'),
        ("grain -exports", '(("grain")) NOT ("exports")'),
        ('grain -"export duties" -tariffs', '(("grain")) NOT ("export duties" OR "tariffs")'),
        ("exports or fertiliser", '("exports" OR "fertiliser")'),
        ("OR grain", '("grain")'),
        ("snake_case", '("snake_case")'),
        ("U.S. trade", '("U S") AND ("trade")'),
        ('NEAR(a b) title:x col* "quoted', '("NEAR a") AND ("b") AND ("title x") AND ("col") AND ("quoted")'),
        ("-only -exclusions", ""),
        ("%_% !!! - ''", ""),
        ("😀", ""),
    ],
)
def test_fts5_query_reads_web_search_syntax_and_quotes_every_word(typed, fts5):
    from articles.search import SQLITE_TABLE
    from articles.search import fts5_query

    assert fts5_query(typed) == fts5
    if fts5 and connection.vendor == "sqlite":  # and FTS5 takes it
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s", [fts5])  # noqa: S608


@sqlite_only
def test_sqlite_rebuild_leaves_nothing_of_the_old_index():
    from articles.search import SQLITE_TABLE
    from articles.search import rebuild_search_index

    article = ArticleFactory(title="Kept")
    with connection.cursor() as cursor:  # a row whose article is long gone (a raw delete, a restore)
        row = "(rowid, title, dek, names, body) VALUES (999999, 'Gone', '', '', '')"
        cursor.execute(f"INSERT INTO {SQLITE_TABLE} {row}")  # noqa: S608
    rebuild_search_index()
    assert [row[:2] for row in index_rows()] == [(article.pk, "Kept")]


def test_renaming_a_source_or_author_refreshes_their_articles_without_listing_each_id(
    client, django_capture_on_commit_callbacks
):
    """A source of tens of thousands of articles must not become tens of thousands of bound parameters."""
    from django.test.utils import CaptureQueriesContext

    source, author = SourceFactory(name="Meridian"), AuthorFactory(name="Ama Owusu")
    articles = [ArticleFactory(title=f"Ports {index}", source=source, authors=[author]) for index in range(40)]
    for record, new_name in ((source, "Littoral"), (author, "Ama Boateng")):
        record.name = new_name
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
            record.save()
        id_lists = [
            re.findall(r"IN \(((?:%s|\d+)(?:, (?:%s|\d+))*)\)", query["sql"]) for query in queries.captured_queries
        ]
        assert max((item.count(",") + 1 for found in id_lists for item in found), default=0) < len(articles)
    assert len(result_titles(search(client, q="Littoral Boateng"))) == 10  # a page of the forty


def test_rebuild_search_index_command_indexes_what_was_changed_behind_djangos_back(client):
    from io import StringIO

    from django.core.management import call_command

    article = ArticleFactory(title="Copper")
    Article.objects.filter(pk=article.pk).update(title="Cobalt")  # an UPDATE: no signal, no refresh
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert f"Indexed 1 article on {connection.vendor}" in out.getvalue()
    assert result_titles(search(client, q="cobalt")) == ["Cobalt"]
    assert result_titles(search(client, q="copper")) == []


def test_porter_stems_are_the_ones_sqlites_index_keeps():
    from articles.search import porter_stems

    assert porter_stems(["Elections", "investment", "policies", "Café", "naïve"]) == [
        "elect",
        "invest",
        "polici",
        "cafe",
        "naiv",
    ]
