"""The site's URLs plus the ceiling view; only config.settings.bench routes here."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

from .views import ceiling

urlpatterns = [
    path("bench/ceiling/<slug:slug>/", ceiling, name="bench_ceiling"),
    *site_urlpatterns,
]
