"""The site's URLs and handlers, plus one view that fails, for the error-page and error-report tests."""

from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns

__all__ = ["handler500", "urlpatterns"]


def fail(request):
    raise RuntimeError("a bug on the reading path")


urlpatterns = [path("fail/", fail), *urlpatterns]
