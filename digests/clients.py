"""A per-client budget of subscription requests, counted in the shared cache by the client's address.

The same scheme as the partner form's (partners/clients.py): a keyed hash of core.http.client_ip,
an hour's window, `add` then `incr` (atomic on Redis).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from core.http import client_ip

WINDOW_SECONDS = 60 * 60


def client_fingerprint(request):
    return salted_hmac("digests.client", client_ip(request)).hexdigest()


def _key(fingerprint):
    return f"digests:subscribe:{fingerprint}"


def budget_exhausted(fingerprint):
    return cache.get(_key(fingerprint), 0) >= settings.DIGEST_SUBSCRIBES_PER_HOUR


def budget_spend(fingerprint):
    """Count one request; False when it is over the limit."""
    key = _key(fingerprint)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= settings.DIGEST_SUBSCRIBES_PER_HOUR
