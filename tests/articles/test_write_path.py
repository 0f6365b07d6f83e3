"""One write path (articles.services): whoever writes articles, one or many, gets the same stored result."""

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from articles import search
from articles.models import Article
from articles.models import ArticleAuthor
from articles.models import Status
from articles.services import Filing
from articles.services import article_save
from articles.services import articles_reindex
from articles.services import articles_write_many
from pagecache.store import clock
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db

UNSAFE_BODY = '<p>Harbour <a href="javascript:alert(1)">tariffs</a> rose.</p><script>alert("x")</script>'


def found(text):
    return list(search.search(Article.objects.all(), text))


def draft(slug, **values):
    defaults = {"title": f"Title of {slug}", "slug": slug, "status": Status.PUBLISHED, "body": UNSAFE_BODY}
    return Article(**defaults | values)


def test_a_bulk_write_stores_what_a_save_stores():
    author, region, theme = AuthorFactory(name="Wanjiru Achieng"), RegionFactory(), ThemeFactory()
    tag = ArticleFactory(tags=["Ports"]).tags.get()
    saved = article_save(article=draft("saved", original_url="https://www.Example.org/story/?utm_source=feed#top"))
    written = draft("written", original_url="https://www.Example.org/story/?utm_source=feed#top")

    created = articles_write_many(
        create=[written],
        filings=[(written, Filing(authors=[author.pk], regions=[region.pk], themes=[theme.pk], tags=[tag.pk]))],
    )

    assert created == [written] and written.pk
    stored = Article.objects.get(pk=written.pk)
    reference = Article.objects.get(pk=saved.pk)
    # The body is cleaned, its plain text and the original URL's key derived, as save() does.
    assert "<script" not in stored.body and "javascript:" not in stored.body
    assert (stored.body, stored.body_text, stored.original_url_key) == (
        reference.body,
        reference.body_text,
        reference.original_url_key,
    )
    assert stored.body_text == "Harbour tariffs rose." and stored.original_url_key == "example.org/story"
    assert stored.ordered_authors == [author]
    assert list(stored.regions.all()) == [region] and list(stored.themes.all()) == [theme]
    assert list(stored.tags.all()) == [tag]


@pytest.mark.skipif("not search.full_text_available()", reason="a database without a full-text index")
def test_a_bulk_write_keeps_the_search_index_current_names_included(django_capture_on_commit_callbacks):
    author = AuthorFactory(name="Oluwaseun Kiplagat")
    article = draft("indexed")
    with django_capture_on_commit_callbacks(execute=True):  # committed: the re-index task runs
        articles_write_many(create=[article], filings=[(article, Filing(authors=[author.pk]))])
    assert found("tariffs") == [article]
    assert found("Kiplagat") == [article]  # the byline is written before the index is

    article.body = "<p>Grain corridors instead.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        articles_write_many(update=[article], fields=["body"])

    assert found("corridors") == [article] and found("tariffs") == []
    assert found("Kiplagat") == [article]  # no Filing: the byline stays as it was


def test_a_bulk_update_stamps_the_time_and_leaves_unnamed_filings_alone():
    author = AuthorFactory()
    article = ArticleFactory(authors=[author], regions=[RegionFactory()])
    before = Article.objects.get(pk=article.pk).updated_at
    article.title = "A new title"

    articles_write_many(update=[article], fields=["title"], filings=[(article, Filing(regions=[]))])

    stored = Article.objects.get(pk=article.pk)
    assert stored.title == "A new title" and stored.updated_at > before
    assert stored.ordered_authors == [author]
    assert not stored.regions.exists()  # an empty list empties it; None would have left it


def test_every_write_tells_the_page_cache():
    tick = clock()
    articles_write_many(create=[draft("one")])
    assert clock() != tick

    tick = clock()
    article_save(article=draft("two"))
    assert clock() != tick

    tick = clock()
    articles_reindex()
    assert clock() != tick


def test_writing_nothing_tells_nobody():
    tick = clock()
    assert articles_write_many() == []
    assert clock() == tick


def test_a_bulk_write_is_a_few_statements_whatever_the_number_of_articles():
    authors = [AuthorFactory().pk for _ in range(3)]

    def statements(count, prefix):
        articles = [draft(f"{prefix}-{index}") for index in range(count)]
        with CaptureQueriesContext(connection) as captured:
            articles_write_many(create=articles, filings=[(article, Filing(authors=authors)) for article in articles])
        return len(captured)

    # Batches of rows (SQLite takes a few hundred values per statement), never a statement per row.
    few, many = statements(5, "few"), statements(50, "many")
    assert many - few <= 2, (few, many)


def test_saving_one_article_is_one_revision_with_its_byline_and_tags(editor):
    author = AuthorFactory(name="Ines Duarte")
    article = article_save(
        article=draft("revised"), authors=[author], tags=["Shipping"], user=editor, comment="Written by a test."
    )

    version = Version.objects.get_for_object(article).get()
    assert version.revision.user == editor and version.revision.comment == "Written by a test."
    kept = {v.content_type.model for v in version.revision.version_set.all()}
    assert {"article", "articleauthor", "taggeditem"} <= kept
    assert article.ordered_authors == [author] and list(article.tags.names()) == ["Shipping"]


def test_a_save_inside_an_open_revision_joins_it(editor):
    with reversion.create_revision():
        reversion.set_user(editor)
        article = article_save(article=draft("joined"))
        article_save(article=article, regions=[RegionFactory()])

    assert Version.objects.get_for_object(article).count() == 1


@pytest.mark.skipif("not search.full_text_available()", reason="a database without a full-text index")
def test_reindexing_finds_rows_written_as_they_were(django_capture_on_commit_callbacks):
    Article.objects.bulk_create([Article(title="Restored", slug="restored", body_text="Lithium tenders reopened.")])
    assert found("lithium") == []

    with django_capture_on_commit_callbacks(execute=True):
        articles_reindex()

    assert [article.slug for article in found("lithium")] == ["restored"]
    assert not ArticleAuthor.objects.exists()
