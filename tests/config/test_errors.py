"""Server errors reach a person (ADMINS by a queued e-mail, or Sentry), and the 500 page says only what is true."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import DatabaseError
from django_tasks_db.models import DBTaskResult

from attribution.models import PublicationSettings
from config.settings.base import admins_from
from tests.smtp_server import smtp_server
from tests.worker import run_worker

from .test_settings import _setup_django

pytestmark = pytest.mark.urls("tests.config.urls_error")


@pytest.fixture
def failing(client):
    client.raise_request_exception = False

    def get():
        response = client.get("/fail/")
        assert response.status_code == 500
        return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)

    return get


@pytest.mark.django_db
def test_with_admins_the_error_is_mailed_and_the_page_says_someone_was_told(settings, failing):
    settings.ADMINS = [("Ops", "ops@crosspost.example.org")]

    page = failing()

    assert "have been told about it" in page
    assert [message.to for message in mail.outbox] == [["ops@crosspost.example.org"]]
    assert "RuntimeError" in mail.outbox[0].body
    assert "a bug on the reading path" in mail.outbox[0].body


@pytest.mark.django_db
def test_without_anyone_to_tell_the_page_does_not_pretend(settings, failing):
    settings.ADMINS = []
    settings.SENTRY_DSN = ""

    page = failing()

    assert "told" not in page
    assert "The error has been recorded" in page
    assert mail.outbox == []


@pytest.mark.django_db
def test_with_sentry_alone_the_page_says_someone_was_told(settings, failing):
    settings.ADMINS = []
    settings.SENTRY_DSN = "https://public@sentry.example.org/1"

    assert "have been told about it" in failing()


@pytest.mark.django_db(transaction=True)
def test_the_error_report_waits_for_the_worker_instead_of_holding_the_failed_request(settings, failing):
    settings.ADMINS = [("Ops", "ops@crosspost.example.org")]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "core.mail.DeadlineEmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_USE_TLS, settings.EMAIL_DEADLINE = "127.0.0.1", False, 5

    with smtp_server(delay=3) as server:
        settings.EMAIL_PORT = server.port
        started = time.monotonic()
        failing()
        assert time.monotonic() - started < 1
        assert server.connections == 0
    assert DBTaskResult.objects.count() == 1

    with smtp_server() as server:
        settings.EMAIL_PORT = server.port
        run_worker()
    assert len(server.messages) == 1
    assert "To: ops@crosspost.example.org" in server.messages[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", []),
        ("ops@example.org", [("ops@example.org", "ops@example.org")]),
        (
            "Ana Lima <ana@example.org>, ops@example.org",
            [("Ana Lima", "ana@example.org"), ("ops@example.org", "ops@example.org")],
        ),
    ],
)
def test_admins_come_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("DJANGO_ADMINS", value)

    assert admins_from("DJANGO_ADMINS") == expected


def test_production_reports_to_sentry_when_a_dsn_is_set(production_env):
    production_env["SENTRY_DSN"] = "https://public@sentry.example.org/1"

    result = _setup_django(
        production_env,
        "import sentry_sdk\nclient = sentry_sdk.get_client()\n"
        "print(client.is_active(), client.dsn, client.options['send_default_pii'])",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "https://public@sentry.example.org/1", "False"]


@pytest.mark.django_db
def test_when_the_database_is_what_failed_the_error_page_still_answers(settings, failing, monkeypatch):
    """The site's own 500 page needs the publication settings; without them, a plain page that needs nothing."""

    def unreachable(cls):
        raise DatabaseError("the database is down")

    monkeypatch.setattr(PublicationSettings, "get_solo", classmethod(unreachable))
    settings.ADMINS = []

    page = failing()

    assert "Something went wrong on our side" in page
    assert "The error has been recorded" in page
