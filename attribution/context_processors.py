from django.utils.functional import SimpleLazyObject

from pagecache.store import remember

from .models import FooterLink, PublicationSettings


def publication_for(request):
    """The publication settings, read from django-solo's cache once per request however often asked."""
    settings = getattr(request, "_publication_settings", None)
    if settings is None:
        settings = request._publication_settings = PublicationSettings.get_solo()
    return settings


def footer_links():
    return [(link.label, link.url) for link in FooterLink.objects.all()]


def publication(request):
    """Site name, brand, disclaimers, contacts and the footer's links for every template."""
    return {
        "publication": publication_for(request),
        # Lazy: read only by templates that show the footer (not by feed items or e-mails). Every page
        # shows it: a change to a footer link changes every page (pagecache's EVERY_PAGE).
        "footer_links": SimpleLazyObject(lambda: remember("navigation:footer", footer_links, keys=())),
    }
