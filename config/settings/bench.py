"""The benchmark's settings (`make bench`): production's choices, served on loopback, plus the ceiling view.

DEBUG off, hashed and compressed static files served by whitenoise, persistent database
connections (DJANGO_CONN_MAX_AGE, 60 s by default), Redis as the cache with REDIS_URL, else a cache
in files that every worker shares. Its own SQLite database unless DATABASE_URL names one, so a
benchmark never touches the development database. BENCH_PAGE_CACHE turns the page cache on. Only these settings
route to `devtools.bench.urls`, which adds the ceiling view, and only development settings install
`devtools` (the corpus generator): production never has either.
"""

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, INSTALLED_APPS, database_from_url, env, env_bool

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", "bench-only-key-for-a-server-on-loopback")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# The benchmark's own files (database, collected static files, page cache, server log) stay beside it.
BENCH_DIR = BASE_DIR / "devtools" / "bench"
DATABASES = {"default": database_from_url(env("DATABASE_URL") or f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}")}
SITE_DOMAIN = env("DJANGO_SITE_DOMAIN", "127.0.0.1:8765")

ROOT_URLCONF = "devtools.bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]

STATIC_ROOT = BENCH_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

PAGE_CACHE = env_bool("BENCH_PAGE_CACHE", False)
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # Its own keys, apart from anything else kept in the same Redis database.
    CACHES = {"default": {**CACHES["default"], "KEY_PREFIX": "crosspost-bench"}}
elif CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # The page cache must be one all workers share, as it is in production (Redis with REDIS_URL):
    # without Redis, files on this machine stand in for it, with room for every rotating page.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BENCH_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
