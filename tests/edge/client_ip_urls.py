"""The site's URLs and one more, answering with the client's address as the site sees it (core.http.client_ip)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site
from core.http import client_ip


def whoami(request):
    return HttpResponse(client_ip(request), content_type="text/plain")


urlpatterns = [path("whoami/", whoami), *site]
