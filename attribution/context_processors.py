from .models import PublicationSettings


def publication(request):
    """Site name, disclaimers and contacts for every template (cached by django-solo)."""
    return {"publication": PublicationSettings.get_solo()}
