import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 when this process can reach its database, 503 when it cannot."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on any page that names no icon (error pages, files): the site's icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


@require_safe
def security_txt(request):
    """RFC 9116: whom to tell about a vulnerability, in which language, until when, and where this file lives."""
    contacts = settings.SECURITY_CONTACT or [f"security@{urlsplit('//' + settings.SITE_DOMAIN).hostname}"]
    # Kept fresh for as long as the site runs; a stale copy on a mirror expires within the half-year.
    expires = (timezone.now() + datetime.timedelta(days=180)).replace(hour=0, minute=0, second=0, microsecond=0)
    lines = [f"Contact: {contact if ':' in contact else 'mailto:' + contact}" for contact in contacts]
    lines += [
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        f"Preferred-Languages: {settings.SECURITY_TXT_LANGUAGES}",
        f"Canonical: {settings.SITE_SCHEME}://{settings.SITE_DOMAIN}{reverse('security_txt')}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "max-age=86400"
    return response


def errors_reported():
    """Whether a server error reaches a person (ADMINS by e-mail, or Sentry), not only the log."""
    return bool(settings.ADMINS or settings.SENTRY_DSN)


def server_error(request):
    """The 500 page, saying only what is true of this site: whether anyone has been told.

    It is the site's own page, with the masthead and menu, when the templates can still be rendered
    (the database or cache may be what failed); else a plain page that needs nothing.
    """
    context = {"reported": errors_reported()}
    try:
        return render(request, "500.html", context, status=500)
    except Exception:  # noqa: BLE001 - whatever broke the page may break its error page too
        return HttpResponseServerError(loader.get_template("500_plain.html").render(context))
