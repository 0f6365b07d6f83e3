"""Deploy checks (`manage.py check --deploy`) for settings only a real deployment can get wrong."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_proxy_count(app_configs=None, **kwargs):
    """Behind a proxy that terminates HTTPS, TRUSTED_PROXY_COUNT must say how many proxies there are."""
    if not settings.SECURE_PROXY_SSL_HEADER or settings.TRUSTED_PROXY_COUNT > 0:
        return []
    return [
        checks.Warning(
            "The site runs behind a proxy that terminates HTTPS (SECURE_PROXY_SSL_HEADER), but TRUSTED_PROXY_COUNT "
            "is 0, so every reader has the proxy's address: one address's failed sign-ins would pause everyone's, "
            "and the partner form's and the tracking image's limits would count all readers as one.",
            hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For: 1 for nginx "
            "alone, 2 for nginx and then Varnish (docs/deployment.md).",
            id="core.W001",
        )
    ]
