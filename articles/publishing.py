"""The rules an article must meet before readers can see it, stated once for forms and services."""

from django.utils import timezone

from .models import LIVE_STATUSES, Article, Status


def publish_problems(*, authors, regions, themes, source, original_url, original_published_on):
    """What is missing before an article may be published or scheduled: (field, words for editors)."""
    problems = []
    if not authors:
        problems.append(("authors", "Add at least one author."))
    if not regions and not themes:
        problems.append(("regions", "File it under at least one region or theme."))
    if source or original_url or original_published_on:
        # A cross-post: readers must be able to find and date the original.
        if not source:
            problems.append(("source", "A cross-post needs its source."))
        if not original_url:
            problems.append(("original_url", "A cross-post needs the original article's URL."))
        if not original_published_on:
            problems.append(("original_published_on", "A cross-post needs the original publication date."))
    return problems


def article_problems(article):
    """What a saved article is missing before it may go live, as sentences."""
    problems = publish_problems(
        authors=article.author_links.exists(),
        regions=article.regions.exists(),
        themes=article.themes.exists(),
        source=article.source_id,
        original_url=article.original_url,
        original_published_on=article.original_published_on,
    )
    return [message for _, message in problems]


def next_publication(*, after):
    """When the next scheduled article becomes visible by itself (after `after`), or None: the page cache's clock."""
    return (
        Article.objects.scheduled(after=after).order_by("published_at").values_list("published_at", flat=True).first()
    )


def live_status_for(published_at, *, now=None):
    """Published if its time has come, scheduled if it is still ahead."""
    now = now or timezone.now()
    return Status.SCHEDULED if published_at and published_at > now else Status.PUBLISHED


def is_going_live(status):
    return status in LIVE_STATUSES
