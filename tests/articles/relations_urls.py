"""A URL configuration with the article page elsewhere, for url_for's tests (tests only)."""

from django.urls import include, path
from django.views.generic import View

articles = ([path("<slug:slug>/", View.as_view(), name="detail")], "articles")

urlpatterns = [path("elsewhere/", include(articles))]
