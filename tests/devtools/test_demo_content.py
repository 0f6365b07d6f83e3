"""`load_demo`: the demo publication `make run` serves."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from articles.embeds import embedded_image_ids
from articles.models import Article, ArticleAuthor, Region, Status, Theme
from attribution.models import PublicationSettings, Source
from authors.models import Author
from devtools.demo import generated
from devtools.demo.loader import GENERATED_ARTICLES
from images.models import Image

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


@pytest.fixture
def seed_article():
    _load_demo()
    return Article.objects.with_page_data().get(slug=SEED_SLUG)


def test_seed_article_has_its_title_and_is_published_on_its_site_date(seed_article):
    assert seed_article.title.startswith("Latin America and the Globalization of NATO")
    assert "Colombia" in seed_article.title
    assert seed_article.status == Status.PUBLISHED
    assert seed_article.published_at.astimezone(datetime.UTC).date() == datetime.date(2018, 6, 7)
    assert seed_article in Article.objects.published()


def test_seed_article_is_by_andrew_korybko_with_his_bio(seed_article):
    assert [author.name for author in seed_article.ordered_authors] == ["Andrew Korybko"]
    author = seed_article.ordered_authors[0]
    assert "political analyst" in author.short_bio
    assert "Moscow" in author.bio
    assert len(author.bio) > len(author.short_bio)


def test_seed_article_credits_oriental_review_with_original_url_and_date(seed_article):
    assert seed_article.source.name == "Oriental Review"
    assert seed_article.original_url == (
        "https://orientalreview.org/2018/06/06/latin-america-and-the-globalization-of-nato/"
    )
    assert seed_article.original_published_on == datetime.date(2018, 6, 6)
    assert seed_article.effective_copyright_year == 2018
    assert seed_article.is_cross_post


def test_seed_article_is_filed_under_its_region_and_themes(seed_article):
    assert [region.name for region in seed_article.regions.all()] == ["Latin America & Caribbean"]
    assert sorted(theme.name for theme in seed_article.themes.all()) == [
        "Militarization and WMD",
        "US NATO War Agenda",
    ]


def test_seed_article_embeds_the_captioned_duque_figure_with_alt_text(seed_article):
    (image_id,) = embedded_image_ids(seed_article.body)
    figure = Image.objects.get(pk=image_id)

    assert figure.embed_code in seed_article.body
    assert "Ivan Duque" in figure.alt_text
    assert "Ivan Duque" in figure.caption
    assert figure.credit
    assert figure.file.storage.exists(figure.file.name)
    assert (figure.width, figure.height) == (1200, 800)


def test_load_demo_also_generates_a_browsable_archive(seed_article):
    assert Article.objects.published().count() == GENERATED_ARTICLES + 1
    assert Author.objects.count() == 10 + 1
    assert Source.objects.count() == len(generated.SOURCES) + 1
    assert Region.objects.count() == len(generated.REGIONS) + 1
    assert Theme.objects.count() == len(generated.THEMES) + 2
    assert PublicationSettings.get_solo().site_name == "Crosspost Review"
    for article in Article.objects.exclude(pk=seed_article.pk).with_page_data():
        assert article.ordered_authors, f"{article} has no author"
        assert article.regions.all(), f"{article} has no region"
        assert article.themes.all(), f"{article} has no theme"
        assert article.tags.all(), f"{article} has no tag"


def test_load_demo_reports_where_the_seed_article_is():
    output = _load_demo()

    assert f"/articles/{SEED_SLUG}/" in output


def test_running_load_demo_twice_creates_no_duplicates(settings):
    _load_demo()
    counts = _row_counts()
    files = _media_files(settings)
    article_ids = set(Article.objects.values_list("pk", flat=True))

    _load_demo()

    assert _row_counts() == counts
    assert _media_files(settings) == files
    assert set(Article.objects.values_list("pk", flat=True)) == article_ids
    assert counts["images.Image"] == 1
    assert counts["articles.ArticleAuthor"] >= GENERATED_ARTICLES + 1
    assert counts["taggit.TaggedItem"] > 0


def test_running_load_demo_twice_keeps_the_seed_byline_and_figure():
    _load_demo()
    _load_demo()

    seed = Article.objects.get(slug=SEED_SLUG)
    assert list(ArticleAuthor.objects.filter(article=seed).values_list("author__name", flat=True)) == ["Andrew Korybko"]
    assert embedded_image_ids(seed.body) == {Image.objects.get().pk}
