"""Who is asking: a per-client budget of permission requests, keyed by the client's address (core.http).

The budget is a counter in Django's default cache, not in process memory, so with Redis
(REDIS_URL) every gunicorn worker and every app server shares it. django-ratelimit would do the
same, but its system checks reject the local-memory cache of our embedded default (E003) and
flag Django's own Redis backend that production uses (W001); one counter is a dozen lines.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from core.http import client_ip

WINDOW_SECONDS = 60 * 60


def client_fingerprint(request):
    """A keyed hash of the client's address: enough to count and to compare, never the address itself."""
    # The salt keeps the app's old name: a new one would make every stored fingerprint unmatchable.
    return salted_hmac("syndication.client", client_ip(request)).hexdigest()


def _budget_key(fingerprint):
    return f"partners:permission-requests:{fingerprint}"


def budget_exhausted(fingerprint):
    """True once this client has used up its requests for the hour."""
    return cache.get(_budget_key(fingerprint), 0) >= settings.PERMISSION_REQUESTS_PER_HOUR


def budget_spend(fingerprint):
    """Count one request; False when it is over the limit. The hour starts at the client's first request.

    `add` then `incr` is atomic on Redis and memcached (INCR), so concurrent workers never both
    get the last place; `incr` keeps the key's expiry.
    """
    key = _budget_key(fingerprint)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens a new hour
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= settings.PERMISSION_REQUESTS_PER_HOUR
