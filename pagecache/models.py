from django.db import models
from django.utils import timezone


class Purge(models.Model):
    """A purge of the shared caches in front: every page showing `keys` dropped, when a change reached the edge."""

    class Result(models.TextChoices):
        PENDING = "pending", "Waiting"
        DONE = "done", "Purged"
        RETRYING = "retrying", "Failed, will retry"
        FAILED = "failed", "Failed"

    keys = models.TextField(help_text="The surrogate keys purged, separated by spaces: what changed.")
    backend = models.CharField(max_length=20, help_text="Where the purge was sent (DJANGO_EDGE_PURGE).")
    result = models.CharField(max_length=10, choices=Result.choices, default=Result.PENDING)
    detail = models.TextField(blank=True, help_text="What the cache answered, or why it could not be reached.")
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When the change was saved.")
    finished_at = models.DateTimeField(null=True, blank=True, help_text="When the cache last answered.")
    duration_ms = models.PositiveIntegerField(null=True, blank=True, help_text="How long the last attempt took.")

    class Meta:
        ordering = ["-requested_at", "-pk"]
        get_latest_by = "requested_at"
        verbose_name = "cache purge"
        verbose_name_plural = "cache purges"

    def __str__(self):
        return f"{self.backend}: {self.keys}"
