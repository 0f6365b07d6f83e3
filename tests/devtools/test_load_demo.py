"""Running `load_demo`: idempotent, on a new database or one loaded by an earlier version."""

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from articles.models import ArticleAuthor
from articles.models import Region
from attribution.models import Source
from authors.models import Author
from devtools.demo import pictures
from devtools.demo import seed
from devtools.demo.articles import ARTICLES
from devtools.demo.loader import load_seed_article
from devtools.demo.loader import retire_first_demo
from images.models import Image
from images.services import image_create
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import PermissionRequestFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

SEED_SLUG = "colombia-run-off-nato-global-partnership"


def _load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _row_counts():
    """Rows in every table the project owns or fills, many-to-many link tables included.

    SQLite's full-text table too; PostgreSQL has none (its vectors are in the article rows).
    """
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in {"articles", "authors", "attribution", "images", "taggit"}
        and model._meta.db_table in tables
    }


def _media_files(settings):
    return sorted(path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def test_load_demo_reports_where_the_seed_article_is_and_running_it_twice_creates_no_duplicates(settings):
    output = _load_demo()
    counts = _row_counts()
    files = _media_files(settings)
    article_ids = set(Article.objects.values_list("pk", flat=True))

    _load_demo()

    assert f"/articles/{SEED_SLUG}/" in output
    assert _row_counts() == counts
    assert _media_files(settings) == files
    assert set(Article.objects.values_list("pk", flat=True)) == article_ids
    assert counts["articles.Article"] == counts["images.Image"] == len(ARTICLES) + 1
    # Every picture: its original and five renditions; every author: one portrait.
    assert len(files) == 6 * counts["images.Image"] + counts["authors.Author"]
    assert {Path(image.file.name).name for image in Image.objects.all()} <= {path.name for path in files}
    seed_article = Article.objects.get(slug=SEED_SLUG)
    assert list(ArticleAuthor.objects.filter(article=seed_article).values_list("author__name", flat=True)) == [
        "Andrew Korybko"
    ]
    assert seed_article.published_at == seed.SITE_DATE


def test_loading_replaces_the_old_pictogram_figure_of_the_seed_article(settings, django_capture_on_commit_callbacks):
    old = image_create(
        file=ContentFile(pictures.draw_abstract("old", motif="arcs"), name="old.jpg"),
        alt_text=seed.RETIRED_FIGURE_ALT_TEXT,
        caption="A news photograph that was never one.",
    )
    old_files = old.stored_names

    with django_capture_on_commit_callbacks(execute=True):
        load_seed_article()

    assert not Image.objects.filter(pk=old.pk).exists()
    assert not any((Path(settings.MEDIA_ROOT) / name).exists() for name in old_files)


def test_a_database_loaded_by_the_first_demo_loses_its_word_list_articles_and_cast():
    old_author, old_region = AuthorFactory(slug="maria-okafor"), RegionFactory(slug="usa")
    old_source = SourceFactory(slug="the-meridian-quarterly")
    ArticleFactory(slug="demo-001-how-trade-corridors-reshape-fisheries", authors=[old_author], regions=[old_region])
    ArticleFactory(slug="demo-002-how-ports-shift-prices", source=old_source)
    requested = ArticleFactory(slug="demo-003-how-grain-moves", authors=[AuthorFactory(slug="liam-kaur")])
    PermissionRequestFactory(article=requested)
    kept_author = AuthorFactory(slug="jonas-novak")
    editors_own = ArticleFactory(slug="demo-day-notes", authors=[kept_author], regions=[RegionFactory(slug="canada")])

    retire_first_demo()

    assert set(Article.objects.values_list("slug", flat=True)) == {requested.slug, editors_own.slug}
    assert not Author.objects.filter(slug="maria-okafor").exists()
    assert not Region.objects.filter(slug="usa").exists()
    assert not Source.objects.filter(slug="the-meridian-quarterly").exists()
    # What still has articles stays: an article a partner asked about, and an editor's own.
    assert set(Author.objects.values_list("slug", flat=True)) == {"liam-kaur", "jonas-novak"}
    assert Region.objects.filter(slug="canada").exists()
