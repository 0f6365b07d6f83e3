from django.apps import AppConfig


class DigestsConfig(AppConfig):
    """Readers' e-mail digests: double opt-in subscriptions, issues built from new articles, their delivery."""

    name = "digests"
    verbose_name = "E-mail digests"

    def ready(self):
        from anymail.signals import tracking

        from .signals import provider_event

        tracking.connect(provider_event, dispatch_uid="digests.provider_event")
