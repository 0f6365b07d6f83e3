"""`ensure_editor`: the editor account `make run` prints, and a restore starts from (docs/operations.md)."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_env(monkeypatch):
    for name in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD", "DJANGO_SUPERUSER_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _ensure_editor():
    out = StringIO()
    call_command("ensure_editor", stdout=out)
    return out.getvalue()


def test_ensure_editor_creates_a_superuser_from_the_environment(editor_env, client):
    editor_env.setenv("DJANGO_SUPERUSER_USERNAME", "maria")
    editor_env.setenv("DJANGO_SUPERUSER_PASSWORD", "a-strong-editor-password")
    editor_env.setenv("DJANGO_SUPERUSER_EMAIL", "maria@example.org")

    output = _ensure_editor()

    user = get_user_model().objects.get(username="maria")
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.email == "maria@example.org"
    assert client.login(username="maria", password="a-strong-editor-password")
    assert "a-strong-editor-password" not in output
    assert client.get("/admin/").status_code == 200


def test_ensure_editor_without_a_password_prints_a_generated_one_that_works(editor_env, client):
    editor_env.setenv("DJANGO_SUPERUSER_USERNAME", "maria")

    output = _ensure_editor()

    match = re.search(r"password '([^']+)'", output)
    assert match, output
    password = match.group(1)
    assert len(password) >= 12
    assert client.login(username="maria", password=password)
    assert get_user_model().objects.get(username="maria").is_superuser


def test_ensure_editor_generates_a_different_password_each_time(editor_env):
    editor_env.setenv("DJANGO_SUPERUSER_USERNAME", "first")
    first = re.search(r"password '([^']+)'", _ensure_editor()).group(1)
    editor_env.setenv("DJANGO_SUPERUSER_USERNAME", "second")
    second = re.search(r"password '([^']+)'", _ensure_editor()).group(1)

    assert first != second


def test_ensure_editor_run_again_without_a_password_leaves_the_password_alone(editor_env, client):
    editor_env.setenv("DJANGO_SUPERUSER_USERNAME", "maria")
    editor_env.setenv("DJANGO_SUPERUSER_PASSWORD", "a-strong-editor-password")
    _ensure_editor()
    editor_env.delenv("DJANGO_SUPERUSER_PASSWORD")

    output = _ensure_editor()

    assert "unchanged" in output
    assert not re.search(r"password '([^']+)'", output)
    assert get_user_model().objects.filter(username="maria").count() == 1
    assert client.login(username="maria", password="a-strong-editor-password")


def test_ensure_editor_defaults_to_an_editor_account(editor_env):
    _ensure_editor()

    user = get_user_model().objects.get(username="editor")
    assert user.is_superuser


def test_ensure_editor_refuses_a_bad_email(editor_env):
    editor_env.setenv("DJANGO_SUPERUSER_USERNAME", "maria")
    editor_env.setenv("DJANGO_SUPERUSER_EMAIL", "not-an-address")

    with pytest.raises(CommandError, match="DJANGO_SUPERUSER_EMAIL"):
        _ensure_editor()

    assert not get_user_model().objects.filter(username="maria").exists()
