"""Partner and editor e-mails leave the request: stored first, sent by the task worker, retried, never twice.

These tests use the production arrangement: django-tasks' database backend, the deadline SMTP backend
and a mail server on 127.0.0.1 (tests/smtp_server.py), some answering slowly. The worker is run by
the tests themselves (`db_worker --batch`), in transactional tests, since it commits as it goes.
"""

import io
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from partners.models import PermissionRequest
from partners.models import RequestStatus
from partners.services import permission_request_approve
from partners.tasks import RETRY_DELAYS
from tests.factories import PermissionRequestFactory
from tests.smtp_server import smtp_server
from tests.worker import run_worker

from .conftest import CONTACT
from .conftest import form_data
from .conftest import request_url

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def production_mail(settings):
    """Tasks in the database, mail through the deadline SMTP backend; `use(server)` points it at a server."""
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "core.mail.DeadlineEmailBackend"
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 10
    settings.EMAIL_DEADLINE = 2

    def use(server):
        settings.EMAIL_PORT = server.port

    return use


def test_a_slow_mail_server_does_not_hold_the_partners_request(client, article, production_mail):
    with smtp_server(delay=5) as server:  # each reply after 5 s: a conversation would take about a minute
        production_mail(server)

        started = time.monotonic()
        response = client.post(request_url(article), form_data())
        elapsed = time.monotonic() - started

        assert response.status_code == 302
        assert elapsed < 1, f"the request took {elapsed:.1f} s"
        assert server.connections == 0, "no mail server was called during the request"
    stored = PermissionRequest.objects.get()
    assert stored.notified_at is None and stored.acknowledged_at is None
    assert DBTaskResult.objects.ready().count() == 1, "the e-mails wait for the worker"


def test_the_worker_sends_the_mail_later_and_only_once(client, article, production_mail):
    client.post(request_url(article), form_data())  # no worker running: the task waits in the database
    assert DBTaskResult.objects.ready().count() == 1

    with smtp_server() as server:
        production_mail(server)
        run_worker()
        run_worker()

    headers = [line for message in server.messages for line in message.splitlines()]
    recipients = sorted(line.removeprefix("To: ") for line in headers if line.startswith("To: "))
    assert recipients == sorted(["ada@press.example.com", CONTACT])
    stored = PermissionRequest.objects.get()
    assert stored.notified_at is not None and stored.acknowledged_at is not None
    assert DBTaskResult.objects.successful().count() == 1


def test_a_mail_server_slower_than_the_deadline_is_given_up_and_retried_later(client, article, production_mail):
    client.post(request_url(article), form_data())

    with smtp_server(delay=0.7) as server:  # every step in time, the whole conversation far too slow
        production_mail(server)
        started = time.monotonic()
        run_worker()
        elapsed = time.monotonic() - started

    assert server.messages == []
    assert elapsed < 8, f"the worker was held {elapsed:.1f} s; the deadline is 2 s per message"
    stored = PermissionRequest.objects.get()
    assert stored.notified_at is None and stored.acknowledged_at is None, "nothing is marked sent"
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    wait = retry.run_after - timezone.now()
    assert RETRY_DELAYS[0] * 0.9 < wait <= RETRY_DELAYS[0], "the retry waits before trying again"

    with smtp_server() as server:
        production_mail(server)
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # its time has come
        run_worker()

    assert len(server.messages) == 2
    assert PermissionRequest.objects.needing_mail().count() == 0


def test_an_editors_decision_is_mailed_by_the_worker_not_in_the_admin(article, editor, production_mail):
    request = PermissionRequestFactory(article=article)

    with smtp_server(delay=5) as server:
        production_mail(server)
        permission_request_approve(request=request, by=editor, note="Go ahead.")
        assert server.connections == 0

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert request.decision_sent_at is None
    with smtp_server() as server:
        production_mail(server)
        run_worker()
    assert len(server.messages) == 1 and "Permission granted" in server.messages[0]
    request.refresh_from_db()
    assert request.decision_sent_at is not None


def test_retries_end_and_the_mail_stays_pending_for_the_safety_net(client, article, production_mail, settings):
    client.post(request_url(article), form_data())
    with smtp_server(delay=0.7) as server:
        production_mail(server)
        settings.EMAIL_DEADLINE = 0.5
        for _ in range(len(RETRY_DELAYS) + 1):
            DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
            run_worker()

    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists(), "no retry after the last"
    assert DBTaskResult.objects.count() == len(RETRY_DELAYS) + 1
    assert PermissionRequest.objects.needing_mail().count() == 1


def test_nothing_is_lost_while_no_worker_runs_and_each_mail_goes_once(client, article, settings, mailoutbox):
    settings.TASKS = DATABASE_TASKS  # the worker is down: tasks wait in the database

    assert client.post(request_url(article), form_data()).status_code == 302
    assert mailoutbox == [], "nothing sent in the partner's request"
    waiting = DBTaskResult.objects.get()
    assert waiting.status == TaskResultStatus.READY
    assert waiting.task_path == "partners.tasks.send_permission_request_mail"

    run_worker()  # the worker is back

    assert sorted(message.to[0] for message in mailoutbox) == sorted(["ada@press.example.com", CONTACT])
    run_worker()
    call_command("send_pending_notifications")
    run_worker()
    assert len(mailoutbox) == 2, "each e-mail exactly once"
    assert PermissionRequest.objects.needing_mail().count() == 0


def test_the_pending_mail_sweep_is_queued_by_the_command_and_sent_by_the_worker(article, settings, mailoutbox):
    settings.TASKS = DATABASE_TASKS
    PermissionRequestFactory(article=article, notified_at=None, acknowledged_at=None)  # its retries ran out
    out = io.StringIO()

    call_command("send_pending_notifications", stdout=out)

    assert "Queued task" in out.getvalue() and mailoutbox == []
    sweep = DBTaskResult.objects.ready().get()
    assert sweep.task_path == "partners.tasks.send_pending_notifications"
    run_worker()
    assert len(mailoutbox) == 2
    assert DBTaskResult.objects.get().return_value == 1  # one request had e-mail pending
