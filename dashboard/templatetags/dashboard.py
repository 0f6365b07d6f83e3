from django import template
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Status

from .. import desk

register = template.Library()


@register.inclusion_tag("dashboard/panel.html", takes_context=True)
def editorial_dashboard(context):
    """Work waiting for the team, each count linking to the filtered list, recent changes and the weekly rhythm."""
    user = context["request"].user
    now = timezone.now()
    panel = {"tiles": [], "chart_height": desk.CHART_HEIGHT + 30}
    if user.has_perm("articles.view_article"):
        articles = desk.articles_for(user)
        counts = desk.article_counts(articles, now=now)
        changelist = reverse("admin:articles_article_changelist")
        panel["tiles"] += [
            ("Drafts", counts["drafts"], f"{changelist}?status__exact={Status.DRAFT}"),
            ("In review", counts["review"], f"{changelist}?status__exact={Status.REVIEW}"),
            ("Scheduled", counts["scheduled"], f"{changelist}?visibility=scheduled"),
        ]
        panel["shows_articles"] = True
        panel["in_review"] = desk.in_review(articles)
        panel["scheduled"] = desk.scheduled(articles, now=now)
        panel["attention"] = desk.originals_needing_attention(articles)
        panel["weeks"] = desk.published_per_week(now=now)
        panel["chart_width"] = len(panel["weeks"]) * (desk.BAR_WIDTH + desk.BAR_GAP)
        panel["bar_width"] = desk.BAR_WIDTH
    if apps.is_installed("originals") and user.has_perm("originals.view_finding"):
        waiting, panel["findings"] = desk.open_findings()
        changelist = reverse("admin:originals_finding_changelist")
        panel["tiles"].append(("Originals that need attention", waiting, f"{changelist}?status=open"))
    if apps.is_installed("partners") and user.has_perm("partners.view_permissionrequest"):
        panel["shows_requests"] = True
        waiting, panel["requests"] = desk.requests_waiting()
        changelist = reverse("admin:partners_permissionrequest_changelist")
        panel["tiles"].append(("New reprint requests", waiting, f"{changelist}?status__exact=new"))
    database_tasks = settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    if database_tasks and user.has_perm("django_tasks_database.view_dbtaskresult"):
        panel["tasks"] = desk.background_tasks(now=now)
        panel["tasks_url"] = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    if user.has_perm("admin.view_logentry") or user.is_superuser:
        panel["activity"] = desk.recent_changes()
    return panel
