from .models import PublicationSettings


def publication_for(request):
    """The publication settings, read from django-solo's cache once per request however often asked."""
    settings = getattr(request, "_publication_settings", None)
    if settings is None:
        settings = request._publication_settings = PublicationSettings.get_solo()
    return settings


def publication(request):
    """Site name, disclaimers and contacts for every template (cached by django-solo)."""
    return {"publication": publication_for(request)}
