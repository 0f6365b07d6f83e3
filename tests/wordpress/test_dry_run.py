"""--dry-run reads and checks everything, reports what an import would do, and writes nothing."""

import pytest
from django.contrib.redirects.models import Redirect
from taggit.models import Tag
from taggit.models import TaggedItem

from articles.models import Article
from articles.models import ArticleAuthor
from articles.models import Region
from articles.models import Theme
from attribution.models import Source
from authors.models import Author
from images.models import Image
from wordpress_import.models import ImportRecord

from .conftest import counts

pytestmark = pytest.mark.django_db

MODELS = [Article, ArticleAuthor, Author, Region, Theme, Tag, TaggedItem, Source, Image, Redirect, ImportRecord]


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(str(path) for path in root.rglob("*") if path.is_file()) if root.exists() else []


def test_dry_run_writes_nothing_to_the_database_or_the_media_folder(import_site, settings):
    report = import_site(dry_run=True)
    assert {model.__name__: model.objects.count() for model in MODELS} == dict.fromkeys(
        (model.__name__ for model in MODELS), 0
    )
    assert stored_files(settings) == []
    assert "Dry run: nothing was written. An import would do this:" in report


def test_dry_run_reports_what_the_import_would_do(import_site):
    rehearsal = import_site(dry_run=True)
    real = import_site()
    assert counts(rehearsal) == counts(real)
    # The picture it checked (without storing it) counts as found: no "missing lead image" for its post.
    assert "attachment 201) is not in the image library" not in rehearsal
    assert "attachment 202) is not in the image library" in rehearsal


def test_dry_run_after_an_import_changes_nothing_and_reports_no_change(imported, import_site):
    before = {model.__name__: model.objects.count() for model in MODELS}
    updated = dict(Article.objects.values_list("pk", "updated_at"))
    report = import_site(dry_run=True)
    assert {model.__name__: model.objects.count() for model in MODELS} == before
    assert dict(Article.objects.values_list("pk", "updated_at")) == updated
    assert counts(report)["post"]["unchanged"] == 8
