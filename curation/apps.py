from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "curation"
    verbose_name = "Front page and menu"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
