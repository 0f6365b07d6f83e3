"""Search after changes to many articles is re-indexed by the task worker once committed; one article
saved is indexed at once, and once, however many of its parts were written."""

import pytest
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles import search
from articles.models import Article
from articles.models import Status
from articles.services import Filing
from articles.services import article_save
from articles.services import articles_write_many
from articles.tasks import reindex_articles
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import SourceFactory
from tests.factories import article_admin_data
from tests.worker import run_worker

needs_index = pytest.mark.skipif("not search.full_text_available()", reason="a database without a full-text index")


def found(text):
    return sorted(article.slug for article in search.search(Article.objects.all(), text))


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def count_reindexes(monkeypatch):
    """How many times the index is recomputed, whatever the number of articles each time."""
    calls = []
    real = search.update_search_vectors

    def counted(articles):
        calls.append(articles)
        return real(articles)

    monkeypatch.setattr(search, "update_search_vectors", counted)
    return calls


@needs_index
@pytest.mark.django_db(transaction=True)
def test_an_import_is_indexed_by_the_worker_and_indexing_again_changes_nothing(database_tasks):
    author = AuthorFactory(name="Oluwaseun Kiplagat")
    articles = [Article(title=f"Harbour tariffs {n}", slug=f"imported-{n}", status=Status.PUBLISHED) for n in range(3)]

    articles_write_many(create=articles, filings=[(article, Filing(authors=[author.pk])) for article in articles])

    assert found("tariffs") == [], "not indexed in the writer's own time"
    waiting = DBTaskResult.objects.ready().get()
    assert waiting.task_path == "articles.tasks.reindex_articles"
    assert waiting.args_kwargs["kwargs"]["article_ids"] == sorted(article.pk for article in articles)

    run_worker()
    assert found("Kiplagat") == ["imported-0", "imported-1", "imported-2"]

    reindex_articles.call(article_ids=[article.pk for article in articles])  # late, or twice: the same index
    assert found("Kiplagat") == ["imported-0", "imported-1", "imported-2"]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


@needs_index
@pytest.mark.django_db(transaction=True)
def test_renaming_an_author_or_a_source_reindexes_their_articles_in_the_worker(database_tasks):
    author, source = AuthorFactory(name="Ama Owusu"), SourceFactory(name="Meridian Quarterly")
    ArticleFactory(slug="ports", authors=[author], source=source)

    author.bio = "A longer biography."
    author.save()
    assert not DBTaskResult.objects.exists(), "a change to no searched word queues nothing"

    author.name, source.name = "Ama Boateng", "Littoral Review"
    author.save()
    source.save()
    assert found("Boateng") == [] and found("Littoral") == []
    assert DBTaskResult.objects.ready().count() == 2

    run_worker()
    assert found("Boateng") == ["ports"] and found("Littoral") == ["ports"]
    assert found("Owusu") == [] and found("Meridian") == []


@pytest.mark.django_db
def test_saving_an_article_with_its_byline_indexes_it_once(count_reindexes):
    article = ArticleFactory(authors=[AuthorFactory(), AuthorFactory(), AuthorFactory()])
    count_reindexes.clear()

    article.title = "A new title"
    article_save(article=article, authors=[AuthorFactory(name="Kwame Boateng")], tags=["Ports"])

    # Before: the article's signal, each of the three old byline rows' and the service's own.
    assert len(count_reindexes) == (1 if search.full_text_available() else 0)
    if search.full_text_available():
        assert found("Boateng") == [article.slug]


@needs_index
@pytest.mark.django_db
def test_saving_an_article_in_the_admin_indexes_it_once_with_its_byline(editor_client, count_reindexes):
    first, second = AuthorFactory(name="First Writer"), AuthorFactory(name="Nkechi Adebayo")

    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_admin_data(title="Written in the admin", slug="written", authors=[(first, 1), (second, 2)]),
    )

    assert response.status_code == 302
    assert len(count_reindexes) == 1, "after the byline rows, not once per row"
    assert found("Adebayo") == ["written"]
