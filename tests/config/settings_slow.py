"""Test settings with a view that hangs (tests/config/urls_slow.py), for gunicorn in a subprocess."""

import os

from config.settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.config.urls_slow"
ALLOWED_HOSTS = ["127.0.0.1"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["SLOW_TEST_DATABASE"]}}
