from django.apps import AppConfig


class DigestsConfig(AppConfig):
    """Readers' e-mail digests: double opt-in subscriptions, issues built from new articles, their delivery."""

    name = "digests"
    verbose_name = "E-mail digests"
