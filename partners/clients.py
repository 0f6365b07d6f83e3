"""Who is asking: a per-client budget of permission requests, keyed by the client's address (core.http).

The budget is a counter in Django's default cache, not in process memory, so with Redis
(REDIS_URL) every gunicorn worker and every app server shares it. django-ratelimit would do the
same, but its system checks reject the local-memory cache of our embedded default (E003) and
flag Django's own Redis backend that production uses (W001); one counter is a dozen lines.
"""

from django.conf import settings
from django.utils.crypto import salted_hmac

from core import budget
from core.http import client_ip


def client_fingerprint(request):
    """A keyed hash of the client's address: enough to count and to compare, never the address itself."""
    # The salt keeps the app's old name: a new one would make every stored fingerprint unmatchable.
    return salted_hmac("syndication.client", client_ip(request)).hexdigest()


def _budget_key(fingerprint):
    return f"partners:permission-requests:{fingerprint}"


def budget_exhausted(fingerprint):
    """True once this client has used up its requests for the hour."""
    return budget.exhausted(_budget_key(fingerprint), settings.PERMISSION_REQUESTS_PER_HOUR)


def budget_spend(fingerprint):
    """Count one request; False when it is over the limit. The hour starts at the client's first request."""
    return budget.spend(_budget_key(fingerprint), settings.PERMISSION_REQUESTS_PER_HOUR)
