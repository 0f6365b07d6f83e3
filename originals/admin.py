"""The editors' side of the watch: the queue of originals that need attention, each original's record, and
every source's health on its own admin page."""

import difflib

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from attribution.admin import SourceAdmin
from attribution.models import Source

from . import services
from .models import Finding, FindingKind, FindingStatus, Watch, WatchState
from .tasks import check_original

EXCERPT = 300  # characters of an old or new text shown in the queue


class FindingStatusFilter(admin.SimpleListFilter):
    """The queue shows open findings unless asked for others."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*FindingStatus.choices, ("all", "All")]

    def choices(self, changelist):
        value = self.value() or FindingStatus.OPEN
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or FindingStatus.OPEN
        return queryset if value == "all" else queryset.filter(status=value)


def _excerpt(text):
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"


def _sentences(text):
    return [sentence.strip() for sentence in text.replace("\n", " ").split(". ") if sentence.strip()]


def text_changes(old, new, *, limit=12):
    """The sentences removed and added between two texts, as an HTML list (at most `limit` of each)."""
    removed, added = [], []
    for line in difflib.ndiff(_sentences(old), _sentences(new)):
        if line.startswith("- ") and len(removed) < limit:
            removed.append(line[2:])
        elif line.startswith("+ ") and len(added) < limit:
            added.append(line[2:])
    rows = [("removed", "del", sentence) for sentence in removed] + [("added", "ins", sentence) for sentence in added]
    return format_html(
        '<ul class="originals-diff">{}</ul>',
        format_html_join("", '<li class="originals-{}"><{}>{}</{}></li>', ((a, t, s, t) for a, t, s in rows)),
    )


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    # What changed and its one-click answer before the dates, so they are in view beside the filters at 1280 px.
    list_display = ["kind", "article", "what_changed", "answer", "found"]
    list_display_links = ["kind"]
    list_filter = [FindingStatusFilter, "kind", ("watch__article__source", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["watch__article"]
    search_fields = ["watch__url", "watch__article__title", "old_value", "new_value"]
    date_hierarchy = "found_at"
    actions = ["dismiss_selected", "use_new_address_selected"]
    fields = [
        "article",
        "original",
        "kind",
        "what_changed",
        "detail",
        "status",
        "found_at",
        "last_seen_at",
        "closed_at",
        "closed_by",
        "answer",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # findings come from checks, never from a form

    @admin.display(description="article", ordering="watch__article__title")
    def article(self, finding):
        article = finding.watch.article
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[article.pk]), article.title
        )

    @admin.display(description="found", ordering="found_at")
    def found(self, finding):
        """The day, short: the list is newest first, and the finding's page has the time."""
        return date_format(timezone.localtime(finding.found_at), "j M Y")

    @admin.display(description="original")
    def original(self, finding):
        return format_html('<a href="{0}" rel="noreferrer noopener">{0}</a>', finding.watch.url)

    @admin.display(description="what changed")
    def what_changed(self, finding):
        if finding.kind == FindingKind.TEXT:
            return format_html("{}{}", finding.detail, text_changes(finding.old_value, finding.new_value))
        if finding.kind == FindingKind.CORRECTION:
            return format_html("<ins>{}</ins>", _excerpt(finding.new_value))
        return format_html(
            "<del>{}</del> → <ins>{}</ins>", _excerpt(finding.old_value) or "(none)", _excerpt(finding.new_value)
        )

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": "Originals that need attention", **(extra_context or {})})

    @admin.display(description="answer")
    def answer(self, finding):
        """One-click answers: buttons that post the page's own form (with its CSRF token) to the answer's address."""
        if finding.status != FindingStatus.OPEN:
            return finding.get_status_display()
        buttons = []
        if finding.kind == FindingKind.MOVED:
            buttons.append(("admin:originals_finding_use_new_address", "Use the new address"))
        buttons.append(("admin:originals_finding_dismiss", "Dismiss"))
        return format_html_join(
            " ",
            '<button type="submit" class="button" formaction="{}" formmethod="post">{}</button>',
            ((reverse(name, args=[finding.pk]), label) for name, label in buttons),
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/use-new-address/",
                self.admin_site.admin_view(self.use_new_address_view),
                name="originals_finding_use_new_address",
            ),
            path(
                "<path:object_id>/dismiss/",
                self.admin_site.admin_view(self.dismiss_view),
                name="originals_finding_dismiss",
            ),
            *super().get_urls(),
        ]

    def _answer(self, request, object_id, answer):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        finding = get_object_or_404(Finding.objects.select_related("watch__article"), pk=unquote(object_id))
        if not self.has_change_permission(request, finding):
            raise PermissionDenied
        if finding.status == FindingStatus.OPEN:
            answer(request, finding)
        else:
            self.message_user(request, "That finding was already answered.", messages.WARNING)
        return HttpResponseRedirect(request.META.get("HTTP_REFERER") or reverse("admin:originals_finding_changelist"))

    def use_new_address_view(self, request, object_id):
        return self._answer(request, object_id, self._use_new_address)

    def dismiss_view(self, request, object_id):
        return self._answer(request, object_id, self._dismiss)

    def _use_new_address(self, request, finding):
        if not request.user.has_perm("articles.change_article"):
            raise PermissionDenied
        try:
            article = services.finding_use_new_address(finding=finding, user=request.user)
        except services.NotMoved as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(request, f"“{article.title}” now credits its original at {article.original_url}.")

    def _dismiss(self, request, finding):
        services.finding_dismiss(finding=finding, user=request.user)
        self.message_user(request, f"Dismissed: {finding}.")

    @admin.action(description="Dismiss the selected findings", permissions=["change"])
    def dismiss_selected(self, request, queryset):
        findings = list(queryset.open().select_related("watch__article"))
        for finding in findings:
            services.finding_dismiss(finding=finding, user=request.user)
        self.message_user(request, f"{len(findings)} dismissed.")

    @admin.action(description="Use the new address (moved originals)", permissions=["change"])
    def use_new_address_selected(self, request, queryset):
        if not request.user.has_perm("articles.change_article"):
            raise PermissionDenied
        findings = list(queryset.open().filter(kind=FindingKind.MOVED).select_related("watch__article"))
        for finding in findings:
            services.finding_use_new_address(finding=finding, user=request.user)
        skipped = queryset.exclude(pk__in=[finding.pk for finding in findings]).count()
        message = f"{len(findings)} articles now credit their original's new address."
        if skipped:
            message += f" {skipped} selected findings were not open “moved” findings and were left as they are."
        self.message_user(request, message)


def recent_checks(watch, *, limit=10):
    checks = list(watch.checks.all()[:limit])
    if not checks:
        return "Not checked yet."
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                f"{check.checked_at:%Y-%m-%d %H:%M}",
                check.status or "—",
                check.get_redirect_kind_display() if check.redirect_kind else "",
                check.title,
                "" if check.similarity is None else f"{check.similarity:.0%}",
                check.error,
            )
            for check in checks
        ),
    )
    return format_html(
        "<table><thead><tr><th>When</th><th>HTTP</th><th>Redirect</th><th>Title</th><th>Text alike</th>"
        "<th>Error</th></tr></thead><tbody>{}</tbody></table>",
        rows,
    )


@admin.register(Watch)
class WatchAdmin(admin.ModelAdmin):
    list_display = ["article", "url", "state", "open_findings", "last_checked_at", "next_due_at"]
    list_filter = ["state", ("article__source", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["url", "article__title"]
    fieldsets = [
        (None, {"fields": ["article", "url", "state", "last_checked_at", "next_due_at", "archived_url"]}),
        ("As first read", {"fields": ["baseline_at", "baseline_title", "baseline_byline", "baseline_date"]}),
        ("Checks", {"fields": ["checks_table"]}),
    ]
    readonly_fields = [
        "article",
        "url",
        "state",
        "last_checked_at",
        "baseline_at",
        "baseline_title",
        "baseline_byline",
        "baseline_date",
        "archived_url",
        "checks_table",
    ]

    actions = ["check_now"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(open_count=Count("findings", filter=Q(findings__status="open")))

    @admin.action(description="Check the selected originals now", permissions=["view"])
    def check_now(self, request, queryset):
        article_ids = list(queryset.values_list("article_id", flat=True))
        for article_id in article_ids:
            check_original.enqueue(article_id)
        self.message_user(request, f"{len(article_ids)} originals queued for a check; each finding will show here.")

    def has_add_permission(self, request):
        return False  # a watch starts when its cross-post is published

    @admin.display(description="open findings", ordering="open_count")
    def open_findings(self, watch):
        if not watch.open_count:
            return 0
        url = reverse("admin:originals_finding_changelist") + f"?watch__id__exact={watch.pk}"
        return format_html('<a href="{}">{}</a>', url, watch.open_count)

    @admin.display(description="last checks")
    def checks_table(self, watch):
        return recent_checks(watch)


# Every original a source's articles were republished from, and how each is, on the source's own page.
admin.site.unregister(Source)


@admin.register(Source)
class SourceWithOriginalsAdmin(SourceAdmin):
    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [*fieldsets, ("Health of its originals", {"fields": ["originals_health"]})]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "originals_health"]

    @admin.display(description="originals")
    def originals_health(self, source):
        watches = Watch.objects.filter(article__source=source)
        counts = dict(watches.values_list("state").annotate(count=Count("pk")).order_by())
        summary = format_html_join(
            ", ", "{}: {}", ((label, counts.get(state, 0)) for state, label in WatchState.choices)
        )
        rows = watches.select_related("article").annotate(
            open_count=Count("findings", filter=Q(findings__status="open"))
        )
        listing = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td><a href="{}" rel="noreferrer noopener">{}</a></td>'
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    reverse("admin:originals_watch_change", args=[watch.pk]),
                    watch.article.title,
                    watch.url,
                    watch.url,
                    watch.get_state_display(),
                    watch.open_count,
                    f"{watch.last_checked_at:%Y-%m-%d}" if watch.last_checked_at else "never",
                )
                for watch in rows.order_by("state", "article__title")
            ),
        )
        return format_html(
            '<p class="originals-health-summary">{}</p><table class="originals-health"><thead><tr><th>Article</th>'
            "<th>Original</th><th>State</th><th>Open findings</th><th>Last checked</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            summary,
            listing,
        )
