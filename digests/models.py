"""Readers who asked for e-mail, what they follow, the digests built for them and each one's delivery."""

import secrets

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from solo.models import SingletonModel

from articles.models import Region, Theme
from authors.models import Author


def new_token():
    """A subscriber's secret: what their signed links carry. A new one makes every earlier link dead."""
    return secrets.token_urlsafe(24)


class SubscriberStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
    BOUNCED = "bounced", "Bounced"
    COMPLAINED = "complained", "Marked as spam"


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Readers who confirmed their address and may be sent digests: the one definition of it."""
        return self.filter(status=SubscriberStatus.ACTIVE, confirmed_at__isnull=False)


class Subscriber(models.Model):
    email = models.EmailField("e-mail address", max_length=254)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    status = models.CharField(max_length=12, choices=SubscriberStatus.choices, default=SubscriberStatus.ACTIVE)
    confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the reader confirmed the address; nothing but the confirmation is sent before.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When we last wrote to this address unasked (a confirmation or a "you are already subscribed" note):
    # a stranger typing it into the form again and again sends it at most one such mail per interval.
    last_prompted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        constraints = [models.UniqueConstraint(Lower("email"), name="digests_subscriber_email_ci_unique")]

    def __str__(self):
        return self.email


class TargetKind(models.TextChoices):
    PUBLICATION = "publication", "Everything we publish"
    REGION = "region", "Region"
    THEME = "theme", "Theme"
    AUTHOR = "author", "Author"


class Target(models.Model):
    """What a subscription or a digest is about: the whole publication, or one region, theme or author."""

    kind = models.CharField(max_length=12, choices=TargetKind.choices, default=TargetKind.PUBLICATION)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(Author, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    # "publication", "region:12": one column to be unique on and to group by (NULLs are never equal).
    target_key = models.CharField(max_length=40, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.target_key = target_key(self.kind, self.subject)
        super().save(*args, **kwargs)

    @property
    def subject(self):
        """The region, theme or author followed; None for the whole publication."""
        return getattr(self, self.kind, None) if self.kind != TargetKind.PUBLICATION else None

    @property
    def target_name(self):
        subject = self.subject
        return str(subject) if subject is not None else "Everything we publish"


def target_key(kind, subject):
    return kind if subject is None else f"{kind}:{subject.pk}"


def target_constraints(prefix):
    """Exactly the foreign key the kind names is set, and no other."""
    only = {
        TargetKind.PUBLICATION: {"region__isnull": True, "theme__isnull": True, "author__isnull": True},
        TargetKind.REGION: {"region__isnull": False, "theme__isnull": True, "author__isnull": True},
        TargetKind.THEME: {"region__isnull": True, "theme__isnull": False, "author__isnull": True},
        TargetKind.AUTHOR: {"region__isnull": True, "theme__isnull": True, "author__isnull": False},
    }
    condition = models.Q()
    for kind, fields in only.items():
        condition |= models.Q(kind=kind, **fields)
    return [models.CheckConstraint(condition=condition, name=f"{prefix}_target_matches_kind")]


class Frequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"


class Subscription(Target):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    frequency = models.CharField(max_length=6, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subscriber", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "target_key"], name="digests_subscription_unique_target"),
            *target_constraints("digests_subscription"),
        ]

    def __str__(self):
        return f"{self.target_name} ({self.get_frequency_display().lower()})"


class Digest(Target):
    """One issue of a digest: what it covered, the e-mail as built, and when its sending was queued."""

    frequency = models.CharField(max_length=6, choices=Frequency.choices)
    period_start = models.DateTimeField()
    period_end = models.DateTimeField(help_text="Articles published up to this moment; the next issue starts here.")
    subject_line = models.CharField("subject", max_length=300)
    html = models.TextField(help_text="The e-mail's body as built, before each reader's own links are added.")
    text = models.TextField()
    articles = models.ManyToManyField("articles.Article", related_name="+", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField("queued at", null=True, blank=True)

    class Meta:
        ordering = ["-period_end", "-pk"]
        get_latest_by = "period_end"
        verbose_name = "digest issue"
        constraints = [
            # Two builders running at once cannot both make the same issue.
            models.UniqueConstraint(
                fields=["target_key", "frequency", "period_end"], name="digests_digest_unique_issue"
            ),
            *target_constraints("digests_digest"),
        ]

    def __str__(self):
        return self.subject_line

    def get_absolute_url(self):
        return reverse("digests:detail", kwargs={"pk": self.pk})


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    BOUNCED = "bounced", "Bounced"
    SKIPPED = "skipped", "Skipped (reader no longer subscribed)"


class Delivery(models.Model):
    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    message_id = models.CharField("provider's message id", max_length=255, blank=True)
    error = models.TextField(blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["digest", "pk"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["digest", "subscriber"], name="digests_delivery_once_per_reader"),
        ]
        indexes = [models.Index(fields=["digest", "status"], name="digests_delivery_status_idx")]

    def __str__(self):
        return f"{self.digest} → {self.subscriber}"


class DigestSettings(SingletonModel):
    """When digests go out and who they come from; editors change it in the admin."""

    sender = models.CharField(
        max_length=254,
        blank=True,
        help_text="The From line, e.g. “Crosspost Digest <digest@example.org>”; empty: the site's default sender.",
    )
    reply_to = models.EmailField(blank=True, help_text="Where readers' replies go; empty: nowhere.")
    daily_at = models.TimeField(
        default="07:00", help_text="When the daily digest is sent (the timer runs the command)."
    )
    weekly_on = models.PositiveSmallIntegerField(
        default=0,
        choices=[
            (0, "Monday"),
            (1, "Tuesday"),
            (2, "Wednesday"),
            (3, "Thursday"),
            (4, "Friday"),
            (5, "Saturday"),
            (6, "Sunday"),
        ],
        help_text="The day of the weekly digest.",
    )

    # When `send_digests` last started each digest: the hourly timer starts each once on its day.
    daily_run_at = models.DateTimeField(null=True, blank=True, editable=False)
    weekly_run_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "digest settings"

    def __str__(self):
        return "Digest settings"
