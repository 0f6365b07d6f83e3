from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What several apps share (core/); installed for its deploy checks."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy checks
