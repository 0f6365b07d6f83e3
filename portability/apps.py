from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    """Content export and import. It knows every content app; none of them knows it."""

    name = "portability"
    verbose_name = "content export and import"
