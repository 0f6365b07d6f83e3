import datetime
import functools

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from attribution.models import PublicationSettings
from core.admin import NO_SAVE_BUTTONS, RecordInlineMixin
from core.forms import ADMIN_FIELD_OVERRIDES, https_formfield

from . import services
from .exports import ledger_csv
from .forms import ABOUT_THE_PARTNER, ABOUT_THE_REPRINT
from .mail import absolute_url, reprint_message_draft
from .models import CreditStatus, PermissionRequest, Reprint, ReprintDay, ReprintMessage, RequestStatus


def object_view(*, post_only=False):
    """A ModelAdmin view of one record, given the record once it is found and this user may change it.

    As the admin's own change page does: a record that is gone redirects to the list with a message,
    one the user may not change is refused (403); `post_only` views answer other methods 405.
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapper(self, request, object_id):
            if post_only and request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            return view(self, request, obj)

        return wrapper

    return decorate


# The ledger's "recent" column: views in the last this many days, today included.
RECENT_DAYS = 30
# A reprint's page lists its views for this many days (those with views), newest first.
DAYS_SHOWN = 60

# The request as the partner sent it (the form's fields), the article it is about, and when and from whom it came.
PARTNER_FIELDS = [*ABOUT_THE_PARTNER, "article", *ABOUT_THE_REPRINT, "created_at", "client_ip_hash"]


class NotifiedFilter(admin.SimpleListFilter):
    title = "editors notified"
    parameter_name = "notified"

    def lookups(self, request, model_admin):
        return [("no", "Not yet notified"), ("yes", "Notified")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(notified_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(notified_at__isnull=False)
        return queryset


class DecisionForm(forms.Form):
    """The buttons under a request: each submits `decision`, with the note."""

    ACTIONS = {
        "approve": services.permission_request_approve,
        "decline": services.permission_request_decline,
        "spam": services.permission_request_mark_spam,
    }
    KIT_ACTIONS = {
        "revoke_kit": services.permission_request_revoke_kit,
        "reissue_kit": services.permission_request_reissue_kit,
    }

    decision = forms.ChoiceField(choices=[(name, name) for name in [*ACTIONS, *KIT_ACTIONS]])
    note = forms.CharField(
        label="Note to the partner",
        required=False,
        max_length=2000,
        # Rendered inside the admin's change form; `form` ties it to the decide form (see the template).
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60, "form": "decision-form"}),
        help_text="Sent with an approval or a refusal (conditions, or the reason). Not sent for spam.",
    )

    def apply(self, *, request, by):
        decision = self.cleaned_data["decision"]
        if decision in self.KIT_ACTIONS:
            return self.KIT_ACTIONS[decision](request=request, by=by)
        return self.ACTIONS[decision](request=request, by=by, note=self.cleaned_data["note"])


@admin.register(PermissionRequest)
class PermissionRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "organisation", "name", "article", "medium", "status", "notified"]
    list_display_links = ["created_at", "organisation"]
    list_filter = ["status", "medium", NotifiedFilter]
    list_select_related = ["article"]
    search_fields = ["name", "organisation", "email", "article__title"]
    date_hierarchy = "created_at"
    change_form_template = "admin/partners/permissionrequest/change_form.html"
    fieldsets = [
        ("The request", {"fields": PARTNER_FIELDS}),
        ("Decision", {"fields": ["status", "decision_note", "decided_by", "decided_at", "kit_link"]}),
        ("E-mail", {"fields": ["notified_at", "acknowledged_at", "decision_sent_at"]}),
    ]
    readonly_fields = [
        *PARTNER_FIELDS,
        "status",
        "decision_note",
        "decided_by",
        "decided_at",
        "kit_link",
        "notified_at",
        "acknowledged_at",
        "decision_sent_at",
    ]

    @admin.display(boolean=True, description="Editors notified", ordering="notified_at")
    def notified(self, obj):
        return obj.notified_at is not None

    @admin.display(description="Kit link")
    def kit_link(self, obj):
        if obj.status != RequestStatus.APPROVED:
            return "Issued on approval."
        url = absolute_url(obj.get_kit_path())
        if obj.kit_revoked_at:
            return format_html("Revoked on {:%Y-%m-%d %H:%M} (the page answers “gone”).", obj.kit_revoked_at)
        return format_html('<a href="{}">{}</a>', url, url)

    def has_add_permission(self, request):
        return False  # requests come from partners, through the public form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Everything on the page is read-only; the decision buttons below it do the work.
        extra_context = {**(extra_context or {}), **NO_SAVE_BUTTONS}
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and request.user.has_perm("partners.view_reprint"):
            extra_context["reprints"] = reprints_with_views(obj.reprints.all())
        if obj is not None and self.has_change_permission(request, obj):
            extra_context["decision_form"] = DecisionForm()
            extra_context["decide_url"] = reverse("admin:partners_permissionrequest_decide", args=[obj.pk])
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        decide = path(
            "<path:object_id>/decide/",
            self.admin_site.admin_view(self.decide_view),
            name="partners_permissionrequest_decide",
        )
        return [decide, *super().get_urls()]

    @object_view(post_only=True)
    def decide_view(self, request, obj):
        """Approve, decline, mark as spam, or revoke / re-issue the kit; through the services only."""
        change_url = reverse("admin:partners_permissionrequest_change", args=[obj.pk])
        form = DecisionForm(request.POST)
        if not form.is_valid():
            self.message_user(request, "That decision could not be recorded: " + form.errors.as_text(), messages.ERROR)
            return HttpResponseRedirect(change_url)
        try:
            obj = form.apply(request=obj, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(change_url)
        decision = form.cleaned_data["decision"]
        summary = {
            "approve": "Approved; the kit goes to the partner.",
            "decline": "Declined; the partner is told.",
            "spam": "Marked as spam; no e-mail is sent.",
            "revoke_kit": "Kit link revoked: the page now answers “gone”.",
            "reissue_kit": "New kit link issued and e-mailed to the partner.",
        }[decision]
        self.log_change(request, obj, summary)
        self.message_user(request, summary, messages.SUCCESS)
        owes_mail = decision != "spam" and decision != "revoke_kit" and obj.decision_sent_at is None
        if owes_mail:
            self.message_user(
                request,
                "The e-mail to the partner could not be sent now; `send_pending_notifications` will retry it.",
                messages.WARNING,
            )
        return HttpResponseRedirect(change_url)


# --- The republication ledger -----------------------------------------------------------------------


def recent_since():
    return timezone.localdate() - datetime.timedelta(days=RECENT_DAYS - 1)


def reprints_with_views(queryset):
    """Reprints with their counts (`total_views`, `recent_views`, `last_seen`), partner and article, most read first."""
    return (
        queryset.with_views(since=recent_since())
        .select_related("article", "permission_request")
        .order_by("-total_views", "-first_seen", "-pk")
    )


def page_link(reprint):
    if not reprint.page_url:
        return "Unknown page"  # the readers' browsers sent no Referer we could use
    link = '<a href="{}" rel="noopener noreferrer" target="_blank">{}</a>'
    return format_html(link, reprint.page_url, reprint.page_url.split("://", 1)[-1])


def credit_summary(reprint):
    """The credit check's result as editors read it: the status, then what is missing or why the page failed."""
    if reprint.credit_status == CreditStatus.MISSING:
        items = format_html_join("", "<li>{}</li>", ((problem,) for problem in reprint.credit_problems))
        return format_html("{}:<ul>{}</ul>", reprint.get_credit_status_display(), items)
    if reprint.credit_status == CreditStatus.FETCH_FAILED:
        return format_html("{}: {}", reprint.get_credit_status_display(), reprint.credit_error)
    if not reprint.page_url:
        return "No page to check."
    return reprint.get_credit_status_display()


def article_reprints_panel(request, article):
    """The article's admin page: where partners republished it and how often it was read (partners.apps)."""
    if not request.user.has_perm("partners.view_reprint"):
        return ""
    reprints = list(reprints_with_views(Reprint.objects.filter(article=article)))
    context = {"reprints": reprints, "article": article, "recent_days": RECENT_DAYS, "show_article": False}
    return render_to_string("admin/partners/reprint/panel.html", context, request=request)


NO_REQUEST = "-"


class PartnerFilter(admin.SimpleListFilter):
    """By partner organisation, as they named themselves on their requests."""

    title = "partner"
    parameter_name = "partner"

    def lookups(self, request, model_admin):
        names = (
            Reprint.objects.exclude(permission_request=None)
            .order_by("permission_request__organisation")
            .values_list("permission_request__organisation", flat=True)
            .distinct()
        )
        return [*((name, name) for name in names), (NO_REQUEST, "No request (found by editors)")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if value == NO_REQUEST:
            return queryset.filter(permission_request=None)
        return queryset.filter(permission_request__organisation=value)


class ReprintMessageInline(RecordInlineMixin, admin.StackedInline):
    model = ReprintMessage
    fields = ["created_at", "written_by", "to", "subject", "body", "sent_at"]
    readonly_fields = fields


class ReprintAddForm(forms.ModelForm):
    """A copy an editor found; a page typed without a scheme means https, as everywhere in the admin."""

    class Meta:
        formfield_callback = https_formfield
        model = Reprint
        fields = ["article", "permission_request", "page_url"]
        help_texts = {"page_url": "The full address of the page carrying the copy, e.g. https://paper.example/ports/."}

    def clean(self):
        cleaned = super().clean()
        article, permission_request = cleaned.get("article"), cleaned.get("permission_request")
        if article and permission_request and permission_request.article_id != article.pk:
            self.add_error("permission_request", "That permission request is for another article.")
        if "page_url" in cleaned and not cleaned["page_url"]:
            self.add_error("page_url", "Enter the address of the page carrying the copy.")
        return cleaned


class ReprintMessageForm(forms.Form):
    to = forms.EmailField(
        label="To",
        widget=forms.EmailInput(attrs={"class": "vTextField"}),
        help_text="The partner's address from their request.",
    )
    subject = forms.CharField(max_length=200, widget=forms.TextInput(attrs={"class": "vLargeTextField"}))
    body = forms.CharField(
        label="Message",
        widget=forms.Textarea(attrs={"rows": 20, "cols": 80, "class": "vLargeTextField"}),
        help_text="Sent exactly as written, as plain text; replies go to the permissions contact.",
    )

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())


@admin.register(Reprint)
class ReprintAdmin(admin.ModelAdmin):
    """The ledger: where each article was republished, by whom, how often it is read, and whether it credits us."""

    formfield_overrides = ADMIN_FIELD_OVERRIDES
    list_display = ["ledger_entry", "page", "partner", "total_views", "recent_views", "last_seen", "credits_in_short"]
    list_filter = ["credit_status", PartnerFilter, ("article", admin.RelatedOnlyFieldListFilter), "found_by"]
    search_fields = ["page_url", "article__title", "permission_request__organisation"]
    date_hierarchy = "first_seen"
    autocomplete_fields = ["article", "permission_request"]
    inlines = [ReprintMessageInline]
    actions = ["check_now", "write_to_partner", "download_csv"]
    readonly_fields = [
        "article",
        "permission_request",
        "page",
        "found_by",
        "first_seen",
        "total_views",
        "recent_views",
        "last_seen",
        "credits",
        "credit_checked_at",
        "views_by_day",
    ]
    change_form_template = "admin/partners/reprint/change_form.html"

    def get_queryset(self, request):
        return reprints_with_views(super().get_queryset(request))

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ReprintAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["article", "permission_request", "page_url"]
        return self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            return  # nothing on a reprint's page is edited by hand: counts come from readers, credits from the check
        saved = services.reprint_add(
            article=obj.article, page_url=obj.page_url, permission_request=obj.permission_request
        )
        obj.pk = saved.pk
        obj.found_by, obj.first_seen = saved.found_by, saved.first_seen

    @admin.display(description="article", ordering="article__title")
    def ledger_entry(self, obj):
        return obj.article.title

    @admin.display(description="page", ordering="page_url")
    def page(self, obj):
        return page_link(obj)

    @admin.display(description="partner", ordering="permission_request__organisation")
    def partner(self, obj):
        if obj.permission_request is None:
            return "—"
        url = reverse("admin:partners_permissionrequest_change", args=[obj.permission_request_id])
        return format_html('<a href="{}">{}</a>', url, obj.permission_request.organisation)

    @admin.display(description="views", ordering="total_views")
    def total_views(self, obj):
        return obj.total_views

    @admin.display(description=f"{RECENT_DAYS} days", ordering="recent_views")
    def recent_views(self, obj):
        return obj.recent_views

    @admin.display(description="last seen", ordering="last_seen")
    def last_seen(self, obj):
        return date_format(obj.last_seen) if obj.last_seen else "—"

    @admin.display(description=f"views by day (last {DAYS_SHOWN} days with views)")
    def views_by_day(self, obj):
        days = ReprintDay.objects.filter(reprint=obj).order_by("-day")[:DAYS_SHOWN]
        rows = format_html_join("", "<tr><td>{}</td><td>{}</td></tr>", ((date_format(d.day), d.views) for d in days))
        if not rows:
            return "None yet."
        return format_html(
            '<table id="views-by-day"><thead><tr><th scope="col">Day</th><th scope="col">Views</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            rows,
        )

    @admin.display(description="credits", ordering="credit_status")
    def credits_in_short(self, obj):
        """The status, and how many credits are missing; the reprint's page lists them."""
        if not obj.page_url:
            return "—"
        if obj.credit_status == CreditStatus.MISSING:
            return f"{obj.get_credit_status_display()} ({len(obj.credit_problems)})"
        return obj.get_credit_status_display()

    @admin.display(description="credits", ordering="credit_status")
    def credits(self, obj):
        return credit_summary(obj)

    @admin.action(description="Check credits now", permissions=["change"])
    def check_now(self, request, queryset):
        checkable = [reprint for reprint in queryset if reprint.page_url]
        for reprint in checkable:
            services.reprint_queue_check(reprint=reprint)
        skipped = len(queryset) - len(checkable)
        self.message_user(request, f"Credit check queued for {len(checkable)} reprint(s).", messages.SUCCESS)
        if skipped:
            self.message_user(request, f"{skipped} had no page address to check.", messages.WARNING)

    @admin.action(description="Download as a spreadsheet (CSV)", permissions=["view"])
    def download_csv(self, request, queryset):
        """The chosen rows (or, with "Select all", every row the filters show) with their counts, for authors
        and sources who ask where their work was republished and read."""
        text = ledger_csv(queryset, recent_days=RECENT_DAYS)
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="reprints-{timezone.localdate():%Y-%m-%d}.csv"'
        return response

    @admin.action(description="Write to the partner", permissions=["change"])
    def write_to_partner(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Choose one reprint to write about.", messages.WARNING)
            return None
        return HttpResponseRedirect(reverse("admin:partners_reprint_write", args=[queryset.get().pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Read-only: counts come from readers, credits from the check; the buttons below do the work.
        extra_context = {**(extra_context or {}), **NO_SAVE_BUTTONS}
        obj = self.get_object(request, unquote(object_id))
        extra_context["reprint_actions"] = obj is not None and self.has_change_permission(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/write/", view(self.write_view), name="partners_reprint_write"),
            path("<path:object_id>/check/", view(self.check_view), name="partners_reprint_check"),
            *super().get_urls(),
        ]

    @object_view(post_only=True)
    def check_view(self, request, reprint):
        """The change page's "Check credits now": queue the check (run at once where tasks run at once)."""
        self.check_now(request, Reprint.objects.filter(pk=reprint.pk))
        return HttpResponseRedirect(reverse("admin:partners_reprint_change", args=[reprint.pk]))

    @object_view()
    def write_view(self, request, reprint):
        """A message to the partner, prefilled with what the credit check found missing; sent by a task."""
        change_url = reverse("admin:partners_reprint_change", args=[reprint.pk])
        if request.method == "POST":
            form = ReprintMessageForm(request.POST)
            if form.is_valid():
                services.reprint_message_send(reprint=reprint, by=request.user, **form.cleaned_data)
                to = form.cleaned_data["to"]
                self.log_change(request, reprint, f"Wrote to {to} about the credits.")
                self.message_user(request, f"Message to {to} queued for sending.", messages.SUCCESS)
                return HttpResponseRedirect(change_url)
        else:
            to, subject, body = reprint_message_draft(reprint, PublicationSettings.get_solo())
            form = ReprintMessageForm(initial={"to": to, "subject": subject, "body": body})
        context = {
            **self.admin_site.each_context(request),
            "title": "Write to the partner",
            "subtitle": str(reprint),
            "opts": self.opts,
            "original": reprint,
            "form": form,
            "adminform": helpers.AdminForm(form, [(None, {"fields": ["to", "subject", "body"]})], {}),
            "change_url": change_url,
            "credits": credit_summary(reprint),
        }
        return TemplateResponse(request, "admin/partners/reprint/write.html", context)
