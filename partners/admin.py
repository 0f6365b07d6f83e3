from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html

from . import services
from .forms import ABOUT_THE_PARTNER, ABOUT_THE_REPRINT
from .mail import absolute_url
from .models import PermissionRequest, RequestStatus

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
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        obj = self.get_object(request, unquote(object_id))
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

    def decide_view(self, request, object_id):
        """Approve, decline, mark as spam, or revoke / re-issue the kit; through the services only."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
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
