"""The page cache's store: entries that never outlive a change, and the one place writers report changes.

Correctness rests on two rules:

- **Keys.** Every entry names what it shows as *surrogate keys* ("article-12", "author-3",
  "home"), the same keys its page sends to shared caches in front (`Surrogate-Key`, `Cache-Tag`).
  A writer that changes anything calls `content_changed(...)`, naming what changed;
  `settings.PAGE_CACHE_KEYS` maps that to keys, and each key's change is recorded as a tick of one
  counter, the *clock*. An entry is valid while none of its keys changed after the tick its
  request began at; so a correction to one author leaves the other pages cached. The change is
  recorded at once and again when the transaction commits (then shared caches are purged, see
  `edge`), so a page rendered from data about to change can never outlive the change.
- **Time.** Content can become visible with nothing saved (a scheduled article reaching its
  publication time), so no entry lasts beyond the next such moment after its page was read.
  `settings.PAGE_CACHE_NEXT_CHANGE` names the function that says when that is; it is looked up
  once per tick of the clock and kept in the cache beside it.

`remember(name, compute, keys=...)` keeps any other value (a listing's sections, a form's choices)
by the same two rules. Entries live in the default cache: local memory within one process, Redis
(REDIS_URL) across workers and servers. Nothing here knows what the site's models are.
"""

import hashlib
import math
import threading
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.module_loading import import_string

# Every entry carries this key: purging it empties the whole cache (a change the mapping cannot narrow).
EVERY_PAGE = "all"
CLOCK_KEY = "pages:clock"
NEXT_PUBLICATION_KEY = "pages:next-publication"


def _changed_at(key):
    return "pages:changed:" + key


def clock():
    """The clock's current tick. Started from the time in microseconds when missing (a cache restarted or
    evicted it), so it never goes back to a tick an older entry was stored at."""
    tick = cache.get(CLOCK_KEY)
    if tick is None:
        cache.add(CLOCK_KEY, time.time_ns() // 1000, None)
        tick = cache.get(CLOCK_KEY)
    return tick


def _tick():
    try:
        return cache.incr(CLOCK_KEY)
    except ValueError:  # missing: start it (see clock()) and count from there
        clock()
        return cache.incr(CLOCK_KEY)


def keys_for(*what):
    """The surrogate keys naming `what`: key strings as they are, anything else through PAGE_CACHE_KEYS."""
    mapping = import_string(settings.PAGE_CACHE_KEYS) if settings.PAGE_CACHE_KEYS else None
    keys = set()
    for thing in what:
        if isinstance(thing, str):
            keys.add(thing)
        elif mapping is None:
            keys.add(EVERY_PAGE)
        else:
            keys.update(mapping(thing))
    return keys


def forget(keys):
    """Every entry showing any of `keys` is stale from now on (in this process's cache or Redis)."""
    if keys:
        tick = _tick()
        cache.set_many({_changed_at(key): tick for key in keys}, None)


# Keys changed in this thread's transactions, forgotten again and purged from shared caches at the
# commit. A rolled-back transaction's keys stay here and go with the next commit: one purge too many,
# never one too few.
_pending = threading.local()


def content_changed(*what):
    """The one entry point for writers: `what` (objects, models for bulk changes, or surrogate keys) changed.

    Every cached page and remembered value showing it is forgotten: now, and again once the
    current transaction commits, when the shared caches in front are told too (`edge.purge_later`).
    """
    keys = keys_for(*what)
    if not keys:
        return
    forget(keys)
    batch = getattr(_pending, "keys", None)
    if batch is None:
        batch = _pending.keys = set()
    batch.update(keys)
    # Outside a transaction this runs at once. Every call registers the flush; the first to run takes the
    # batch. Robust: a cache that cannot be told must not turn a committed save into an error page.
    transaction.on_commit(_committed, robust=True)


def _committed():
    from .edge import purge_later  # edge imports this module

    keys, _pending.keys = getattr(_pending, "keys", None) or set(), set()
    if keys:
        forget(keys)
        purge_later(sorted(keys))


def next_change(after):
    """The Unix time after `after` at which content becomes visible with nothing saved, or None."""
    function = import_string(settings.PAGE_CACHE_NEXT_CHANGE) if settings.PAGE_CACHE_NEXT_CHANGE else None
    moment = function(after=datetime.fromtimestamp(after, tz=UTC)) if function else None
    return moment.timestamp() if moment else None


class Snapshot:
    """The cache as one request sees it when it starts: the clock's tick, and `keys` read with it in one round trip.

    Entries are stored as (tick, expires, surrogate keys, value).
    """

    def __init__(self, *keys):
        self.started = time.time()
        self.values = cache.get_many([CLOCK_KEY, NEXT_PUBLICATION_KEY, *keys])
        self.tick = self.values.get(CLOCK_KEY) or clock()

    def get(self, key):
        """The value stored under `key`, if none of what it shows has changed since and it has not expired."""
        entry = self.values.get(key)
        if entry is None or entry[1] <= time.time():
            return None
        tick, _, keys, value = entry
        changed = cache.get_many([_changed_at(name) for name in keys])
        # A key whose record is missing (evicted) may have changed at any time: the entry is stale.
        if len(changed) < len(keys) or any(at > tick for at in changed.values()):
            return None
        return value

    def expires_at(self, key):
        entry = self.values.get(key)
        return entry[1] if entry else None

    @cached_property
    def expires(self):
        """When anything read from the database during this request must expire: by the next change of time."""
        known = self.values.get(NEXT_PUBLICATION_KEY)
        # Valid if worked out at this tick (nothing changed since), no later than this request began, and still ahead.
        if not (
            known
            and known[0] == self.tick
            and known[1] <= self.started
            and (known[2] is None or known[2] > self.started)
        ):
            known = (self.tick, self.started, next_change(after=self.started))
            cache.set(NEXT_PUBLICATION_KEY, known, None)
        limit = self.started + settings.PAGE_CACHE_TIMEOUT
        return limit if known[2] is None else min(limit, known[2])

    def set(self, key, value, keys, *, by=None):
        """Store `value` under `key`, showing `keys` (EVERY_PAGE is added), until `by` (a Unix time) at the
        latest; returns when it expires."""
        expires = self.expires if by is None else min(self.expires, by)
        remaining = expires - time.time()
        keys = sorted({EVERY_PAGE, *keys})
        if remaining > 0:
            # A key never changed (or evicted) is recorded as changed at this request's tick: never later,
            # and any older entry showing it is stale (its tick is earlier).
            records = [_changed_at(name) for name in keys]
            known = cache.get_many(records)
            for record in records:
                if record not in known:
                    cache.add(record, self.tick, None)
            cache.set(key, (self.tick, expires, keys, value), math.ceil(remaining))
        return expires


def remember(name, compute, *, keys):
    """`compute()`, kept in the cache under `name` until any of `keys` changes or the next publication.

    `keys`: the surrogate keys of what the value shows, or a function of the value that gives them
    (a list of cards shows the articles it holds). None but EVERY_PAGE: `keys=()`.
    """
    key = "pages:data:" + hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    snapshot = Snapshot(key)
    value = snapshot.get(key)
    if value is None:
        value = compute()
        snapshot.set(key, value, keys(value) if callable(keys) else keys)
    return value
