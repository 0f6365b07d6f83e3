"""The site's URLs as production routes them once ANYMAIL_WEBHOOK_SECRET is set (config/urls.py)."""

from django.urls import include
from django.urls import path

from config.urls import urlpatterns as site

urlpatterns = [*site, path("anymail/", include("anymail.urls"))]
