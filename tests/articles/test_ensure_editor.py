"""`ensure_editor`: the administrator and the editor `make run` makes and prints (docs/operations.md)."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError
from django.core.management import call_command

from articles import roles

pytestmark = pytest.mark.django_db

VARIABLES = [
    f"{prefix}_{name}"
    for prefix in ("DJANGO_SUPERUSER", "CROSSPOST_EDITOR")
    for name in ("USERNAME", "PASSWORD", "EMAIL")
]


@pytest.fixture
def account_env(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _ensure_accounts():
    out = StringIO()
    call_command("ensure_editor", stdout=out)
    return out.getvalue()


def printed_password(output, username):
    match = re.search(rf"username '{username}', password '([^']+)'", output)
    assert match, output
    return match.group(1)


def test_by_default_an_administrator_and_an_editor_who_is_not_a_superuser(account_env, client):
    output = _ensure_accounts()

    User = get_user_model()
    admin, editor = User.objects.get(username="admin"), User.objects.get(username="editor")
    assert admin.is_superuser and admin.is_staff and admin.is_active
    assert editor.is_staff and editor.is_active and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [roles.EDITORS]
    assert editor.has_perm("articles.publish_article") and not editor.has_perm("auth.change_user")
    assert client.login(username="editor", password=printed_password(output, "editor"))
    assert client.get("/admin/").status_code == 200
    assert client.login(username="admin", password=printed_password(output, "admin"))


def test_the_output_says_how_to_reset_a_forgotten_password(account_env):
    output = _ensure_accounts()

    assert ".venv/bin/python manage.py changepassword editor" in output


def test_accounts_come_from_the_environment_createsuperusers_variables_for_the_administrator(account_env, client):
    account_env.setenv("DJANGO_SUPERUSER_USERNAME", "ada")
    account_env.setenv("DJANGO_SUPERUSER_PASSWORD", "a-strong-admin-password")
    account_env.setenv("DJANGO_SUPERUSER_EMAIL", "ada@example.org")
    account_env.setenv("CROSSPOST_EDITOR_USERNAME", "maria")
    account_env.setenv("CROSSPOST_EDITOR_PASSWORD", "a-strong-editor-password")
    account_env.setenv("CROSSPOST_EDITOR_EMAIL", "maria@example.org")

    output = _ensure_accounts()

    User = get_user_model()
    ada, maria = User.objects.get(username="ada"), User.objects.get(username="maria")
    assert ada.is_superuser and ada.email == "ada@example.org"
    assert not maria.is_superuser and maria.is_staff and maria.email == "maria@example.org"
    assert maria.groups.filter(name=roles.EDITORS).exists()
    assert "a-strong-editor-password" not in output and "a-strong-admin-password" not in output
    assert client.login(username="maria", password="a-strong-editor-password")
    assert client.login(username="ada", password="a-strong-admin-password")


def test_generated_passwords_differ(account_env):
    output = _ensure_accounts()

    admin, editor = printed_password(output, "admin"), printed_password(output, "editor")
    assert len(editor) >= 12 and admin != editor


def test_run_twice_changes_nothing_and_keeps_the_passwords(account_env, client):
    first = _ensure_accounts()
    User = get_user_model()
    before = {user.username: (user.password, user.is_superuser) for user in User.objects.all()}

    second = _ensure_accounts()

    assert not re.search(r"password '([^']+)'", second)
    assert second.count("already exists; its password is unchanged") == 2
    assert {user.username: (user.password, user.is_superuser) for user in User.objects.all()} == before
    assert client.login(username="editor", password=printed_password(first, "editor"))


def test_a_given_password_replaces_an_existing_one_only_when_it_differs(account_env, client):
    _ensure_accounts()
    account_env.setenv("CROSSPOST_EDITOR_PASSWORD", "a-new-editor-password")

    assert "password set from CROSSPOST_EDITOR_PASSWORD" in _ensure_accounts()
    assert client.login(username="editor", password="a-new-editor-password")
    assert "editor' already exists; its password is unchanged" in _ensure_accounts()


def test_an_editor_an_older_make_run_made_a_superuser_is_flagged_not_demoted(account_env, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-old-password")

    output = _ensure_accounts()

    assert "'editor' is a superuser" in output
    assert django_user_model.objects.get(username="editor").is_superuser


def test_the_administrator_and_the_editor_must_be_two_accounts(account_env):
    account_env.setenv("DJANGO_SUPERUSER_USERNAME", "editor")

    with pytest.raises(CommandError, match="two accounts"):
        _ensure_accounts()

    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("variable", ["DJANGO_SUPERUSER_EMAIL", "CROSSPOST_EDITOR_EMAIL"])
def test_a_bad_email_is_refused(account_env, variable):
    account_env.setenv(variable, "not-an-address")

    with pytest.raises(CommandError, match=variable):
        _ensure_accounts()

    assert not get_user_model().objects.exists()
