"""The shared caches in front of the site (Varnish, Fastly, Cloudflare), purged by surrogate key.

`store.content_changed` calls `purge_later(keys)` once the writer's transaction commits; a task
(`tasks.purge`) sends the purge and records it (`models.Purge`, read-only in the admin), retried
on failure. `settings.EDGE_PURGE` chooses where purges go; a system check refuses settings that
could not work. HTTP through the standard library (urllib), with a timeout on every call.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.core import checks


class PurgeError(Exception):
    """The shared cache answered, but did not purge."""


def _send(method, url, *, headers, body=None):
    """One HTTP request to a cache or its API; returns (status, text), raising PurgeError on an error status."""
    request = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310 - our settings' URLs
    try:
        with urllib.request.urlopen(request, timeout=settings.EDGE_PURGE_TIMEOUT) as response:  # noqa: S310  # nosec B310  # URLs from our settings or loopback
            return response.status, response.read(2000).decode(errors="replace")
    except urllib.error.HTTPError as error:
        raise PurgeError(f"{url} answered {error.code}: {error.read(500).decode(errors='replace')}") from None


def _in_batches(keys, size, send):
    """Purge `keys` `size` at a time, `send(batch)` answering (status, text); the answers, one a line."""
    answers = []
    for start in range(0, len(keys), size):
        status, text = send(keys[start : start + size])
        answers.append(f"{status} {text.strip()[:500]}")
    return "\n".join(answers)


def purge_varnish(keys):
    """vmod xkey (deploy/varnish/default.vcl): `PURGE /` with the keys in `xkey-purge`, to every instance."""
    answers = []
    for url in settings.EDGE_VARNISH_URLS:
        status, text = _send("PURGE", url, headers={"xkey-purge": " ".join(keys)})
        answers.append(f"{url}: {status} {text.strip()[:200]}")
    return "\n".join(answers)


def purge_fastly(keys):
    """Fastly's purge by surrogate key: up to 256 keys a request, in the Surrogate-Key header."""
    url = f"{settings.EDGE_FASTLY_API_URL.rstrip('/')}/service/{settings.EDGE_FASTLY_SERVICE_ID}/purge"
    headers = {"Fastly-Key": settings.EDGE_FASTLY_API_TOKEN, "Accept": "application/json"}

    def send(batch):
        return _send("POST", url, headers={**headers, "Surrogate-Key": " ".join(batch)})

    return _in_batches(keys, 256, send)


def purge_cloudflare(keys):
    """Cloudflare's purge by cache tag: 30 tags a request (the lowest plan's limit), as JSON."""
    url = f"{settings.EDGE_CLOUDFLARE_API_URL.rstrip('/')}/zones/{settings.EDGE_CLOUDFLARE_ZONE_ID}/purge_cache"
    headers = {"Authorization": f"Bearer {settings.EDGE_CLOUDFLARE_API_TOKEN}", "Content-Type": "application/json"}

    def send(tags):
        status, text = _send("POST", url, headers=headers, body=json.dumps({"tags": tags}).encode())
        if not json.loads(text or "{}").get("success"):
            raise PurgeError(f"Cloudflare did not purge: {text[:500]}")
        return status, text

    return _in_batches(keys, 30, send)


BACKENDS = {"none": None, "varnish": purge_varnish, "fastly": purge_fastly, "cloudflare": purge_cloudflare}
# What each backend needs, by setting name (and its environment variable, DJANGO_ in front).
REQUIRED = {
    "varnish": ["EDGE_VARNISH_URLS"],
    "fastly": ["EDGE_FASTLY_SERVICE_ID", "EDGE_FASTLY_API_TOKEN"],
    "cloudflare": ["EDGE_CLOUDFLARE_ZONE_ID", "EDGE_CLOUDFLARE_API_TOKEN"],
}


def send(backend, keys):
    """Purge `keys` from `backend` now; returns what it answered, raises OSError or PurgeError on failure."""
    return BACKENDS[backend](list(keys))


def purge_later(keys):
    """Record a purge of `keys` and hand it to a background task; nothing when no shared cache is set up."""
    backend = settings.EDGE_PURGE
    if BACKENDS.get(backend) is None:
        return None
    from .models import Purge
    from .tasks import purge

    record = Purge.objects.create(keys=" ".join(keys), backend=backend)
    purge.enqueue(record.pk)
    return record


@checks.register("pagecache")
def check_edge_settings(app_configs=None, **kwargs):
    """Purge settings that could never work stop the site at start-up, not in an editor's save."""
    backend = settings.EDGE_PURGE
    if backend not in BACKENDS:
        choices = ", ".join(f'"{name}"' for name in BACKENDS)
        return [
            checks.Error(
                f'DJANGO_EDGE_PURGE is "{backend}": it must be one of {choices}.',
                hint="See docs/deployment.md, 'Purging the shared cache'.",
                id="pagecache.E001",
            )
        ]
    missing = [name for name in REQUIRED.get(backend, []) if not getattr(settings, name, None)]
    return [
        checks.Error(
            f'DJANGO_EDGE_PURGE is "{backend}", which needs DJANGO_{name} (settings.{name}); it is empty.',
            hint="See docs/deployment.md, 'Purging the shared cache'.",
            id="pagecache.E002",
        )
        for name in missing
    ]
