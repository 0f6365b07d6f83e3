"""The project's admin site: Django's, with autocomplete boxes that can offer to create what they don't find."""

import json

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.http import JsonResponse


class QuickAddAutocompleteView(AutocompleteJsonView):
    """Django's autocomplete answer, plus "Add “…” as a new …" on its first page where the model admin offers it
    (core.admin.QuickAddMixin)."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        offer_for = getattr(self.model_admin, "quick_add_offer", None)
        if offer_for is None or request.GET.get("page", "1") != "1":
            return response
        offer = offer_for(request, self.term)
        if offer is None:
            return response
        data = json.loads(response.content)
        data["results"].append(offer)
        return JsonResponse(data)


class CrosspostAdminSite(admin.AdminSite):
    site_header = "Crosspost editors"
    site_title = "Crosspost"
    index_title = "Publication"

    def autocomplete_view(self, request):
        return QuickAddAutocompleteView.as_view(admin_site=self)(request)


class CrosspostAdminConfig(AdminConfig):
    """django.contrib.admin with our site as the default one (Django's documented way to replace it)."""

    default_site = "config.admin.CrosspostAdminSite"
