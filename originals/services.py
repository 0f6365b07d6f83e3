"""Actions on watched originals: start watching, check one, and the editors' answers to a finding.

A check fetches the original (core.fetching: safe and polite), reads it (extraction) and compares it
with what it said when first read. A page that is gone or paywalled is a finding only when two checks
in a row say so, since one timeout or one bad minute at the other site is not news; the second
check comes ORIGINALS_RECHECK_AFTER_HOURS later instead of a week later.
"""

import datetime
from urllib.parse import quote, urljoin

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from articles.models import Article
from articles.original_urls import normalise_url
from articles.services import article_save, article_set_original_status
from core.fetching import FetchRefused, fetch

from . import extraction
from .models import Check, Finding, FindingKind, FindingStatus, RedirectKind, Watch, WatchState

GONE_STATUSES = frozenset({404, 410})
PAYWALL_STATUSES = frozenset({401, 402, 403, 451})


def is_watchable(article: Article) -> bool:
    """A cross-post with an original address, visible to readers."""
    return bool(article.original_url) and Article.objects.published().filter(pk=article.pk).exists()


def watch_for_article(*, article: Article) -> tuple[Watch, bool]:
    """The article's watch, created or pointed at its current original URL; True when a check is owed now."""
    now = timezone.now()
    watch = Watch.objects.filter(article=article).first()
    if watch is None:
        return Watch.objects.create(article=article, url=article.original_url, next_due_at=now), True
    if watch.url != article.original_url:
        # A new address for the same text: keep what it said, look at the new place now.
        watch.url = article.original_url
        watch.next_due_at = now
        watch.problem, watch.problem_streak, watch.problem_since = "", 0, None
        watch.save(update_fields=["url", "next_due_at", "problem", "problem_streak", "problem_since"])
        return watch, True
    return watch, False


def watches_start_missing(*, now=None) -> int:
    """Create a watch, due now, for every published cross-post that has none (imports, scheduled articles)."""
    now = now or timezone.now()
    missing = Article.objects.published().exclude(original_url="").filter(original_watch__isnull=True)
    created = Watch.objects.bulk_create(
        Watch(article_id=pk, url=url, next_due_at=now) for pk, url in missing.values_list("pk", "original_url")
    )
    return len(created)


def next_check_after(*, article: Article, now) -> datetime.datetime:
    """Daily while the article is recent (ORIGINALS_RECENT_DAYS), weekly after that, by default."""
    recent = article.published_at and article.published_at >= now - datetime.timedelta(
        days=settings.ORIGINALS_RECENT_DAYS
    )
    days = settings.ORIGINALS_RECENT_CHECK_EVERY_DAYS if recent else settings.ORIGINALS_CHECK_EVERY_DAYS
    return now + datetime.timedelta(days=days)


def checks_prune(*, now) -> int:
    """Delete checks older than ORIGINALS_KEEP_CHECKS_DAYS; returns how many (0 when that is 0).

    Whatever its age a check is kept when it is its original's last, its last readable one (dismissing a
    "text changed" finding takes that one's fingerprint), or one a finding points to. What an original
    said when first read lives on the watch, not in a check, so nothing later compared with is lost.
    """
    days = settings.ORIGINALS_KEEP_CHECKS_DAYS
    if not days:
        return 0
    later = Check.objects.filter(watch=OuterRef("watch"), pk__gt=OuterRef("pk"))
    stale = (
        Check.objects.filter(checked_at__lt=now - datetime.timedelta(days=days))
        .filter(Exists(later))
        .filter(Q(fingerprint="") | Exists(later.exclude(fingerprint="")))
        .exclude(Exists(Finding.objects.filter(check_record=OuterRef("pk"))))
    )
    deleted, _ = stale.delete()
    return deleted


def recheck_soon(now):
    return now + datetime.timedelta(hours=settings.ORIGINALS_RECHECK_AFTER_HOURS)


def original_check(*, watch: Watch) -> Check:
    """Fetch and read the original once, record it, and open or close findings; returns the check.

    The fetch (up to FETCH_TIMEOUT seconds) and the reading happen before the transaction that
    records them, so no database lock is held while another site takes its time.
    """
    url = watch.url
    result = refused = reading = None
    try:
        result = fetch(url)
    except FetchRefused as exc:
        refused = exc
    if result is not None and result.status < 400:
        reading = extraction.read_page(result.text, url=result.final_url)
    return _record_check(watch.pk, url, result=result, refused=refused, reading=reading)


@transaction.atomic
def _record_check(watch_id, url, *, result, refused, reading) -> Check:
    now = timezone.now()
    watch = Watch.objects.select_for_update().select_related("article").get(pk=watch_id)
    record = Check(watch=watch, url=url)
    if watch.url != url:
        # Pointed elsewhere while we fetched: keep what was read, judge nothing; the new address is checked next.
        record.error = "The original URL changed while it was being checked."
        record.status = result.status if result is not None else None
        record.save()
        return record
    if refused is not None:
        record.error = refused.reason
        record.save()
        if refused.transient:
            soon = now + datetime.timedelta(seconds=refused.retry_after) if refused.retry_after else recheck_soon(now)
            _done(watch, now=now, next_due=soon, reachable=False)
            return record
        # Refused for good (robots.txt asks us not to, a page too big): we are blocked as a reader would be.
        _confirm(watch, record, FindingKind.PAYWALLED, old=watch.url, new=refused.reason, now=now)
        return record

    record.status = result.status
    record.final_url = result.final_url
    if result.redirects:
        record.redirect_kind = RedirectKind.PERMANENT if result.moved_permanently else RedirectKind.TEMPORARY
    found: dict[str, tuple[str, str, str]] = {}  # kind: (was, is now, detail)
    evaluated = {FindingKind.GONE, FindingKind.PAYWALLED, FindingKind.MOVED}

    if result.status in GONE_STATUSES:
        record.save()
        _confirm(watch, record, FindingKind.GONE, old=watch.url, new=f"HTTP {result.status}", now=now)
        return record
    if result.status in PAYWALL_STATUSES:
        record.save()
        _confirm(watch, record, FindingKind.PAYWALLED, old=watch.url, new=f"HTTP {result.status}", now=now)
        return record
    if result.status >= 400:
        # A server error or too many requests: theirs, and usually brief. Look again soon.
        record.error = f"The original answered HTTP {result.status}."
        record.save()
        _done(watch, now=now, next_due=recheck_soon(now), reachable=False)
        return record

    if result.moved_permanently and normalise_url(result.final_url) != normalise_url(watch.url):
        found[FindingKind.MOVED] = (watch.url, result.final_url, f"HTTP {result.redirects[0].status}")

    record.title, record.byline, record.published_on = reading.title, reading.byline, reading.date
    record.fingerprint = reading.fingerprint

    if watch.baseline_at is None:
        _set_baseline(watch, reading, now=now)
    else:
        evaluated |= {FindingKind.RETITLED, FindingKind.BYLINE, FindingKind.TEXT, FindingKind.CORRECTION}
        if reading.title and extraction.normalised(reading.title) != extraction.normalised(watch.baseline_title):
            found[FindingKind.RETITLED] = (watch.baseline_title, reading.title, "")
        if reading.byline and extraction.normalised(reading.byline) != extraction.normalised(watch.baseline_byline):
            found[FindingKind.BYLINE] = (watch.baseline_byline, reading.byline, "")
        record.similarity = extraction.similarity(watch.baseline_fingerprint, reading.fingerprint)
        threshold = settings.ORIGINALS_TEXT_SIMILARITY_PERCENT / 100
        if record.similarity is not None and record.similarity < threshold:
            detail = f"{record.similarity:.0%} alike (a finding below {threshold:.0%})"
            found[FindingKind.TEXT] = (watch.baseline_text, reading.text, detail)
        known = set(watch.baseline_notices.splitlines())
        new_notices = [notice for notice in reading.notices if notice not in known]
        if new_notices:
            found[FindingKind.CORRECTION] = ("", "\n".join(new_notices), "")
    record.save()

    watch.problem, watch.problem_streak, watch.problem_since = "", 0, None
    for kind, (old, new, detail) in found.items():
        _open(watch, record, kind, old=old, new=new, detail=detail, now=now)
    _close_fixed(watch, evaluated - set(found), now=now)
    _done(watch, now=now, next_due=next_check_after(article=watch.article, now=now))
    return record


def _set_baseline(watch, reading, *, now):
    watch.baseline_title = reading.title
    watch.baseline_byline = reading.byline
    watch.baseline_date = reading.date
    watch.baseline_text = reading.text
    watch.baseline_fingerprint = reading.fingerprint
    watch.baseline_notices = "\n".join(reading.notices)
    watch.baseline_at = now


def _confirm(watch, record, kind, *, old, new, now):
    """A problem that is a finding only when the check before saw it too."""
    if watch.problem == kind:
        watch.problem_streak += 1
    else:
        watch.problem, watch.problem_streak, watch.problem_since = kind, 1, now
    confirmed = watch.problem_streak >= 2
    # An editor who dismissed it has heard: not again while it lasts (it is news again once fixed and back).
    dismissed = Finding.objects.filter(
        watch=watch, kind=kind, status=FindingStatus.DISMISSED, closed_at__gte=watch.problem_since
    ).exists()
    if confirmed and not dismissed:
        _open(watch, record, kind, old=old, new=new, detail=f"seen in {watch.problem_streak} checks in a row", now=now)
    next_due = next_check_after(article=watch.article, now=now) if confirmed else recheck_soon(now)
    if kind != FindingKind.PAYWALLED:
        _close_fixed(watch, {FindingKind.PAYWALLED}, now=now)
    if kind != FindingKind.GONE:
        _close_fixed(watch, {FindingKind.GONE}, now=now)
    _done(watch, now=now, next_due=next_due, reachable=confirmed)


def _open(watch, record, kind, *, old, new, detail, now):
    finding = Finding.objects.open().filter(watch=watch, kind=kind).first()
    if finding is None:
        Finding.objects.create(watch=watch, check_record=record, kind=kind, old_value=old, new_value=new, detail=detail)
    else:
        finding.check_record, finding.new_value, finding.detail, finding.last_seen_at = record, new, detail, now
        finding.save(update_fields=["check_record", "new_value", "detail", "last_seen_at"])


def _close_fixed(watch, kinds, *, now):
    """Open findings of these kinds that this check no longer sees are resolved (fixed at the other end)."""
    if kinds:
        Finding.objects.open().filter(watch=watch, kind__in=kinds).update(
            status=FindingStatus.RESOLVED, closed_at=now, detail="No longer seen at the original."
        )


def _done(watch, *, now, next_due, reachable=True):
    """Record when the check was and when the next is due; the state follows the open findings."""
    watch.last_checked_at = now
    watch.next_due_at = next_due
    if Finding.objects.open().filter(watch=watch).exists():
        watch.state = WatchState.ATTENTION
    else:
        watch.state = WatchState.HEALTHY if reachable else WatchState.UNREACHABLE
    watch.save()
    sync_article(watch)


def sync_article(watch: Watch) -> None:
    """Tell the article whether its original is gone (two checks in a row) and where its archived copy is."""
    gone = watch.problem == FindingKind.GONE and watch.problem_streak >= 2
    article_set_original_status(article=watch.article, gone=gone, archived_url=watch.archived_url)


def original_archive(*, watch: Watch) -> str:
    """Ask the web archive (ORIGINALS_ARCHIVE, "{url}" in it) for a snapshot; keep and return its address."""
    template = settings.ORIGINALS_ARCHIVE
    if not template:
        return ""
    result = fetch(template.replace("{url}", quote(watch.url, safe=":/?=&")))
    if result.status >= 400:
        raise FetchRefused(f"The archive answered HTTP {result.status}.", transient=result.status >= 500)
    # Wayback's save endpoint answers with the snapshot's address in Content-Location, or redirects to it.
    address = urljoin(result.final_url, result.headers.get("content-location", "") or result.final_url)
    watch.archived_url = address[:1000]
    watch.save(update_fields=["archived_url"])
    sync_article(watch)
    return watch.archived_url


@transaction.atomic
def finding_dismiss(*, finding: Finding, user) -> Finding:
    """Not a concern: closed, and what the original says now becomes what later checks compare with."""
    watch = finding.watch
    kind = finding.kind
    if kind == FindingKind.RETITLED:
        watch.baseline_title = finding.new_value
    elif kind == FindingKind.BYLINE:
        watch.baseline_byline = finding.new_value
    elif kind == FindingKind.TEXT:
        latest = watch.checks.exclude(fingerprint="").first()
        watch.baseline_text = finding.new_value
        if latest is not None:
            watch.baseline_fingerprint = latest.fingerprint
    elif kind == FindingKind.CORRECTION:
        watch.baseline_notices = "\n".join(filter(None, [watch.baseline_notices, finding.new_value]))
    watch.save()
    _close(finding, FindingStatus.DISMISSED, user=user)
    _refresh_state(watch)
    sync_article(watch)
    return finding


class NotMoved(Exception):
    """Only a "moved" finding has a new address to use."""


@transaction.atomic
def finding_use_new_address(*, finding: Finding, user) -> Article:
    """The original moved: the article's original URL becomes the new address (a revision), and the finding closes."""
    if finding.kind != FindingKind.MOVED or not finding.new_value:
        raise NotMoved(f"{finding.get_kind_display()} has no new address to use.")
    watch = Watch.objects.select_related("article").get(pk=finding.watch_id)
    article = watch.article
    old = article.original_url
    article.original_url = finding.new_value
    article_save(article=article, user=user, comment=f"Original URL updated: it moved from {old}.")
    watch.url = finding.new_value
    watch.save(update_fields=["url"])
    _close(finding, FindingStatus.RESOLVED, user=user)
    _refresh_state(watch)
    return article


def _close(finding, status, *, user):
    finding.status = status
    finding.closed_at = timezone.now()
    finding.closed_by = user
    finding.save(update_fields=["status", "closed_at", "closed_by"])


def _refresh_state(watch):
    if not Finding.objects.open().filter(watch=watch).exists() and watch.state == WatchState.ATTENTION:
        watch.state = WatchState.HEALTHY
        watch.save(update_fields=["state"])
