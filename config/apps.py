"""The project's own configuration of third-party apps (Django's documented way to rename one)."""

from django_tasks_db.apps import TasksAppConfig
from taggit.apps import TaggitAppConfig


class TagsConfig(TaggitAppConfig):
    """django-taggit, shown to editors as "Tags": its package name means nothing to them."""

    verbose_name = "Tags"


class TasksConfig(TasksAppConfig):
    """django-tasks' database backend, shown to administrators as "Background tasks", each attempt readable.

    Its records are visible to superusers and to accounts given its "view" permission; no editorial
    role (articles.roles) has it.
    """

    verbose_name = "Background tasks"

    def ready(self):
        super().ready()
        from django.contrib import admin

        from .task_admin import TaskRecordAdmin

        # The package's own admin was registered by autodiscover (django.contrib.admin is listed first).
        if admin.site.is_registered(TaskRecordAdmin.model):
            admin.site.unregister(TaskRecordAdmin.model)
        admin.site.register(TaskRecordAdmin.model, TaskRecordAdmin)
