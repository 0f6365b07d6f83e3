"""A per-client budget of subscription requests, counted in the shared cache by the client's address.

The same scheme as the partner form's (partners/clients.py): core.budget.ClientBudget.
"""

from core.budget import ClientBudget

SUBSCRIBES = ClientBudget("digests:subscribe", salt="digests.client", limit_setting="DIGEST_SUBSCRIBES_PER_HOUR")

client_fingerprint = SUBSCRIBES.fingerprint
budget_exhausted = SUBSCRIBES.exhausted
budget_spend = SUBSCRIBES.spend
