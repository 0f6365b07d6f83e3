"""Background work of the original watch: each original checked by a task of its own, and the sweep that queues them.

`manage.py check_originals` (hourly from cron or a systemd timer, docs/deployment.md) queues the
sweep; a cross-post going live queues its own check once the publication is committed (signals.py).
"""

import datetime
from collections import Counter
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core.fetching import FetchRefused

from . import services
from .models import Watch

# A check refused by the per-host limit is queued again for when the limit allows, if that is sooner than this.
REQUEUE_WITHIN = datetime.timedelta(minutes=10)


@task()
def check_original(article_id: int) -> dict:
    """Check the original of article `article_id` now; returns the check's HTTP status, error and open findings."""
    watch = Watch.objects.select_related("article").filter(article_id=article_id).first()
    if watch is None or not services.is_watchable(watch.article):
        return {"checked": False}
    record = services.original_check(watch=watch)
    watch.refresh_from_db()
    if watch.next_due_at <= timezone.now() + REQUEUE_WITHIN and check_original.get_backend().supports_defer:
        check_original.using(run_after=watch.next_due_at).enqueue(article_id)
    if settings.ORIGINALS_ARCHIVE and watch.baseline_at and not watch.archived_url:
        archive_original.enqueue(watch.pk)
    return {
        "checked": True,
        "status": record.status,
        "error": record.error,
        "open_findings": sorted(watch.findings.open().values_list("kind", flat=True)),
    }


@task()
def check_due_originals() -> int:
    """Start watching published cross-posts not yet watched, and queue a check of every original due; returns how many.

    Each queued watch's next check is moved ahead first, so a sweep that runs again before the worker
    has caught up queues nothing twice. Checks past ORIGINALS_KEEP_CHECKS_DAYS are deleted on the way.
    """
    now = timezone.now()
    services.checks_prune(now=now)
    services.watches_start_missing(now=now)
    due = list(
        Watch.objects.due(now=now)
        .order_by("next_due_at")
        .values_list("pk", "article_id", "url")[: settings.ORIGINALS_CHECKS_PER_RUN]
    )
    Watch.objects.filter(pk__in=[pk for pk, _, _ in due]).update(next_due_at=services.recheck_soon(now))
    # Many originals on one site are spread over the minutes its per-host limit allows, not refused.
    per_minute = settings.FETCH_PER_HOST_PER_MINUTE or len(due) or 1
    queued_per_host = Counter()
    spread = check_original.get_backend().supports_defer
    for _pk, article_id, url in due:
        host = (urlsplit(url).hostname or "").lower()
        minutes = queued_per_host[host] // per_minute
        queued_per_host[host] += 1
        if spread and minutes:
            check_original.using(run_after=now + datetime.timedelta(minutes=minutes)).enqueue(article_id)
        else:
            check_original.enqueue(article_id)
    return len(due)


@task()
def archive_original(watch_id: int) -> str:
    """Ask the web archive for a snapshot of the original (ORIGINALS_ARCHIVE); returns the snapshot's address."""
    watch = Watch.objects.select_related("article").filter(pk=watch_id).first()
    if watch is None or watch.archived_url:
        return watch.archived_url if watch else ""
    try:
        return services.original_archive(watch=watch)
    except FetchRefused as refused:
        # The next check that finds no snapshot asks again.
        return f"not archived: {refused.reason}"
