import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

from articles.sitemaps import SITEMAPS, news_sitemap, robots_txt, sitemap
from pagecache.middleware import public_page
from partners.views import reprint_pixel

from .auth import LoginForm
from .views import favicon, healthz, security_txt

admin.site.login_form = LoginForm

handler500 = "config.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # The partners app was called `syndication`: links in editors' earlier e-mails and bookmarks still work.
    re_path(
        r"^admin/syndication/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/partners/%(rest)s", permanent=True, query_string=True),
    ),
    path("admin/", admin.site.urls),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-news.xml", public_page(news_sitemap), name="sitemap_news"),
    path("robots.txt", public_page(robots_txt), name="robots_txt"),
    path("republish/", include("partners.urls")),
    # The tracking image in partners' kits: short, as it is pasted into other sites' pages.
    # Any token, even a malformed one, gets the same GIF (partners.views.reprint_pixel).
    path("r/<str:token>.gif", reprint_pixel, name="reprint_pixel"),
    path("", include("digests.urls")),
    path("", include("curation.urls")),
    path("", include("articles.urls")),
]

if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    # A provider's reports of bounces and complaints (django-anymail), which stop digests to those addresses.
    urlpatterns += [path("anymail/", include("anymail.urls"))]

if settings.SERVE_MEDIA:
    # A developer's machine (`make run`): uploads straight from MEDIA_ROOT, debug or not.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        )
    ]
