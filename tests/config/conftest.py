"""Shared by the settings and error tests: an environment with only what production requires."""

import os
import secrets
import string

import pytest

PRODUCTION = "config.settings.production"


def _secret_key():
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(60))


@pytest.fixture
def production_env(tmp_path):
    """Only what production needs, so nothing leaks in from the developer's or the CI's environment."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "DJANGO_SECRET_KEY": _secret_key(),
        "DJANGO_ALLOWED_HOSTS": "crosspost.example.org,www.crosspost.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
    }
