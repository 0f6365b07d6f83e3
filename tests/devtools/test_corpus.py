"""`generate_content`: a realistic corpus, the same for the same seed, written in bulk, removable alone."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from articles import search
from articles.models import LIVE_STATUSES
from articles.models import Article
from articles.models import ArticleAuthor
from articles.models import Status
from articles.models import html_to_text
from articles.original_urls import normalise_url
from attribution.models import Source
from authors.models import Author
from devtools import corpus
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def fingerprint():
    """What readers would see of the generated corpus, scheduled times aside (they follow the clock)."""
    rows = []
    for article in corpus.generated_articles().order_by("slug").prefetch_related("author_links__author", "tags"):
        rows.append(
            (
                article.slug,
                article.title,
                article.body,
                article.status,
                None if article.status == Status.SCHEDULED else article.published_at,
                article.original_url,
                tuple(author.name for author in article.ordered_authors),
                tuple(sorted(tag.name for tag in article.tags.all())),
                tuple(sorted(article.regions.values_list("name", flat=True))),
            )
        )
    return rows


def test_the_same_seed_gives_the_same_corpus():
    corpus.generate(40, seed=7)
    first = fingerprint()
    corpus.remove_generated()
    corpus.generate(40, seed=7)
    assert fingerprint() == first
    corpus.remove_generated()
    corpus.generate(40, seed=8)
    assert fingerprint() != first


def test_the_corpus_looks_like_a_real_publication():
    report = corpus.generate(400, seed=1)
    articles = list(corpus.generated_articles().prefetch_related("author_links", "regions", "themes", "tags"))

    assert len(articles) == report.articles == 400
    assert Author.objects.filter(slug__startswith=corpus.PREFIX).count() == 40  # one author per ten articles
    statuses = Counter(article.status for article in articles)
    assert statuses[Status.PUBLISHED] > 300
    assert statuses[Status.DRAFT] and statuses[Status.SCHEDULED], statuses
    cross_posts = [article for article in articles if article.source_id]
    assert 0.4 < len(cross_posts) / len(articles) < 0.8
    for article in articles:
        orders = [link.order for link in article.author_links.all()]
        assert orders == list(range(len(orders))) and 1 <= len(orders) <= 4
        assert 800 <= len(article.body_text.split()) <= 2000
        # Filled as Article.save() fills them, though bulk_create never calls it.
        assert article.body_text == html_to_text(article.body)
        assert article.original_url_key == normalise_url(article.original_url)
        assert article.tags.all()
        if article.status in LIVE_STATUSES:
            assert article.regions.all() or article.themes.all()
        if article.source_id:
            assert article.original_url and article.original_published_on
    assert {len(article.author_links.all()) for article in articles} == {1, 2, 3, 4}


def test_generated_articles_are_on_the_site(client):
    client.get(reverse("home"))  # cached before the corpus arrives
    corpus.generate(30, seed=1)
    newest = corpus.generated_articles().published().newest_first().first()

    assert newest.title in client.get(reverse("home")).content.decode()
    page = client.get(newest.get_absolute_url()).content.decode()
    assert newest.ordered_authors[0].name in page


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="search vectors exist on PostgreSQL only")
def test_search_vectors_are_filled_by_one_update_and_match_a_save():
    corpus.generate(30, seed=1)
    article = corpus.generated_articles().published().first()
    vectors = Article.objects.values_list("search_vector", "rank_vector")
    generated = vectors.get(pk=article.pk)
    assert generated[1] and len(generated[1]) < len(generated[0])  # the heading alone
    article.save()  # the vectors as the per-article refresh computes them
    assert vectors.get(pk=article.pk) == generated
    author = article.ordered_authors[0]
    found = search.search(Article.objects.published(), author.name)
    assert article in found


def test_writing_is_in_bulk_whatever_the_size():
    def queries(count):
        corpus.remove_generated()
        with CaptureQueriesContext(connection) as captured:
            corpus.generate(count, seed=1)
        return len(captured)

    # Inserts are batched (SQLite takes a few hundred rows per statement): never one per row.
    small, large = queries(20), queries(400)
    assert large < 60 and large - small < 30, (small, large)


def test_reset_removes_generated_content_and_nothing_else():
    own_author = AuthorFactory(name="Our own author")
    own = ArticleFactory(title="Our own article", authors=[own_author], regions=[RegionFactory()], tags=["Kenya"])
    corpus.generate(50, seed=1)
    generated_source = Source.objects.filter(slug__startswith=corpus.PREFIX).first()
    # An editor files their own article under a generated source: that source must stay.
    own.source = generated_source
    own.save()

    removed = corpus.remove_generated()

    assert removed["articles"] == 50
    assert not corpus.generated_articles().exists()
    assert list(Article.objects.all()) == [own]
    assert Author.objects.get() == own_author and list(own.tags.names()) == ["Kenya"]
    assert Source.objects.get() == generated_source
    assert not ArticleAuthor.objects.exclude(article=own).exists()
    assert Tag.objects.filter(slug__startswith=corpus.PREFIX).count() == 0


def test_the_command_reports_its_time_and_refuses_to_pile_up():
    out = io.StringIO()
    call_command("generate_content", articles=25, seed=2, stdout=out, stderr=io.StringIO())
    assert "Generated 25 articles" in out.getvalue() and " s (seed 2)" in out.getvalue()
    with pytest.raises(CommandError, match="--reset"):
        call_command("generate_content", articles=25, stdout=io.StringIO(), stderr=io.StringIO())
    call_command("generate_content", articles=10, reset=True, stdout=io.StringIO(), stderr=io.StringIO())
    assert corpus.generated_articles().count() == 10
    with pytest.raises(CommandError):
        call_command("generate_content", stdout=io.StringIO())
