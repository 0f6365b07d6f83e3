"""Facts about a request that more than one part of the site relies on."""

import functools
import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def client_ip(request):
    """The client's IP address: REMOTE_ADDR, or the address the outermost trusted proxy saw.

    Behind a reverse proxy (nginx, a load balancer) REMOTE_ADDR is the proxy's own address, and
    every reader would look like one client. Set TRUSTED_PROXY_COUNT to the number of proxies that
    append to X-Forwarded-For; entries further left were written by the client and are ignored,
    so a forged header cannot pass for someone else. The partners' rate limit and the login
    throttle (django-axes) both count clients by this address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    address = hops[-proxies] if 0 < proxies <= len(hops) else request.META.get("REMOTE_ADDR", "")
    if len(hops) > proxies and _is_loopback(address):
        _warn_proxies_uncounted(proxies)
    return address


def _is_loopback(address):
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


@functools.cache  # once per process: the log should say it, not repeat it on every request
def _warn_proxies_uncounted(proxies):
    logger.warning(
        "Readers' addresses come out as this machine's own (a loopback address) while requests carry more "
        "X-Forwarded-For entries than TRUSTED_PROXY_COUNT (%s) trusts: a proxy in front is not counted, and every "
        "reader shares one address for the login throttle and the partners' limits. Set TRUSTED_PROXY_COUNT to "
        "the number of proxies that append to X-Forwarded-For (nginx then Varnish: 2).",
        proxies,
    )
