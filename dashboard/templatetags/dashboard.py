from django import template
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from articles.models import LIVE_STATUSES, Article, Status

register = template.Library()


@register.inclusion_tag("dashboard/panel.html", takes_context=True)
def editorial_dashboard(context):
    """Work waiting for the team, each count linking to the filtered list, and recent activity."""
    request = context["request"]
    user = request.user
    tiles = []
    if user.has_perm("articles.view_article"):
        articles = Article.objects.all()
        if not user.has_perm("articles.publish_article"):
            articles = articles.filter(created_by=user)
        now = timezone.now()
        counts = articles.aggregate(
            drafts=Count("pk", filter=Q(status=Status.DRAFT)),
            review=Count("pk", filter=Q(status=Status.REVIEW)),
            scheduled=Count("pk", filter=Q(status__in=LIVE_STATUSES, published_at__gt=now)),
        )
        changelist = reverse("admin:articles_article_changelist")
        tiles += [
            ("Drafts", counts["drafts"], f"{changelist}?status__exact={Status.DRAFT}"),
            ("In review", counts["review"], f"{changelist}?status__exact={Status.REVIEW}"),
            ("Scheduled", counts["scheduled"], f"{changelist}?visibility=scheduled"),
        ]
    if apps.is_installed("partners") and user.has_perm("partners.view_permissionrequest"):
        PermissionRequest = apps.get_model("partners", "PermissionRequest")
        waiting = PermissionRequest.objects.filter(status="new").count()
        tiles.append(
            (
                "New reprint requests",
                waiting,
                reverse("admin:partners_permissionrequest_changelist") + "?status__exact=new",
            )
        )
    activity = LogEntry.objects.select_related("user", "content_type").order_by("-action_time")[:10]
    return {"tiles": tiles, "activity": activity if user.has_perm("admin.view_logentry") or user.is_superuser else []}
