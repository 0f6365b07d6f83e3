from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AttributionConfig(AppConfig):
    name = "attribution"
    verbose_name = "Sources and attribution"

    def ready(self):
        from .signals import sync_site_domain

        post_migrate.connect(sync_site_domain, sender=self)
