"""The site's URLs plus public pages that misbehave, for the page cache's rules (tests only)."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from pagecache.middleware import public_page

FORM = engines["django"].from_string('<form method="post">{% csrf_token %}<button>Send</button></form>')


@public_page
def form_with_token(request):
    return HttpResponse(FORM.render({}, request))


@public_page
def sets_a_cookie(request):
    response = HttpResponse("<p>Hello</p>")
    response.set_cookie("seen", "yes")
    return response


@public_page
def uses_a_nonce(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')


@public_page
def plain(request):
    return HttpResponse("<p>Plain</p>")


urlpatterns = [
    path("test/form/", form_with_token),
    path("test/cookie/", sets_a_cookie),
    path("test/nonce/", uses_a_nonce),
    path("test/plain/", plain),
    *site_urlpatterns,
]
