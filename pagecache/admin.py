from django.contrib import admin

from .models import Purge


@admin.register(Purge)
class PurgeAdmin(admin.ModelAdmin):
    """The purge log: when each change reached the shared cache in front, read-only."""

    list_display = ["requested_at", "result", "backend", "keys_shown", "attempts", "duration_ms", "finished_at"]
    list_filter = ["result", "backend"]
    search_fields = ["keys"]
    date_hierarchy = "requested_at"
    readonly_fields = ["keys", "backend", "result", "detail", "attempts", "requested_at", "finished_at", "duration_ms"]

    @admin.display(description="keys")
    def keys_shown(self, purge):
        return purge.keys if len(purge.keys) <= 80 else purge.keys[:79] + "…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
