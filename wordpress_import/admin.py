from django.contrib import admin

from .models import ImportRecord


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    """Read-only: records are written by `manage.py import_wordpress` alone."""

    list_display = ["wp_id", "kind", "site", "article", "image", "author", "last_imported_at"]
    list_filter = ["kind", "site"]
    search_fields = ["wp_id", "guid", "old_path", "article__title"]
    list_select_related = ["article", "image", "author"]
    date_hierarchy = "last_imported_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
