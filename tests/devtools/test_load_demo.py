"""Running `load_demo`: idempotent, on a new database or one loaded by an earlier version."""

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from articles.models import Article, ArticleAuthor
from devtools.demo import pictures, seed
from devtools.demo.articles import ARTICLES
from devtools.demo.loader import load_seed_article
from images.models import Image
from images.services import image_create

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
