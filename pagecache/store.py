"""The page cache's store: entries that never outlive a change, and the one place writers report changes.

Correctness rests on two rules:

- **Generation.** Every entry is stored with the generation current when its page was read from
  the database. A writer that changes anything a page shows calls `content_changed(...)`, naming
  what changed; that starts a new generation, so every entry made before is ignored from then on.
  The change is recorded at once and again when the transaction commits, so a page rendered from
  data about to change can never outlive the change. (Today any change makes every page stale;
  naming what changed is what lets a finer mapping, e.g. surrogate keys, replace that later.)
- **Time.** Content can become visible with nothing saved (a scheduled article reaching its
  publication time), so no entry lasts beyond the next such moment after its page was read.
  `settings.PAGE_CACHE_NEXT_CHANGE` names the function that says when that is; it is looked up
  once per generation and kept in the cache beside it.

`remember(name, compute)` keeps any other value (a listing's sections, a form's choices) by the
same two rules. Entries live in the default cache: local memory within one process, Redis
(REDIS_URL) across workers and servers. Nothing here knows what the site's models are.
"""

import hashlib
import math
import time
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.module_loading import import_string

GENERATION_KEY = "pages:generation"
NEXT_PUBLICATION_KEY = "pages:next-publication"


def _new_generation():
    return uuid.uuid4().hex


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Evicted or never set: a new random value, so entries of any earlier generation can never match.
        cache.add(GENERATION_KEY, _new_generation(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def content_changed(*what):
    """The one entry point for writers: `what` (objects, or models for bulk changes) changed on the site.

    Every cached page and remembered value is forgotten: now, and again once the current
    transaction commits. `what` is not used to narrow that yet; callers name it so that a mapping
    from what changed to the pages that show it can replace the generation without touching them.
    """
    cache.set(GENERATION_KEY, _new_generation(), None)
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        transaction.on_commit(lambda: cache.set(GENERATION_KEY, _new_generation(), None))


def next_change(after):
    """The Unix time after `after` at which content becomes visible with nothing saved, or None."""
    function = import_string(settings.PAGE_CACHE_NEXT_CHANGE) if settings.PAGE_CACHE_NEXT_CHANGE else None
    moment = function(after=datetime.fromtimestamp(after, tz=UTC)) if function else None
    return moment.timestamp() if moment else None


class Snapshot:
    """The cache as one request sees it when it starts: the generation, and `keys` read with it in one round trip."""

    def __init__(self, *keys):
        self.started = time.time()
        self.values = cache.get_many([GENERATION_KEY, NEXT_PUBLICATION_KEY, *keys])
        self.generation = self.values.get(GENERATION_KEY) or current_generation()

    def get(self, key):
        """The value stored under `key`, if it was made in this generation and has not expired."""
        entry = self.values.get(key)
        if entry is not None and entry[0] == self.generation and entry[1] > time.time():
            return entry[2]
        return None

    def expires_at(self, key):
        entry = self.values.get(key)
        return entry[1] if entry else None

    @cached_property
    def expires(self):
        """When anything read from the database during this request must expire: by the next change of time."""
        known = self.values.get(NEXT_PUBLICATION_KEY)
        # Valid if worked out in this generation, no later than this request began, and still ahead of it.
        if not (
            known
            and known[0] == self.generation
            and known[1] <= self.started
            and (known[2] is None or known[2] > self.started)
        ):
            known = (self.generation, self.started, next_change(after=self.started))
            cache.set(NEXT_PUBLICATION_KEY, known, None)
        limit = self.started + settings.PAGE_CACHE_TIMEOUT
        return limit if known[2] is None else min(limit, known[2])

    def set(self, key, value):
        expires = self.expires
        remaining = expires - time.time()
        if remaining > 0:
            cache.set(key, (self.generation, expires, value), math.ceil(remaining))
        return expires


def remember(name, compute):
    """`compute()`, kept in the cache under `name` by the page cache's rules (generation, next publication)."""
    key = "pages:data:" + hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    snapshot = Snapshot(key)
    value = snapshot.get(key)
    if value is None:
        value = compute()
        snapshot.set(key, value)
    return value
