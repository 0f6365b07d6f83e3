"""Production settings refuse to start half-configured; the health check and gunicorn config do their job."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

PROJECT_ROOT = Path(django_settings.BASE_DIR)
REQUIRED = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")


def _run(env, *args):
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def _setup_django(env, code=""):
    return _run(env, "-c", "import django; django.setup()\n" + code)


def production_values(env, setup="", **expressions):
    """What each Python expression (named by keyword) evaluates to once production has started under `env`.

    `settings` is django.conf.settings; `setup` is code run first, to import anything else an expression needs.
    """
    values = "{" + ", ".join(f"{name!r}: {expression}" for name, expression in expressions.items()) + "}"
    result = _setup_django(env, f"from django.conf import settings\nimport json\n{setup}\nprint(json.dumps({values}))")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without_a_required_variable(production_env, missing):
    del production_env[missing]

    result = _setup_django(production_env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_a_blank_required_variable(production_env, missing):
    production_env[missing] = "  "

    result = _setup_django(production_env)

    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "DJANGO_SECURE_HSTS_SECONDS",
            "one year",
            "ImproperlyConfigured: DJANGO_SECURE_HSTS_SECONDS must be a whole number, not 'one year'.",
        ),
        ("DJANGO_ADMINS", "ops at example dot org", "DJANGO_ADMINS must be e-mail addresses separated by commas"),
        ("SENTRY_DSN", "not a dsn", "SENTRY_DSN is not a Sentry DSN"),
        ("ORIGINALS_KEEP_CHECKS_DAYS", "-30", "ORIGINALS_KEEP_CHECKS_DAYS must be 0 or more, not -30."),
        ("DJANGO_EDGE_PURGE_LOG_DAYS", "ninety", "DJANGO_EDGE_PURGE_LOG_DAYS must be a whole number, not 'ninety'."),
    ],
    ids=["hsts-seconds", "admins", "sentry-dsn", "negative-days", "days-in-words"],
)
def test_production_refuses_a_malformed_variable_and_says_why(production_env, variable, value, message):
    production_env[variable] = value

    result = _setup_django(production_env)

    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_the_three_variables_set(production_env):
    values = production_values(
        production_env,
        storage="settings.STORAGES['staticfiles']['BACKEND']",
        conn_max_age="settings.DATABASES['default']['CONN_MAX_AGE']",
        debug="settings.DEBUG",
        hosts="settings.ALLOWED_HOSTS",
    )

    assert values["storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["conn_max_age"] > 0
    assert values["debug"] is False
    assert values["hosts"] == ["crosspost.example.org", "www.crosspost.example.org"]


def test_with_redis_production_shares_its_cache_through_django_redis(production_env):
    """django-redis keeps one redis-py client; Django's own backend builds one per call (tests/pagecache)."""
    production_env["REDIS_URL"] = "redis://127.0.0.1:6379/13"
    values = production_values(production_env, cache="settings.CACHES['default']", page_cache="settings.PAGE_CACHE")

    assert values["cache"] == {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/13"}
    assert values["page_cache"] is True


def test_check_deploy_reports_no_warnings(production_env):
    production_env["TRUSTED_PROXY_COUNT"] = "1"  # nginx in front, as docs/deployment.md sets it up

    result = _run(production_env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_the_proxies_in_front_are_not_counted(production_env):
    result = _run(production_env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0
    assert "(core.W001)" in result.stderr and "TRUSTED_PROXY_COUNT is 0" in result.stderr
    assert "2 for nginx and then Varnish" in result.stderr


def _load_gunicorn_config():
    spec = importlib.util.spec_from_file_location("gunicorn_config_under_test", PROJECT_ROOT / "config" / "gunicorn.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gunicorn_config_binds_localhost_on_port(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    monkeypatch.setenv("PORT", "8123")

    config = _load_gunicorn_config()

    assert config.bind == "127.0.0.1:8123"
    assert config.worker_class == "sync"
    assert config.threads == 1, "more threads would make gunicorn use threaded workers, which its timeout cannot stop"
    assert config.workers >= 1


def test_gunicorn_config_defaults_to_port_8000(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    monkeypatch.delenv("PORT", raising=False)

    assert _load_gunicorn_config().bind == "127.0.0.1:8000"


@pytest.mark.django_db
def test_healthz_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "must-revalidate", "max-age=0"} <= cache_control
    assert "Expires" in response


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert "no-cache" in response["Cache-Control"]


def test_a_providers_webhook_is_routed_only_with_its_shared_secret(production_env):
    """ANYMAIL_WEBHOOK_SECRET turns on /anymail/<esp>/tracking/ (config/urls.py), where bounces arrive."""
    check = (
        "from django.urls import Resolver404, resolve\n"
        "def routed(path):\n"
        "    try:\n"
        "        return resolve(path).url_name\n"
        "    except Resolver404:\n"
        "        return None\n"
    )
    without = production_values(production_env, setup=check, route="routed('/anymail/postmark/tracking/')")
    production_env["ANYMAIL_WEBHOOK_SECRET"] = "postmark:a-long-shared-secret"
    with_secret = production_values(
        production_env,
        setup=check,
        route="routed('/anymail/postmark/tracking/')",
        secret="settings.ANYMAIL['WEBHOOK_SECRET']",
    )

    assert without["route"] is None
    assert with_secret == {"route": "postmark_tracking_webhook", "secret": "postmark:a-long-shared-secret"}
