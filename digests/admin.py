"""Editors' side of the digests: readers and what they follow, the schedule and sender, a preview and a
test send of the next issue, and the history of every issue with its delivery results."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from solo.admin import SingletonModelAdmin

from . import mail, services
from .forms import parse_follow
from .models import Delivery, DeliveryStatus, Digest, DigestSettings, Frequency, Subscriber, Subscription


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    fields = ["kind", "region", "theme", "author", "frequency", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["region", "theme", "author"]


def counts_per_target():
    """Receiving readers per followed target and frequency, for the top of the subscribers list."""
    rows = (
        Subscription.objects.filter(subscriber__in=Subscriber.objects.receiving())
        .values("target_key", "kind", "region__name", "theme__name", "author__name")
        .annotate(
            daily=Count("pk", filter=Q(frequency=Frequency.DAILY)),
            weekly=Count("pk", filter=Q(frequency=Frequency.WEEKLY)),
        )
        .order_by("kind", "region__name", "theme__name", "author__name")
    )
    for row in rows:
        name = row["region__name"] or row["theme__name"] or row["author__name"]
        row["name"] = f"{row['kind'].title()}: {name}" if name else "Everything we publish"
    return rows


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "confirmed_at", "subscription_count", "created_at"]
    list_filter = ["status", ("confirmed_at", admin.EmptyFieldListFilter), "subscriptions__frequency"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    readonly_fields = ["confirmed_at", "created_at"]
    fields = ["email", "status", "confirmed_at", "created_at"]
    inlines = [SubscriptionInline]
    change_list_template = "admin/digests/subscriber/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(subscription_count=Count("subscriptions"))

    @admin.display(description="subscriptions", ordering="subscription_count")
    def subscription_count(self, subscriber):
        return subscriber.subscription_count

    def changelist_view(self, request, extra_context=None):
        extra = {"counts": counts_per_target(), "receiving": Subscriber.objects.receiving().count()}
        return super().changelist_view(request, extra_context={**extra, **(extra_context or {})})


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["subscriber", "kind", "__str__", "frequency", "created_at"]
    list_filter = ["kind", "frequency"]
    search_fields = ["subscriber__email", "region__name", "theme__name", "author__name"]
    autocomplete_fields = ["subscriber", "region", "theme", "author"]
    list_select_related = ["subscriber", "region", "theme", "author"]


@admin.register(DigestSettings)
class DigestSettingsAdmin(SingletonModelAdmin):
    fieldsets = [
        ("Sender", {"fields": ["sender", "reply_to"]}),
        (
            "Schedule",
            {
                "fields": ["daily_at", "weekly_on"],
                "description": "The hourly timer (send_digests) starts each digest at its first run after this time.",
            },
        ),
    ]


class DeliveryInline(admin.TabularInline):
    """What of an issue did not go out; every delivery is on the Deliveries page, filtered by issue."""

    model = Delivery
    fields = ["subscriber", "status", "attempts", "sent_at", "error"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name_plural = "deliveries not sent"

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(status=DeliveryStatus.SENT).select_related("subscriber")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    """The history of issues, each with its delivery results; read-only: issues are built by the task."""

    list_display = ["subject_line", "frequency", "period_end", "article_count", "sent", "failed", "pending", "bounced"]
    list_filter = ["frequency", "kind"]
    date_hierarchy = "period_end"
    search_fields = ["subject_line"]
    readonly_fields = [
        "subject_line",
        "kind",
        "region",
        "theme",
        "author",
        "frequency",
        "period_start",
        "period_end",
        "created_at",
        "sent_at",
        "delivery_link",
        "text",
    ]
    exclude = ["html", "articles"]
    inlines = [DeliveryInline]
    change_list_template = "admin/digests/digest/change_list.html"

    def get_queryset(self, request):
        counts = {
            name: Count("deliveries", filter=Q(deliveries__status__in=statuses))
            for name, statuses in {
                "sent_count": [DeliveryStatus.SENT],
                "failed_count": [DeliveryStatus.FAILED],
                "pending_count": [DeliveryStatus.QUEUED, DeliveryStatus.SENDING],
                "bounced_count": [DeliveryStatus.BOUNCED],
            }.items()
        }
        # A subquery, not a second join: joined with the deliveries, each article would count once per delivery.
        articles = (
            Digest.articles.through.objects.filter(digest_id=OuterRef("pk"))
            .values("digest_id")
            .annotate(count=Count("pk"))
            .values("count")
        )
        article_count = Coalesce(Subquery(articles, output_field=IntegerField()), 0)
        return super().get_queryset(request).annotate(**counts, article_count=article_count)

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, digest):
        return digest.article_count

    @admin.display(ordering="sent_count")
    def sent(self, digest):
        return digest.sent_count

    @admin.display(ordering="failed_count")
    def failed(self, digest):
        return digest.failed_count

    @admin.display(description="queued", ordering="pending_count")
    def pending(self, digest):
        return digest.pending_count

    @admin.display(ordering="bounced_count")
    def bounced(self, digest):
        return digest.bounced_count

    @admin.display(description="deliveries")
    def delivery_link(self, digest):
        url = reverse("admin:digests_delivery_changelist") + f"?digest__id__exact={digest.pk}"
        return format_html('<a href="{}">Every delivery of this issue, with its result</a>', url)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("preview/", self.admin_site.admin_view(self.preview_view), name="digests_digest_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        """The next issue of a target as readers would get it, and a test copy sent to the editor."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        source = request.POST if request.method == "POST" else request.GET
        follow, frequency = source.get("follow", "publication"), source.get("frequency", Frequency.DAILY)
        try:
            kind, subject = parse_follow(follow)
        except ValueError:
            kind, subject, follow = "publication", None, "publication"
        if frequency not in Frequency.values:
            frequency = Frequency.DAILY
        digest = services.digest_preview(kind=kind, subject_id=subject.pk if subject else None, frequency=frequency)
        if request.method == "POST" and digest is not None:
            if not request.user.email:
                messages.error(request, "Your account has no e-mail address: add one to receive a test copy.")
            else:
                try:
                    mail.test_message(digest, request.user.email).send()
                    messages.success(request, f"A test copy was sent to {request.user.email}.")
                except mail.MAIL_ERRORS as error:
                    messages.error(request, f"The mail server refused the test copy: {error}")
            return redirect(f"{request.path}?follow={follow}&frequency={frequency}")
        html = ""
        if digest is not None:
            stand_in = Subscriber(email="preview@example.invalid")  # unsaved: its links lead nowhere
            html = mail.digest_message(digest, stand_in).alternatives[0][0]
        context = {
            **self.admin_site.each_context(request),
            "title": "Preview of the next digest",
            "opts": self.model._meta,
            "digest": digest,
            "preview_html": html,
            "follow": follow,
            "frequency": frequency,
            "frequencies": Frequency.choices,
            "targets": [("publication", "Everything we publish")]
            + [(row["target_key"], row["name"]) for row in counts_per_target() if row["target_key"] != "publication"],
        }
        return TemplateResponse(request, "admin/digests/digest/preview.html", context)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["digest", "subscriber", "status", "attempts", "sent_at", "message_id"]
    list_filter = ["status", "digest__frequency"]
    search_fields = ["subscriber__email", "message_id"]
    list_select_related = ["digest", "subscriber"]
    readonly_fields = ["digest", "subscriber", "status", "attempts", "message_id", "error", "claimed_at", "sent_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
