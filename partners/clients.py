"""Who is asking: a per-client budget of permission requests, keyed by the client's address (core.budget).

The budget is a counter in Django's default cache, not in process memory, so with Redis
(REDIS_URL) every gunicorn worker and every app server shares it. django-ratelimit would do the
same, but its system checks reject the local-memory cache of our embedded default (E003) and
flag Django's own Redis backend that production uses (W001); one counter is a dozen lines.
"""

from core.budget import ClientBudget

# The salt keeps the app's old name: a new one would make every stored fingerprint unmatchable.
PERMISSION_REQUESTS = ClientBudget(
    "partners:permission-requests", salt="syndication.client", limit_setting="PERMISSION_REQUESTS_PER_HOUR"
)

client_fingerprint = PERMISSION_REQUESTS.fingerprint
budget_exhausted = PERMISSION_REQUESTS.exhausted
budget_spend = PERMISSION_REQUESTS.spend
