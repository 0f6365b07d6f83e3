import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from articles.models import Article

# Longest message a partner may write; the form enforces it.
MESSAGE_MAX_LENGTH = 5000


def new_kit_token():
    """43 URL-safe characters (256 random bits): the only key to a partner's private kit page."""
    return secrets.token_urlsafe(32)


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
