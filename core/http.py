"""Facts about a request that more than one part of the site relies on."""

from django.conf import settings


def client_ip(request):
    """The client's IP address: REMOTE_ADDR, or the address the outermost trusted proxy saw.

    Behind a reverse proxy (nginx, a load balancer) REMOTE_ADDR is the proxy's own address, and
    every reader would look like one client. Set TRUSTED_PROXY_COUNT to the number of proxies that
    append to X-Forwarded-For; entries further left were written by the client and are ignored,
    so a forged header cannot pass for someone else. The partners' rate limit and the login
    throttle (django-axes) both count clients by this address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
