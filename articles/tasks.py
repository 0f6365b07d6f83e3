"""Background work of articles: re-indexing for search after a change that touches many articles.

An import, a restore, or a renamed author or source can touch thousands of articles; their index is
refreshed here, after the change is committed, never in the editor's request. One article saved
in the admin is indexed at once instead (articles.services.article_save). Re-indexing reads the
rows as they are when it runs, so running it twice, or late, leaves the index right.
"""

import datetime

from django.db import transaction
from django_tasks import task

from core.tasks import retry_later

from . import search
from .models import Article

# A failure here is the database being busy or away for a moment: try again this much later.
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=10),
    datetime.timedelta(hours=1),
)


def selection(*, article_ids=None, author_id=None, source_id=None, everything=False):
    """The articles a re-index names: by id, every one by an author or from a source, or all of them."""
    if everything:
        return Article.objects.all()
    if author_id is not None:
        # As a subquery, not a list of ids: a prolific author's could outgrow the database's bound parameters.
        return Article.objects.filter(author_links__author=author_id)
    if source_id is not None:
        return Article.objects.filter(source=source_id)
    return Article.objects.filter(pk__in=article_ids or [])


@task()
def reindex_articles(
    article_ids: list[int] | None = None,
    author_id: int | None = None,
    source_id: int | None = None,
    everything: bool = False,
    attempt: int = 1,
) -> None:
    """Recompute the search index of the articles named (see `selection`); `everything` rebuilds it whole."""
    try:
        if everything:
            search.rebuild_search_index()
        elif search.full_text_available():
            search.update_search_vectors(selection(article_ids=article_ids, author_id=author_id, source_id=source_id))
    except Exception:
        selected = {"article_ids": article_ids, "author_id": author_id, "source_id": source_id}
        retry_later(reindex_articles, attempt, RETRY_DELAYS, **selected, everything=everything)
        raise  # this attempt is recorded as failed, with its traceback, in the admin's Tasks


def reindex_after_commit(**named) -> None:
    """Queue `reindex_articles(**named)` once the current transaction commits (at once outside one)."""
    if named.get("article_ids") is not None:
        named["article_ids"] = sorted(named["article_ids"])
    transaction.on_commit(lambda: reindex_articles.enqueue(**named))
