"""Actions on articles that have effects beyond one row."""

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pagecache.store import content_changed

from .models import Article, ArticleAuthor, Status
from .publishing import article_problems, live_status_for
from .search import refresh_search_vectors


def article_path(slug):
    return reverse("articles:detail", kwargs={"slug": slug})


@transaction.atomic
def article_redirect_old_slug(*, article: Article, old_slug: str) -> Redirect | None:
    """Keep a public article's old address answering with a 301 to its new one."""
    if not old_slug or old_slug == article.slug:
        return None
    site = Site.objects.get_current()
    old_path, new_path = article_path(old_slug), article.get_absolute_url()
    # Earlier addresses of the same article now point straight at the newest one: no chains.
    Redirect.objects.filter(site=site, new_path=old_path).update(new_path=new_path)
    # The new address is real again: a redirect away from it would never fire, and would loop.
    Redirect.objects.filter(site=site, old_path=new_path).delete()
    redirect, _ = Redirect.objects.update_or_create(site=site, old_path=old_path, defaults={"new_path": new_path})
    return redirect


@transaction.atomic
def article_set_authors(*, article: Article, authors) -> None:
    """Replace an article's byline with `authors`, in that order."""
    ArticleAuthor.objects.filter(article=article).delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=author, order=index) for index, author in enumerate(authors)
    )
    # bulk_create sends no signals: the search vector and the cached pages must learn the new names here.
    refresh_search_vectors([article.pk])
    content_changed(article)


class PublishBlocked(Exception):
    """The article is missing something readers need; `problems` says what."""

    def __init__(self, problems):
        super().__init__(" ".join(problems))
        self.problems = problems


@transaction.atomic
def article_publish(*, article: Article, at=None) -> Article:
    """Publish now (or at `at`, or at the time already set): scheduled when that time is ahead."""
    problems = article_problems(article)
    if problems:
        raise PublishBlocked(problems)
    article.published_at = at or article.published_at or timezone.now()
    article.status = live_status_for(article.published_at)
    article.save(update_fields=["status", "published_at", "updated_at"])
    return article


@transaction.atomic
def article_unpublish(*, article: Article) -> Article:
    """Back to draft: readers no longer see it; its publication time is kept for next time."""
    article.status = Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def article_withdraw(*, article: Article) -> Article:
    """Withdrawn: its address answers 410 Gone with a short notice."""
    article.status = Status.WITHDRAWN
    article.save(update_fields=["status", "updated_at"])
    return article
