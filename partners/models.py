import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Max, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

# Longest message a partner may write; the form enforces it.
MESSAGE_MAX_LENGTH = 5000


def new_kit_token():
    """43 URL-safe characters (256 random bits): the only key to a partner's private kit page."""
    return secrets.token_urlsafe(32)


def new_pixel_token():
    """22 URL-safe characters (128 random bits) naming a grant in its public tracking image.

    Not the kit token: the image's address is pasted into the partner's public page, and the kit
    page's address must stay private.
    """
    return secrets.token_urlsafe(16)


class Medium(models.TextChoices):
    PRINT = "print", "Print"
    COMMERCIAL_WEBSITE = "commercial_web", "Commercial website"
    NON_COMMERCIAL_WEBSITE = "non_commercial_web", "Non-commercial website"
    NEWSLETTER = "newsletter", "Newsletter"
    BROADCAST = "broadcast", "Broadcast"
    TRANSLATION = "translation", "Translation"
    OTHER = "other", "Other"


class RequestStatus(models.TextChoices):
    NEW = "new", "New"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    SPAM = "spam", "Spam"


class PermissionRequestQuerySet(models.QuerySet):
    def needing_mail(self):
        """Requests with an e-mail still owed to someone (editors, the partner, or a decision); never spam."""
        return self.exclude(status=RequestStatus.SPAM).filter(
            Q(notified_at__isnull=True)
            | Q(acknowledged_at__isnull=True)
            | Q(status__in=[RequestStatus.APPROVED, RequestStatus.DECLINED], decision_sent_at__isnull=True)
        )


class PermissionRequest(models.Model):
    """A syndication partner's request to republish one of our articles, and the editors' decision."""

    # What the partner told us.
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200)
    email = models.EmailField("e-mail")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="permission_requests")
    medium = models.CharField(max_length=20, choices=Medium.choices)
    publication_name = models.CharField(
        "publication name", max_length=200, help_text="Where the article would appear: a paper, site or programme."
    )
    publication_url = models.URLField("publication URL", max_length=500, blank=True)
    planned_date = models.DateField("planned date", help_text="When the partner plans to republish.")
    audience = models.CharField("audience or circulation", max_length=200, blank=True)
    message = models.TextField(max_length=MESSAGE_MAX_LENGTH, blank=True)
    agreed_to_terms = models.BooleanField(
        "agreed to the attribution conditions",
        default=False,
        help_text="The partner ticked the box promising to credit the article exactly as the kit says.",
    )
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    client_ip_hash = models.CharField(
        "sender fingerprint",
        max_length=64,
        blank=True,
        editable=False,
        help_text="A keyed hash of the sender's IP address (never the address itself): "
        "the same value on several requests means the same sender.",
    )

    # The editors' side.
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.NEW)
    decision_note = models.TextField(
        "note to the partner",
        blank=True,
        help_text="Sent to the partner with an approval or a refusal (e.g. conditions, or why not). "
        "Not sent when you mark a request as spam.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    # E-mail delivery; NULL means "not sent yet", and `send_pending_notifications` retries it.
    notified_at = models.DateTimeField("editors notified", null=True, blank=True)
    acknowledged_at = models.DateTimeField("partner acknowledged", null=True, blank=True)
    decision_sent_at = models.DateTimeField("decision e-mailed", null=True, blank=True)

    # The private kit page.
    kit_token = models.CharField(max_length=64, unique=True, default=new_kit_token, editable=False)
    kit_revoked_at = models.DateTimeField("kit link revoked", null=True, blank=True)
    # The tracking image in the kit (partners.ledger): views count while the kit is live.
    pixel_token = models.CharField(max_length=32, unique=True, default=new_pixel_token, editable=False)

    objects = PermissionRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = "permission request"
        verbose_name_plural = "permission requests"
        indexes = [
            # The admin's list: newest first, usually filtered by status ("new" is the triage queue).
            models.Index(fields=["status", "-created_at"], name="permreq_status_created_idx"),
            # The retry command and the admin's "not yet notified" filter.
            models.Index(fields=["created_at"], condition=Q(notified_at__isnull=True), name="permreq_unnotified_idx"),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.article}"

    def get_kit_path(self):
        return reverse("partners:kit", kwargs={"token": self.kit_token})

    @property
    def kit_is_live(self):
        return self.status == RequestStatus.APPROVED and self.kit_revoked_at is None


class FoundBy(models.TextChoices):
    PIXEL = "pixel", "Tracking image"
    EDITOR = "editor", "Entered by an editor"


class CreditStatus(models.TextChoices):
    UNCHECKED = "unchecked", "Not checked yet"
    COMPLIANT = "compliant", "Credits complete"
    MISSING = "missing", "Credits missing"
    FETCH_FAILED = "fetch_failed", "Page could not be read"


class ReprintQuerySet(models.QuerySet):
    def with_views(self, *, since):
        """Each reprint with `total_views`, `recent_views` (days from `since` on) and `last_seen` (a day)."""
        return self.annotate(
            total_views=Coalesce(Sum("days__views"), 0),
            recent_views=Coalesce(Sum("days__views", filter=Q(days__day__gte=since)), 0),
            last_seen=Max("days__day"),
        )

    def checkable(self):
        """Reprints with a page address the credit check can read."""
        return self.exclude(page_url="")


class Reprint(models.Model):
    """A copy of one of our articles on another site: where it is, how often it is read, whether it credits us."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="reprints")
    permission_request = models.ForeignKey(
        PermissionRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reprints",
        verbose_name="permission request",
        help_text="The partner's request it was republished under; leave empty for a copy made without one.",
    )
    page_url = models.URLField(
        "page address",
        max_length=500,
        blank=True,
        help_text="The address of the page carrying the copy. Empty: views whose page the reader's browser did "
        "not tell us.",
    )
    found_by = models.CharField("found by", max_length=10, choices=FoundBy.choices, default=FoundBy.PIXEL)
    first_seen = models.DateTimeField("first seen", default=timezone.now, editable=False)

    # The credit check (partners.credit_check, run by partners.tasks.check_reprint).
    credit_status = models.CharField(
        "credits", max_length=20, choices=CreditStatus.choices, default=CreditStatus.UNCHECKED, editable=False
    )
    credit_problems = models.JSONField("what is missing", default=list, blank=True, editable=False)
    credit_checked_at = models.DateTimeField("credits checked", null=True, blank=True, editable=False)
    credit_error = models.TextField("why the page could not be read", blank=True, editable=False)

    objects = ReprintQuerySet.as_manager()

    class Meta:
        ordering = ["-first_seen", "-pk"]
        get_latest_by = "first_seen"
        verbose_name = "reprint"
        verbose_name_plural = "reprints"
        constraints = [
            # The tracking image counts by (grant, page): one row per page a partner shows it on.
            models.UniqueConstraint(
                fields=["permission_request", "page_url"],
                name="reprint_page_per_request",
                violation_error_message="This page is already in the ledger for this permission request.",
            ),
            # Copies made without a request, as editors enter them: one row per page and article.
            models.UniqueConstraint(
                fields=["article", "page_url"],
                condition=Q(permission_request__isnull=True),
                name="reprint_page_per_article_unrequested",
                violation_error_message="This page is already in the ledger for this article.",
            ),
        ]

    def __str__(self):
        # The host alone: the full address is on the record, and a long one would not wrap in titles.
        return f"{self.article} at {urlsplit(self.page_url).netloc or 'an unknown page'}"


class ReprintDay(models.Model):
    """Views of one reprint on one day: a counter, incremented in the database (never read, add, write)."""

    reprint = models.ForeignKey(Reprint, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day"]
        get_latest_by = "day"
        verbose_name = "day of views"
        verbose_name_plural = "days of views"
        constraints = [models.UniqueConstraint(fields=["reprint", "day"], name="reprint_day_unique")]

    def __str__(self):
        return f"{self.reprint}: {self.views} on {self.day}"


class ReprintMessage(models.Model):
    """An e-mail to a partner about a reprint's credits, as the editor wrote it; sent by a background task."""

    reprint = models.ForeignKey(Reprint, on_delete=models.CASCADE, related_name="messages")
    to = models.EmailField("to")
    subject = models.CharField(max_length=200)
    body = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("written", auto_now_add=True)
    sent_at = models.DateTimeField("sent", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = "message to the partner"
        verbose_name_plural = "messages to the partner"

    def __str__(self):
        return f"To {self.to}: {self.subject}"
