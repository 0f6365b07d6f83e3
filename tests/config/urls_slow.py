"""The site's URLs plus one view that never finishes in time, for the gunicorn timeout test."""

import time

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns


def stuck(request):
    time.sleep(60)  # a request stuck on something outside: far past any worker timeout
    return HttpResponse("finished")


urlpatterns = [path("stuck/", stuck), *urlpatterns]
