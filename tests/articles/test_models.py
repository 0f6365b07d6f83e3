"""Article, Region, Theme and byline models: database constraints, URLs, names and derived columns."""

import datetime

import pytest
from django.db import IntegrityError
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import resolve

from articles import views
from articles.models import Article
from articles.models import ArticleAuthor
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [ArticleFactory, RegionFactory, ThemeFactory], ids=["article", "region", "theme"])
def test_duplicate_slug_is_refused_by_the_database(factory):
    factory(slug="same-slug")

    with pytest.raises(IntegrityError), transaction.atomic():
        factory(slug="same-slug")


def test_one_author_cannot_appear_twice_on_one_article():
    author = AuthorFactory()
    article = ArticleFactory(authors=[author])

    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleAuthor.objects.create(article=article, author=author, order=1)

    assert article.author_links.count() == 1


def test_the_same_author_may_sign_different_articles():
    author = AuthorFactory()
    ArticleFactory(authors=[author])
    ArticleFactory(authors=[author])

    assert author.articles.count() == 2


@pytest.mark.parametrize(
    ("factory", "view_name", "view_class"),
    [
        (ArticleFactory, "articles:detail", views.ArticleDetailView),
        (RegionFactory, "articles:region", views.ArchiveView),
        (ThemeFactory, "articles:theme", views.ArchiveView),
    ],
    ids=["article", "region", "theme"],
)
def test_absolute_url_resolves_to_the_objects_own_page(factory, view_name, view_class):
    obj = factory(slug="round-trip")

    match = resolve(obj.get_absolute_url())

    assert match.view_name == view_name
    assert match.func.view_class is view_class
    if view_class is views.ArchiveView:
        assert match.func.view_initkwargs["subject"].model is type(obj)
    assert match.kwargs == {"slug": "round-trip"}


def test_article_url_is_under_articles_and_its_slug():
    assert ArticleFactory(slug="colombia-run-off").get_absolute_url() == "/articles/colombia-run-off/"


def test_str_names_the_article_region_theme_and_byline_entry():
    author = AuthorFactory(name="Andrew Korybko")
    article = ArticleFactory(title="Latin America and the Globalization of NATO", authors=[author])

    assert str(article) == "Latin America and the Globalization of NATO"
    assert str(RegionFactory(name="Latin America & Caribbean")) == "Latin America & Caribbean"
    assert str(ThemeFactory(name="US NATO War Agenda")) == "US NATO War Agenda"
    assert str(article.author_links.get()) == "Andrew Korybko on Latin America and the Globalization of NATO"


def test_copyright_year_comes_from_the_original_publication_date_first():
    article = CrossPostFactory(
        original_published_on=datetime.date(2018, 6, 6),
        published_at=datetime.datetime(2020, 1, 2, 9, 0, tzinfo=datetime.UTC),
        copyright_year=None,
    )

    article.refresh_from_db()
    assert article.effective_copyright_year == 2018


def test_copyright_year_follows_a_corrected_original_date():
    article = CrossPostFactory(original_published_on=datetime.date(2018, 1, 1), copyright_year=None)
    article.original_published_on = datetime.date(2017, 12, 30)
    article.save()

    article.refresh_from_db()
    assert article.copyright_year is None
    assert article.effective_copyright_year == 2017


def test_copyright_year_falls_back_to_our_publication_date():
    article = ArticleFactory(
        original_published_on=None,
        published_at=datetime.datetime(2019, 3, 4, 9, 0, tzinfo=datetime.UTC),
        copyright_year=None,
    )

    article.refresh_from_db()
    assert article.effective_copyright_year == 2019


def test_copyright_year_set_by_the_editor_is_kept():
    article = CrossPostFactory(original_published_on=datetime.date(2018, 6, 6), copyright_year=2015)

    article.refresh_from_db()
    assert article.effective_copyright_year == 2015


def test_copyright_year_stays_empty_for_an_undated_draft():
    article = ArticleFactory(status="draft", published_at=None, copyright_year=None)

    article.refresh_from_db()
    assert article.copyright_year is None
    assert article.effective_copyright_year is None


def test_copyright_year_is_derived_when_a_draft_gets_its_publication_date():
    article = ArticleFactory(status="draft", published_at=None, copyright_year=None)
    article.published_at = datetime.datetime(2021, 5, 6, 9, 0, tzinfo=datetime.UTC)

    article.save(update_fields=["published_at"])
    article.refresh_from_db()

    assert article.effective_copyright_year == 2021


def test_deleting_a_source_used_by_an_article_is_refused():
    article = CrossPostFactory()
    source = article.source

    with pytest.raises(ProtectedError), transaction.atomic():
        source.delete()

    article.refresh_from_db()
    assert article.source == source


def test_deleting_an_unused_source_is_allowed():
    source = SourceFactory()

    source.delete()

    assert not type(source).objects.filter(pk=source.pk).exists()


def test_deleting_an_author_with_a_byline_is_refused():
    author = AuthorFactory()
    article = ArticleFactory(authors=[author])

    with pytest.raises(ProtectedError), transaction.atomic():
        author.delete()

    assert article.ordered_authors == [author]


def test_deleting_an_article_removes_its_byline_but_keeps_the_author():
    author = AuthorFactory()
    article = ArticleFactory(authors=[author])

    article.delete()

    assert not ArticleAuthor.objects.filter(author=author).exists()
    assert type(author).objects.filter(pk=author.pk).exists()


def test_deleting_the_lead_image_keeps_the_article_without_one():
    image = ImageFactory()
    article = ArticleFactory(lead_image=image)

    image.delete()

    article.refresh_from_db()
    assert article.lead_image is None


def test_ordered_authors_follow_the_order_field_not_insertion():
    first, second = AuthorFactory(name="First"), AuthorFactory(name="Second")
    article = ArticleFactory()
    ArticleAuthor.objects.create(article=article, author=second, order=2)
    ArticleAuthor.objects.create(article=article, author=first, order=1)

    assert Article.objects.get(pk=article.pk).ordered_authors == [first, second]
