from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401 - connects the receivers
        from .roles import sync_roles_after_migrate

        # Runs once after every migrate, when every app's permissions exist.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="articles.sync_roles")
