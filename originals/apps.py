from django.apps import AppConfig


class OriginalsConfig(AppConfig):
    """The originals we republish, watched: each fetch recorded, and what changed put before the editors."""

    name = "originals"
    verbose_name = "Originals"

    def ready(self):
        from . import signals  # noqa: F401  # a cross-post going live is watched from then on
