"""The deploy checks pass with nothing silenced, CI runs them, and the deployment guide keeps its safeguards."""

import os
import re
import subprocess
import sys

from django.conf import settings

from .conftest import load_production_settings

ROOT = settings.BASE_DIR


def test_check_deploy_passes_with_production_settings_and_nothing_silenced(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "k" * 20 + "-production-like-secret-key-for-the-check-0123456789",
        "DJANGO_ALLOWED_HOSTS": "crosspost.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "TRUSTED_PROXY_COUNT": "1",  # nginx in front (docs/deployment.md); core.W001 warns without it
    }
    result = subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert not getattr(load_production_settings(tmp_path), "SILENCED_SYSTEM_CHECKS", [])


def test_ci_runs_the_deploy_checks_and_bandit():
    script = (ROOT / "scripts" / "test-all").read_text()
    assert re.search(r"config\.settings\.production[\s\S]+check --deploy --fail-level WARNING \|\| exit 1", script)
    assert re.search(r"bandit -c pyproject.toml -q -r \. -ll", script)
    assert "scripts/test-all" in (ROOT / "Makefile").read_text()


def test_the_nginx_example_buffers_limits_and_refuses_unused_methods():
    guide = (ROOT / "docs" / "deployment.md").read_text()
    nginx = guide.split("```nginx", 1)[1].split("```", 1)[0]
    for directive in (
        "proxy_buffering on;",
        "proxy_request_buffering on;",
        "client_max_body_size",
        "if ($request_method !~ ^(GET|HEAD|POST)$)",
        "return 405;",
        "autoindex off;",
        "X-Forwarded-Proto",
    ):
        assert directive in nginx, directive
    for topic in ("gthread", "PostgreSQL", "REDIS_URL", "django-storages", "s3:ListBucket", "DJANGO_EMAIL_HOST"):
        assert topic in guide, topic


def test_the_backup_and_restore_procedure_is_written_down():
    operations = (ROOT / "docs" / "operations.md").read_text()
    for step in ("pg_dump --format=custom", "pg_restore", "tar -C", "export_content", "import_content"):
        assert step in operations, step
