"""The republication ledger's reading side: what a tracking-image request tells us, and how much of it to count.

A partner's page carries our 1×1 image (the kit's `<img src=".../r/<token>.gif">`); each time a reader's
browser loads it, the Referer says which page it was on. Only that page's address (scheme, host and
path) and the day are kept, never the reader's address, cookies or browser: the address is used only
here, hashed, as a short-lived key in the cache that limits how many views one reader can add.
"""

import base64
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils.crypto import salted_hmac

from core import budget

# A transparent 1×1 GIF (43 bytes), the smallest image every browser and mail client shows.
TRACKING_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")

# As long as the Reprint.page_url column.
PAGE_URL_MAX_LENGTH = 500
_DEFAULT_PORTS = {"http": 80, "https": 443}


def page_address(referer, *, own_hosts):
    """The republishing page's address from a Referer: scheme, host and path, without query or fragment.

    "" when the browser sent none we can use (none at all, not http(s), garbled); None when it is one
    of our own pages (the kit page's preview, say), which is no reprint and is not counted.
    """
    if not referer or any(ord(character) < 0x20 or ord(character) == 0x7F for character in referer):
        return ""
    try:
        parts = urlsplit(referer.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:  # an unbalanced "[" or a port that is no number
        return ""
    if parts.scheme.lower() not in _DEFAULT_PORTS or not host:
        return ""
    scheme = parts.scheme.lower()
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if ":" in host:
        netloc = f"[{host}]" if port in (None, _DEFAULT_PORTS[scheme]) else f"[{host}]:{port}"
    if netloc in own_hosts or host in own_hosts:
        return None
    # Credentials ("user:pass@") are dropped with the rest of what is not the page's address.
    address = urlunsplit((scheme, netloc, parts.path or "/", "", ""))
    return address[:PAGE_URL_MAX_LENGTH]


def own_hosts(request):
    """The host names our pages are served under, as a Referer would name them."""
    return {request.get_host().lower(), settings.SITE_DOMAIN.lower()}


def _budget_key(token, client):
    # A keyed hash: the cache never holds a reader's address, nor which grant they read.
    return "partners:reprint-views:" + salted_hmac("partners.reprint-views", f"{token}|{client}").hexdigest()


def budget_spend(token, client):
    """Count one view of grant `token` by `client`; False once that reader has added their hour's worth."""
    return budget.spend(_budget_key(token, client), settings.REPRINT_VIEWS_PER_CLIENT_PER_HOUR)
