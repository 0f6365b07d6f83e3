"""What the editors' home shows: the work waiting for the team, recent changes and the publishing rhythm.

Reads only; every list is one query, whatever its length (the dashboard's query count is pinned in a test).
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone

from articles.models import LIVE_STATUSES, Article, Status

LISTED = 8  # items per list; the count links to the full, filtered list
# A task due this long ago and still waiting means no worker is taking tasks: the dashboard says so.
WORKER_LATE = datetime.timedelta(minutes=10)
CHART_WEEKS = 13  # about three months
BAR_WIDTH, BAR_GAP, CHART_HEIGHT = 24, 6, 80


@dataclass(frozen=True)
class Week:
    starts: datetime.date
    published: int
    x: int
    y: int
    height: int


def articles_for(user):
    """Every article for editors; a contributor's own only, as the article list shows them."""
    articles = Article.objects.all()
    if not user.has_perm("articles.publish_article"):
        articles = articles.filter(created_by=user)
    return articles


def article_counts(articles, *, now):
    return articles.aggregate(
        drafts=Count("pk", filter=Q(status=Status.DRAFT)),
        review=Count("pk", filter=Q(status=Status.REVIEW)),
        scheduled=Count("pk", filter=Q(status__in=LIVE_STATUSES, published_at__gt=now)),
    )


def in_review(articles):
    return articles.filter(status=Status.REVIEW).order_by("-updated_at").only("pk", "title", "updated_at")[:LISTED]


def scheduled(articles, *, now):
    return articles.scheduled(after=now).order_by("published_at").only("pk", "title", "published_at")[:LISTED]


@dataclass(frozen=True)
class Attention:
    article: Article
    reason: str


def originals_needing_attention(articles):
    """Cross-posts whose original readers cannot find or date, or which another article republishes too.

    What the site knows without fetching anything: no original URL or date (imports and drafts can lack
    them), or the same original (by its normalised URL) behind two articles, which is most often a duplicate.
    """
    shared = Article.objects.filter(original_url_key=OuterRef("original_url_key")).exclude(pk=OuterRef("pk"))
    cross_posts = Q(source__isnull=False) | ~Q(original_url="") | Q(original_published_on__isnull=False)
    incomplete = Q(original_url="") | Q(original_published_on__isnull=True) | Q(source__isnull=True)
    rows = (
        articles.filter(cross_posts)
        .exclude(status=Status.WITHDRAWN)
        .annotate(duplicated=Exists(shared.exclude(original_url_key="")))
        .filter(incomplete | Q(duplicated=True))
        .order_by("-updated_at")
        .only("pk", "title", "source_id", "original_url", "original_published_on", "updated_at")
    )
    return [Attention(article, _attention_reason(article)) for article in rows[:LISTED]]


def _attention_reason(article):
    if article.duplicated:
        return "another article republishes the same original"
    missing = [
        what
        for what, present in (
            ("source", article.source_id),
            ("original URL", article.original_url),
            ("original date", article.original_published_on),
        )
        if not present
    ]
    return "no " + " and no ".join(missing)


def requests_waiting():
    """Partners' permission requests with no decision yet, oldest first, and how many there are."""
    PermissionRequest = apps.get_model("partners", "PermissionRequest")  # partners is a sibling app: no import
    waiting = PermissionRequest.objects.filter(status="new")
    listed = waiting.select_related("article").only("pk", "organisation", "created_at", "article__title")
    return waiting.count(), listed.order_by("created_at")[:LISTED]


def open_findings():
    """What the original watch found that no editor has answered yet, newest first, and how many there are."""
    Finding = apps.get_model("originals", "Finding")  # originals is a sibling app: no import
    waiting = Finding.objects.filter(status="open")
    listed = waiting.select_related("watch__article").only(
        "pk", "kind", "found_at", "watch__url", "watch__article__title"
    )
    return waiting.count(), listed.order_by("-found_at", "-pk")[:LISTED]


@dataclass(frozen=True)
class BackgroundTasks:
    waiting: int  # due now and not yet taken by a worker
    due_since: datetime.datetime | None  # when the longest-waiting of them became due
    failed: int  # attempts that failed in the last day (our tasks queue their own retries)
    late: bool  # due_since is WORKER_LATE ago or more: is the worker running?


def background_tasks(*, now):
    """The task queue as administrators need to watch it (django-tasks' database backend, production's).

    One query: tasks due and waiting, since when, and attempts failed in the last day. A task queued to run
    "as soon as possible" carries the backend's far-future date as `run_after`, so it is due from `enqueued_at`.
    """
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    asap, ready = get_date_max(), TaskResultStatus.READY
    row = DBTaskResult.objects.aggregate(
        waiting=Count("pk", filter=Q(status=ready) & (Q(run_after=asap) | Q(run_after__lte=now))),
        queued_since=Min("enqueued_at", filter=Q(status=ready, run_after=asap)),
        scheduled_since=Min("run_after", filter=Q(status=ready, run_after__lte=now)),
        failed=Count("pk", filter=Q(status=TaskResultStatus.FAILED, finished_at__gte=now - datetime.timedelta(days=1))),
    )
    due_since = min(filter(None, (row["queued_since"], row["scheduled_since"])), default=None)
    late = due_since is not None and now - due_since >= WORKER_LATE
    return BackgroundTasks(waiting=row["waiting"], due_since=due_since, failed=row["failed"], late=late)


def recent_changes():
    return LogEntry.objects.select_related("user", "content_type").order_by("-action_time")[:10]


def published_per_week(*, now, weeks=CHART_WEEKS):
    """Articles that went live in each of the last `weeks` weeks (Monday to Sunday), oldest first, as chart bars."""
    today = timezone.localdate(now)
    first = today - datetime.timedelta(days=today.weekday(), weeks=weeks - 1)
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=timezone.get_current_timezone())
    rows = (
        Article.objects.published()
        .filter(published_at__gte=start)
        .annotate(week=TruncWeek("published_at"))
        .values("week")
        .annotate(published=Count("pk"))
    )
    per_week = {timezone.localdate(row["week"]): row["published"] for row in rows}
    counts = [per_week.get(first + datetime.timedelta(weeks=index), 0) for index in range(weeks)]
    tallest = max(counts) or 1
    bars = []
    for index, count in enumerate(counts):
        height = round(count / tallest * CHART_HEIGHT)
        bars.append(
            Week(
                starts=first + datetime.timedelta(weeks=index),
                published=count,
                x=index * (BAR_WIDTH + BAR_GAP),
                y=CHART_HEIGHT - height + 14,  # room above the tallest bar for its number
                height=height,
            )
        )
    return bars
