"""Whole public pages for anonymous readers, served from the page cache (pagecache.store), and their HTTP caching.

Only views wrapped in `public_page` are shared: a GET or HEAD from a visitor without a session
(editors always have one) answered by a plain 200 that sets no cookie and carries no CSRF token or
CSP nonce. Shared pages are stored here when their only query parameter is `?page=N` (N from 2, as
listings write it), and tell shared caches in front (Varnish, a CDN) how long to keep them
(`s-maxage`, never past the next scheduled publication) and what they show (`Surrogate-Key`,
`Cache-Tag`: the keys views declare with `shows`, by which `edge` purges them). Every other
response that says nothing of caching is marked `private`: nothing personal reaches a shared cache.
`PAGE_CACHE = False` turns the whole-page cache off; `remember` and the headers stay on.
"""

import hashlib
import math
import re
import time
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from .store import EVERY_PAGE, Snapshot

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


def shows(request, *keys):
    """Declare that this request's page shows what `keys` (surrogate keys) name: it is purged when they change."""
    if not hasattr(request, "surrogate_keys"):
        request.surrogate_keys = set()
    request.surrogate_keys.update(keys)


def expires_by(request, moment):
    """Declare that this request's page goes out of date by itself at `moment` (a datetime) at the latest, with
    nothing saved (a list of the last two days' articles): it is stored, and kept in front, no longer."""
    earliest = getattr(request, "page_expires_by", None)
    when = moment.timestamp()
    request.page_expires_by = when if earliest is None else min(earliest, when)


def personal(request):
    """A request with cookies that may change the page (a session, messages): never served from a shared copy."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or any(name in request.COOKIES for name in PERSONAL_COOKIES)


def page_key(request):
    """The cache key of this request's page, or None when it must be served fresh (and not stored)."""
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE:
        return None
    if personal(request):
        # Editors are signed in through a session; anyone with one is served fresh and fills nothing.
        return None
    query = request.META.get("QUERY_STRING", "")
    if not SAFE_QUERY.fullmatch(query):
        return None
    # Pages carry absolute links (canonical, feeds), so scheme and host are part of what they say.
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "pages:page:" + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def shareable(request, response):
    """A response any other anonymous reader may be given as it is, by this cache or a shared one."""
    if not getattr(response, "public_page", False) or request.method not in ("GET", "HEAD") or personal(request):
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
    """Serve and store public pages (see the module's docstring); set HTTP caching headers on every response.

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
                return self.finish(request, response, expires=snapshot.expires_at(key), shared=True)

        response = self.get_response(request)
        shared = shareable(request, response)
        if shared:
            keys = sorted({EVERY_PAGE, *getattr(request, "surrogate_keys", ())})
            # Fastly and Varnish (xkey) read the first, Cloudflare the second; both are stored with the page.
            response["Surrogate-Key"] = " ".join(keys)
            response["Cache-Tag"] = ",".join(keys)
        public = getattr(response, "public_page", False)
        if public and response.status_code == 200 and not response.streaming and request.method == "GET":
            # Content-based, so it changes exactly when what a reader sees changes.
            set_response_etag(response)
        expires = None
        if snapshot is not None and shared and request.method == "GET":
            headers = {name: value for name, value in response.items() if name.lower() not in _UNSTORED_HEADERS}
            expires = snapshot.set(
                key,
                (response.content, headers),
                getattr(request, "surrogate_keys", ()),
                by=getattr(request, "page_expires_by", None),
            )
            response["X-Page-Cache"] = "miss"
        return self.finish(request, response, expires=expires, shared=shared)

    def finish(self, request, response, *, expires, shared):
        """Cache-Control for browsers and shared caches, then a 304 when the reader already has this page."""
        if signed_in(request) or (personal(request) and getattr(response, "public_page", False)):
            patch_cache_control(response, private=True, no_cache=True)
        elif shared and not response.has_header("Cache-Control"):
            by = getattr(request, "page_expires_by", None)
            if by is not None:  # a page that goes out of date by itself: never kept in front past that
                expires = min(Snapshot().expires if expires is None else expires, by)
            patch_cache_control(response, **public_cache_control(expires))
        elif not response.has_header("Cache-Control"):
            # Forms, errors, anything not marked public: for this visitor only, never a shared cache's.
            patch_cache_control(response, private=True)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and response.has_header("ETag"):
            # Only the ETag decides: a date (a feed's Last-Modified) would miss a corrected byline.
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response


def public_cache_control(expires):
    """Cache-Control of a shared page: browsers keep it PAGE_MAX_AGE, shared caches EDGE_MAX_AGE (they are
    purged by key when it changes), with stale-while-revalidate and stale-if-error; none past `expires`
    (the next scheduled publication; worked out here when the page was not stored)."""
    if expires is None and settings.EDGE_MAX_AGE > settings.PAGE_MAX_AGE:
        expires = Snapshot().expires  # a long s-maxage must still end at the next publication
    remaining = math.inf if expires is None else max(0, int(expires - time.time()))
    swr = settings.EDGE_STALE_WHILE_REVALIDATE
    directives = {
        "public": True,
        "max_age": min(settings.PAGE_MAX_AGE, remaining),
        # A shared cache may serve it `swr` seconds past s-maxage: both together end by the next publication.
        "s_maxage": max(0, min(settings.EDGE_MAX_AGE, remaining - swr)),
    }
    if swr and directives["s_maxage"]:
        directives["stale_while_revalidate"] = swr
    if settings.EDGE_STALE_IF_ERROR:
        # Only while the site is failing: an old page then is better than an error.
        directives["stale_if_error"] = settings.EDGE_STALE_IF_ERROR
    return directives
