"""An hour's budget of requests per client, counted in Django's default cache.

The counter lives in the shared cache, not in process memory, so with Redis (REDIS_URL) every gunicorn
worker and app server shares it. `add` then `incr` is atomic on Redis and memcached (INCR), so concurrent
workers never both get the last place; `incr` keeps the key's expiry, so the hour starts at the client's
first request. Used by the partner form, the tracking image and the digests' sign-up, each with its own
keys and limit; the two forms know the client by `ClientBudget`'s keyed hash of its address.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from core.http import client_ip

WINDOW_SECONDS = 60 * 60


def exhausted(key, limit):
    """True once `key` has used up its `limit` for the hour."""
    return cache.get(key, 0) >= limit


def spend(key, limit):
    """Count one request against `key`; False once it is over `limit` for the hour."""
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens a new hour
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= limit


class ClientBudget:
    """A form's budget: the setting `limit_setting` of requests an hour per client, counted under `prefix`."""

    def __init__(self, prefix, *, salt, limit_setting):
        self.prefix, self.salt, self.limit_setting = prefix, salt, limit_setting

    def fingerprint(self, request):
        """A keyed hash of the client's address: enough to count and to compare, never the address itself."""
        return salted_hmac(self.salt, client_ip(request)).hexdigest()

    def exhausted(self, fingerprint):
        """True once this client has used up its requests for the hour."""
        return exhausted(f"{self.prefix}:{fingerprint}", getattr(settings, self.limit_setting))

    def spend(self, fingerprint):
        """Count one request; False when it is over the limit. The hour starts at the client's first request."""
        return spend(f"{self.prefix}:{fingerprint}", getattr(settings, self.limit_setting))
