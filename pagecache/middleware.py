"""Whole public pages for anonymous readers, served from the page cache (pagecache.store), and their HTTP caching.

Only views wrapped in `public_page` are stored, and only for a GET from a visitor without a
session (editors always have one), without query parameters other than `?page=N` (N from 2, as
listings write it), when the response is a plain 200 that sets no cookie and carries no CSRF token
or CSP nonce.
`PAGE_CACHE = False` turns the whole-page cache off; `remember` stays on.
"""

import hashlib
import re
import time
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from .store import Snapshot

# The only query string a cached page may have: a listing's page 2 to 999999, written as listings write
# it (no leading zero; page 1 has no `?page=`). Any other is served fresh and not stored, so the cache
# keeps one entry per page, whatever numbers are asked for.
SAFE_QUERY = re.compile(r"(?:page=(?:[2-9]|[1-9][0-9]{1,5}))?")
# Cookies that can change what a page shows or who is asking: their bearers are served fresh.
PERSONAL_COOKIES = ("messages",)


def public_page(view):
    """Mark a view's pages as public: the same for every anonymous reader, so they may be cached."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.public_page = True
        return response

    return wrapped


def page_key(request):
    """The cache key of this request's page, or None when it must be served fresh (and not stored)."""
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or any(name in request.COOKIES for name in PERSONAL_COOKIES):
        # Editors are signed in through a session; anyone with one is served fresh and fills nothing.
        return None
    query = request.META.get("QUERY_STRING", "")
    if not SAFE_QUERY.fullmatch(query):
        return None
    # Pages carry absolute links (canonical, feeds), so scheme and host are part of what they say.
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "pages:page:" + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def storable(request, response):
    """A response any other anonymous reader may be given as it is."""
    if not getattr(response, "public_page", False) or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page used a CSRF token: it belongs to this visitor alone
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    # A CSP nonce must be new on every response; a page that used one cannot be shared. django-csp's
    # lazy nonce is true once made; the header check covers a policy set inside this middleware.
    if getattr(request, "csp_nonce", None):
        return False
    return not any("nonce-" in response.get(header, "") for header in _CSP_HEADERS)


_CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
_UNSTORED_HEADERS = {"x-page-cache"}


def signed_in(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


class PageCacheMiddleware:
    """Serve and store public pages (see the module's docstring); set HTTP caching headers on them.

    Sits just after WhiteNoise, before the session, CSRF and authentication middleware: a hit is
    answered before any of them runs, and what is stored is the response as they left it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        snapshot = None
        if key is not None:
            snapshot = Snapshot(key)
            stored = snapshot.get(key)
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content, headers=headers)
                response.public_page = True
                response["X-Page-Cache"] = "hit"
                return self.finish(request, response, expires=snapshot.expires_at(key))

        response = self.get_response(request)
        if not getattr(response, "public_page", False):
            return response
        if response.status_code == 200 and not response.streaming and request.method == "GET":
            # Content-based, so it changes exactly when what a reader sees changes.
            set_response_etag(response)
        expires = None
        if snapshot is not None and storable(request, response):
            headers = {name: value for name, value in response.items() if name.lower() not in _UNSTORED_HEADERS}
            expires = snapshot.set(key, (response.content, headers))
            response["X-Page-Cache"] = "miss"
        return self.finish(request, response, expires=expires)

    def finish(self, request, response, *, expires):
        """Cache-Control for browsers and proxies, then a 304 when the reader already has this page."""
        if signed_in(request):
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code == 200 and not response.has_header("Cache-Control"):
            # A cached page tells browsers and proxies when it expires here too (the next publication).
            max_age = settings.PAGE_MAX_AGE
            if expires is not None:
                max_age = max(0, min(max_age, int(expires - time.time())))
            patch_cache_control(response, public=True, max_age=max_age)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and response.has_header("ETag"):
            # Only the ETag decides: a date (a feed's Last-Modified) would miss a corrected byline.
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response
