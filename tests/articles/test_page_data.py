"""What an article page and a card load with the article: the same rows, in the order readers see them, per article."""

import pytest
from django.db.models import Prefetch

from articles.models import Article
from articles.models import ArticleAuthor
from articles.models import Region
from articles.models import Theme
from articles.services import article_set_authors
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import RegionFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def reference(articles):
    """What the ORM's own prefetching gives for the same articles (the properties that read `shown` ask the
    database again for them: this is the answer, worked out the slow way)."""
    return Article.objects.filter(pk__in=[article.pk for article in articles]).prefetch_related(
        Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author").order_by("order", "pk")),
        Prefetch("regions", queryset=Region.objects.order_by("name", "pk")),
        Prefetch("themes", queryset=Theme.objects.order_by("name", "pk")),
        "tags",
    )


def shown(article):
    return {
        "authors": [(author.pk, author.name, author.short_bio) for author in article.ordered_authors],
        "regions": [(region.pk, region.name, region.slug) for region in article.region_list],
        "themes": [(theme.pk, theme.name, theme.slug) for theme in article.theme_list],
        "tags": [(tag.pk, tag.name, tag.slug) for tag in article.sorted_tags],
    }


@pytest.fixture
def articles():
    # Names out of id order, shared terms, byline order unlike creation order, and an article with nothing.
    regions = [RegionFactory(name=name) for name in ("Sahel", "Andes", "Balkans")]
    themes = [ThemeFactory(name=name) for name in ("Water", "Energy")]
    tags = TagFactory.create_batch(3)
    authors = AuthorFactory.create_batch(4)
    first = CrossPostFactory(authors=[authors[2], authors[0], authors[3]], regions=regions, themes=themes, tags=tags)
    second = CrossPostFactory(authors=[authors[1]], regions=regions[1:], themes=themes[:1], tags=tags[:1])
    bare = CrossPostFactory(authors=[], regions=[], themes=[], tags=[])
    return [first, second, bare]


def test_the_page_data_is_each_articles_own(articles, django_assert_num_queries):
    expected = {article.pk: shown(article) for article in reference(articles)}
    with django_assert_num_queries(5):  # the articles, then bylines, regions, themes and tags
        loaded = list(Article.objects.filter(pk__in=[a.pk for a in articles]).with_page_data())
    with django_assert_num_queries(0):
        assert {article.pk: shown(article) for article in loaded} == expected
        byline = [author.pk for author in loaded[0].ordered_authors]
    assert byline == [
        link.author_id for link in ArticleAuthor.objects.filter(article=loaded[0]).order_by("order", "pk")
    ]


def test_terms_come_by_name_and_bylines_in_their_order(articles):
    page = Article.objects.with_page_data().get(pk=articles[0].pk)
    assert [region.name for region in page.region_list] == ["Andes", "Balkans", "Sahel"]
    assert [theme.name for theme in page.theme_list] == ["Energy", "Water"]
    assert page.sorted_tags == sorted(page.tags.all(), key=lambda tag: (tag.name, tag.pk))
    article_set_authors(article=page, authors=list(reversed(page.ordered_authors)))
    again = Article.objects.with_page_data().get(pk=articles[0].pk)
    assert again.ordered_authors == list(reversed(page.ordered_authors))


def test_cards_load_only_what_cards_show(articles, django_assert_num_queries):
    with django_assert_num_queries(3):
        cards = list(Article.objects.filter(pk__in=[a.pk for a in articles]).with_card_data().order_by("pk"))
        assert [len(card.ordered_authors) for card in cards] == [3, 1, 0]
        assert [len(card.region_list) for card in cards] == [3, 2, 0]
    with django_assert_num_queries(1):  # themes were not asked for: an ordinary lazy query
        cards[0].theme_list[0]


def test_values_and_counts_are_left_alone(articles):
    queryset = Article.objects.filter(pk__in=[a.pk for a in articles]).with_page_data()
    assert {row["pk"] for row in queryset.values("pk")} == {a.pk for a in articles}
    assert queryset.count() == 3
    assert queryset.exists()


def test_an_empty_result_runs_no_more_queries(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert list(Article.objects.filter(pk=-1).with_page_data()) == []
