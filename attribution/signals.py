"""Keep the sites framework's one record naming the host this deployment really serves."""

from django.conf import settings


def sync_site_domain(sender, using="default", **kwargs):
    """After every migrate (and test flush): feeds, sitemaps and "view on site" use this domain."""
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_DOMAIN}
    )
    Site.objects.clear_cache()
