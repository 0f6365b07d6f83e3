"""The admin's record of background tasks, for administrators: what ran, when, which attempt, and why it failed."""

from django.contrib import admin
from django.utils.html import format_html
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult


class TaskRecordAdmin(DBTaskResultAdmin):
    """django-tasks-db's read-only admin, with each task's attempt and error in the list."""

    model = DBTaskResult
    list_display = ["task_name", "status", "attempt", "error", "enqueued_at", "run_after_shown", "finished_at"]
    list_filter = ["status", "task_path", "queue_name"]
    search_fields = ["task_path", "exception_class_path", "traceback"]
    date_hierarchy = "enqueued_at"

    @admin.display(description="attempt")
    def attempt(self, obj):
        """Our tasks queue their own retries, each a record of its own with `attempt` counting from 1."""
        return (obj.args_kwargs or {}).get("kwargs", {}).get("attempt", 1)

    @admin.display(description="error")
    def error(self, obj):
        """The last line of the traceback: the exception and its message (the record shows the whole)."""
        if not obj.traceback:
            return "—"
        return format_html("<code>{}</code>", obj.traceback.strip().splitlines()[-1][:200])

    @admin.display(description="run after", ordering="run_after")
    def run_after_shown(self, obj):
        return self.display_run_after(obj)
