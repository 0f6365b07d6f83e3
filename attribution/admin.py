from django.contrib import admin
from solo.admin import SingletonModelAdmin

from core.forms import URL_FIELD_OVERRIDES

from .models import PublicationSettings, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
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


@admin.register(PublicationSettings)
class PublicationSettingsAdmin(SingletonModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    fieldsets = [
        (None, {"fields": ["site_name", "tagline"]}),
        ("Notices under every article", {"fields": ["reprint_disclaimer", "fair_use_notice"]}),
        (
            "Calls to action",
            {"fields": ["comment_link_text", "comment_link_url", "membership_link_text", "membership_link_url"]},
        ),
        ("Contacts", {"fields": ["media_contact_email", "permissions_contact_email"]}),
    ]
