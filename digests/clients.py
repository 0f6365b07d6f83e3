"""A per-client budget of subscription requests, counted in the shared cache by the client's address.

The same scheme as the partner form's (partners/clients.py): a keyed hash of core.http.client_ip,
an hour's window counted by core.budget.
"""

from django.conf import settings
from django.utils.crypto import salted_hmac

from core import budget
from core.http import client_ip


def client_fingerprint(request):
    return salted_hmac("digests.client", client_ip(request)).hexdigest()


def _key(fingerprint):
    return f"digests:subscribe:{fingerprint}"


def budget_exhausted(fingerprint):
    return budget.exhausted(_key(fingerprint), settings.DIGEST_SUBSCRIBES_PER_HOUR)


def budget_spend(fingerprint):
    """Count one request; False when it is over the limit."""
    return budget.spend(_key(fingerprint), settings.DIGEST_SUBSCRIBES_PER_HOUR)
