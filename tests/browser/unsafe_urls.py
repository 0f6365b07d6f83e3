"""A deliberately unsafe page, for the XSS tests only: never part of config.urls.

It shows one payload unescaped (`|safe`) where pages show text: in the <title>, in an element,
in double- and single-quoted attributes, in a link, in a <textarea> and in JSON-LD. If the harness
that finds no execution on the real pages is not blind, it finds most of them here.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config import urls

from .xss_payloads import PAYLOADS

UNSAFE_PAGE = engines["django"].from_string(
    "<!doctype html><html lang=en><head><title>{{ payload|safe }}</title>"
    '<script type="application/ld+json">{"headline": "{{ payload|safe }}"}</script></head><body>'
    "<h1>{{ payload|safe }}</h1>"
    '<p title="{{ payload|safe }}">double-quoted attribute</p>'
    "<p title='{{ payload|safe }}'>single-quoted attribute</p>"
    '<a href="{{ payload|safe }}">a link</a>'
    "<textarea>{{ payload|safe }}</textarea>"
    "</body></html>"
)


def unsafe_page(request, number):
    return HttpResponse(UNSAFE_PAGE.render({"payload": PAYLOADS[number]}))


urlpatterns = [path("unsafe/<int:number>/", unsafe_page), *urls.urlpatterns]
