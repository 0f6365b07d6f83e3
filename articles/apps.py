from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        import reversion
        from django.db.models.signals import post_migrate
        from taggit.models import TaggedItem

        from images.usage import register_usage_finder

        from . import signals  # noqa: F401 - connects the receivers
        from .embeds import image_uses
        from .roles import sync_roles_after_migrate

        # Deleting a library picture lists the articles that show it (images knows nothing of articles).
        register_usage_finder(image_uses)

        # An article's revisions keep its tags too (see Article.tag_links).
        if not reversion.is_registered(TaggedItem):
            reversion.register(TaggedItem)
        # After every migrate and flush: see sync_roles_after_migrate.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="articles.sync_roles")
