"""Settings for the test suite: SQLite unless DATABASE_URL names another database."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

SECRET_KEY = "test-only-key"
DEBUG = False
# The development tools are tested too (and the demo content is a fixture).
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
SITE_DOMAIN = "testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test run gets its own media folder, so uploads never land in the developer's media.
MEDIA_ROOT = env("DJANGO_TEST_MEDIA_ROOT", "/tmp/crosspost-test-media")  # nosec B108  # tests only; each test uses its own tmp_path
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 10000}}}

# Serve static files straight from the app folders; no collectstatic needed here.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tasks run at once unless a test chooses the database backend (and runs the worker itself).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Fetching (core.fetching) reaches only this machine: local test servers stand in for other sites.
FETCH_ALLOW_PRIVATE_ADDRESSES = True
FETCH_ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
FETCH_TIMEOUT = 5
# Other apps' tests publish cross-posts whose originals are made-up addresses: only the originals
# tests (which serve their originals locally) check originals on publication.
ORIGINALS_WATCH = False
