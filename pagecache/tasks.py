"""Purges of the shared caches in front, sent by a background task once the change is committed.

Run by `manage.py db_worker` in production (django-tasks' database backend); `make run` and the
tests run them at once (the immediate backend), where a failure is recorded and not retried.
"""

import datetime
import time

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core.tasks import retry_later

from . import edge
from .models import Purge

# After a failed attempt the purge is tried again this much later; after the last it stays failed in
# the log (the pages then leave the cache by their s-maxage).
RETRY_DELAYS = (
    datetime.timedelta(seconds=10),
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=10),
    datetime.timedelta(hours=1),
)


@task()
def purge(purge_id: int, attempt: int = 1) -> str:
    """Send purge `purge_id` to its backend and record the answer; returns its result."""
    record = Purge.objects.filter(pk=purge_id).first()
    if record is None:
        return "gone"
    started = time.monotonic()
    try:
        record.detail = edge.send(record.backend, record.keys.split())
        record.result = Purge.Result.DONE
    except (OSError, edge.PurgeError) as error:  # unreachable, timed out, or refused
        record.detail = f"{type(error).__name__}: {error}"
        retrying = retry_later(purge, attempt, RETRY_DELAYS, purge_id)
        record.result = Purge.Result.RETRYING if retrying else Purge.Result.FAILED
    record.attempts = attempt
    record.finished_at = timezone.now()
    record.duration_ms = round((time.monotonic() - started) * 1000)
    record.save(update_fields=["detail", "result", "attempts", "finished_at", "duration_ms"])
    prune_log(now=record.finished_at)
    return record.result


def prune_log(*, now) -> int:
    """Delete finished purges older than EDGE_PURGE_LOG_DAYS (0 keeps them all); returns how many.

    Run after each purge, so the log stays as long as the setting says without a timer of its own;
    a purge still waiting or retrying is never deleted.
    """
    days = settings.EDGE_PURGE_LOG_DAYS
    if not days:
        return 0
    finished = Purge.objects.filter(result__in=[Purge.Result.DONE, Purge.Result.FAILED])
    deleted, _ = finished.filter(requested_at__lt=now - datetime.timedelta(days=days)).delete()
    return deleted
