from adminsortable2.admin import SortableAdminBase, SortableTabularInline
from django.contrib import admin
from solo.admin import SingletonModelAdmin

from core.admin import QuickAddMixin
from core.forms import URL_FIELD_OVERRIDES

from .models import FooterLink, PublicationSettings, Source


@admin.register(Source)
class SourceAdmin(QuickAddMixin, admin.ModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    list_display = ["name", "homepage", "canonical_policy", "default_copyright_holders"]
    list_filter = ["canonical_policy", "default_copyright_holders"]
    search_fields = ["name", "homepage"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "homepage", "description"]}),
        ("Rights", {"fields": ["reprint_terms", "default_copyright_holders", "canonical_policy"]}),
        ("Rarely needed", {"classes": ["collapse"], "fields": ["disclaimer"]}),
    ]


class FooterLinkInline(SortableTabularInline):
    model = FooterLink
    fields = ["label", "url"]
    extra = 0
    verbose_name = "footer link"
    verbose_name_plural = "Footer links (drag to reorder)"


@admin.register(PublicationSettings)
class PublicationSettingsAdmin(SortableAdminBase, SingletonModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    inlines = [FooterLinkInline]
    fieldsets = [
        (None, {"fields": ["site_name", "tagline"]}),
        ("Brand", {"fields": ["logo", "accent_colour"]}),
        ("Notices under every article", {"fields": ["reprint_disclaimer", "fair_use_notice"]}),
        (
            "Calls to action",
            {"fields": ["comment_link_text", "comment_link_url", "membership_link_text", "membership_link_url"]},
        ),
        ("Contacts", {"fields": ["media_contact_email", "permissions_contact_email"]}),
    ]
