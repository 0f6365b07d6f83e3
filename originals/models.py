"""The originals we republish, as last seen: one watch per cross-post, each fetch, and what changed."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models import Article


class WatchState(models.TextChoices):
    PENDING = "pending", "Not checked yet"
    HEALTHY = "healthy", "Healthy"
    ATTENTION = "attention", "Needs attention"
    UNREACHABLE = "unreachable", "Could not be checked"


class WatchQuerySet(models.QuerySet):
    def due(self, *, now):
        """Watches of published articles whose next check has come."""
        return self.filter(next_due_at__lte=now, article__in=Article.objects.published())


class Watch(models.Model):
    """A cross-post's original, watched: where it is, what it said when we first read it, when to look again."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="original_watch")
    url = models.URLField("original URL watched", max_length=500)
    state = models.CharField(max_length=12, choices=WatchState.choices, default=WatchState.PENDING)
    baseline_title = models.CharField(max_length=500, blank=True)
    baseline_byline = models.CharField(max_length=500, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    baseline_text = models.TextField(blank=True, help_text="The original's main text when first read.")
    baseline_fingerprint = models.TextField(blank=True, editable=False)
    # Correction notices the original already carried when first read, one a line: only new ones are findings.
    baseline_notices = models.TextField(blank=True, editable=False)
    baseline_at = models.DateTimeField("first read", null=True, blank=True)
    last_checked_at = models.DateTimeField("last checked", null=True, blank=True)
    next_due_at = models.DateTimeField("next check", null=True, blank=True, db_index=True)
    # What the last checks in a row found wrong ("gone", "paywalled"), and how many: one alone is not a finding.
    problem = models.CharField(max_length=20, blank=True, editable=False)
    problem_streak = models.PositiveSmallIntegerField(default=0, editable=False)
    problem_since = models.DateTimeField(null=True, blank=True, editable=False)
    archived_url = models.URLField(
        "archived copy", max_length=1000, blank=True, help_text="A web archive's snapshot of the original."
    )

    objects = WatchQuerySet.as_manager()

    class Meta:
        ordering = ["-last_checked_at", "-pk"]
        verbose_name = "watched original"
        verbose_name_plural = "watched originals"

    def __str__(self):
        return self.url

    def get_absolute_url(self):
        return self.article.get_absolute_url()


class RedirectKind(models.TextChoices):
    NONE = "", "None"
    PERMANENT = "permanent", "Permanent (moved)"
    TEMPORARY = "temporary", "Temporary"


class Check(models.Model):
    """One fetch of an original, and what was read from it."""

    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField(auto_now_add=True)
    url = models.URLField("address fetched", max_length=500)
    status = models.PositiveSmallIntegerField("HTTP status", null=True, blank=True)
    final_url = models.URLField("final address", max_length=1000, blank=True)
    redirect_kind = models.CharField(max_length=10, choices=RedirectKind.choices, blank=True)
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    published_on = models.DateField("date", null=True, blank=True)
    fingerprint = models.TextField(blank=True)
    similarity = models.FloatField(
        null=True, blank=True, help_text="How alike the text is to the first reading (1 = same)."
    )
    error = models.TextField(blank=True, help_text="Why the page could not be fetched or read.")

    class Meta:
        ordering = ["-checked_at", "-pk"]
        get_latest_by = "checked_at"
        verbose_name = "check"
        verbose_name_plural = "checks"

    def __str__(self):
        return f"{self.url} at {self.checked_at:%Y-%m-%d %H:%M}" if self.checked_at else self.url


class FindingKind(models.TextChoices):
    GONE = "gone", "Gone"
    MOVED = "moved", "Moved"
    PAYWALLED = "paywalled", "Paywalled or blocked"
    RETITLED = "retitled", "Retitled"
    BYLINE = "byline", "Byline changed"
    TEXT = "text", "Text changed"
    CORRECTION = "correction", "Correction notice added"


class FindingStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    DISMISSED = "dismissed", "Dismissed"


class FindingQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=FindingStatus.OPEN)


class Finding(models.Model):
    """Something about an original an editor should look at: what it was, what it is now."""

    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="findings")
    check_record = models.ForeignKey(
        Check, null=True, blank=True, on_delete=models.SET_NULL, related_name="findings", verbose_name="check"
    )
    kind = models.CharField(max_length=12, choices=FindingKind.choices)
    old_value = models.TextField("was", blank=True)
    new_value = models.TextField("is now", blank=True)
    detail = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=FindingStatus.choices, default=FindingStatus.OPEN)
    found_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["-found_at", "-pk"]
        get_latest_by = "found_at"
        verbose_name = "finding"
        verbose_name_plural = "originals that need attention"
        constraints = [
            # One open finding of a kind per original: a check that sees it again updates that one.
            models.UniqueConstraint(
                fields=["watch", "kind"], condition=Q(status="open"), name="originals_one_open_finding_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.watch.url}"
