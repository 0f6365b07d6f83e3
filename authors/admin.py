from django.contrib import admin

from config.admin_defaults import URL_FIELD_OVERRIDES

from .models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    list_display = ["name", "affiliation", "email"]
    search_fields = ["name", "affiliation", "email"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "affiliation", "short_bio", "bio", "photo", "website"]}),
        ("Private", {"fields": ["email"], "description": "Never shown on the site."}),
    ]
