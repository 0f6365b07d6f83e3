"""Point 5: sending in batches with retries; nothing lost or sent twice when a worker stops halfway."""

import datetime
import email

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone

from digests import services
from digests.models import Delivery
from digests.models import DeliveryStatus
from digests.models import Frequency
from digests.tasks import build_digests
from digests.tasks import send_deliveries
from digests.tasks import send_pending_deliveries
from tests.factories import ArticleFactory
from tests.smtp_server import smtp_server
from tests.worker import run_worker

pytestmark = pytest.mark.django_db


class WorkerStopped(BaseException):
    """What a worker killed mid-batch looks like from inside: nothing after it runs (not an Exception)."""


class StoppingBackend(LocmemBackend):
    """Delivers `allowed` messages, then the worker 'dies' while handing over the next one."""

    allowed = 0

    def send_messages(self, messages):
        if len(mail.outbox) >= StoppingBackend.allowed:
            raise WorkerStopped
        return super().send_messages(messages)


class RefusingBackend(LocmemBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.fixture
def issue(confirmed):
    """A daily issue with five readers' deliveries queued."""
    for number in range(5):
        confirmed(email=f"reader{number}@example.org", frequency="daily")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=1))
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    return digest


def recipients():
    return sorted(message.to[0] for message in mail.outbox)


def test_a_worker_stopped_halfway_neither_loses_nor_duplicates(issue, settings):
    settings.EMAIL_BACKEND = f"{__name__}.StoppingBackend"
    StoppingBackend.allowed = 2
    ids = list(issue.deliveries.order_by("pk").values_list("pk", flat=True))
    with pytest.raises(WorkerStopped):
        send_deliveries.call(ids)
    assert len(mail.outbox) == 2
    statuses = list(Delivery.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["sent", "sent", "sending", "queued", "queued"]

    StoppingBackend.allowed = 100  # a new worker
    send_pending_deliveries.enqueue()  # the hourly safety net
    assert len(mail.outbox) == 4  # the two still queued; the claimed one waits for its claim to lapse
    Delivery.objects.filter(status=DeliveryStatus.SENDING).update(
        claimed_at=timezone.now() - datetime.timedelta(seconds=settings.DIGEST_CLAIM_TIMEOUT + 1)
    )
    send_pending_deliveries.enqueue()
    send_pending_deliveries.enqueue()  # and again: nothing left to send
    assert recipients() == [f"reader{number}@example.org" for number in range(5)]
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def test_a_delivery_claimed_by_another_worker_is_left_alone(issue):
    delivery = issue.deliveries.first()
    Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.SENDING, claimed_at=timezone.now())
    assert services.delivery_send(delivery_id=delivery.pk) is None
    sent = Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.SENT)
    assert sent and services.delivery_send(delivery_id=delivery.pk) is None
    assert mail.outbox == []


def test_failures_are_recorded_and_retried_until_attempts_run_out(issue, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    settings.DIGEST_MAX_ATTEMPTS = 2
    ids = list(issue.deliveries.values_list("pk", flat=True))
    outcome = send_deliveries.call(ids)
    assert outcome["failed"] == 5
    delivery = Delivery.objects.first()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)
    assert "Connection refused" in delivery.error
    send_pending_deliveries.call()
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {2}
    assert send_pending_deliveries.call() == 0  # attempts used up: left for an editor to see
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.DIGEST_MAX_ATTEMPTS = 3
    send_pending_deliveries.call()
    assert len(mail.outbox) == 5
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def test_batches_go_through_a_real_smtp_server_one_connection_each(issue, settings):
    settings.DIGEST_BATCH_SIZE = 2
    with smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = False
        from digests.tasks import queue_deliveries

        queue_deliveries(issue.deliveries.values_list("pk", flat=True))
    assert len(server.messages) == 5
    assert server.connections == 3  # 2 + 2 + 1
    parsed = [email.message_from_string(raw) for raw in server.messages]
    assert sorted(message["To"] for message in parsed) == [f"reader{number}@example.org" for number in range(5)]
    for message in parsed:
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # Folded across lines, as long headers are (RFC 5322); unfolded, one address in angle brackets.
        unfolded = "".join(message["List-Unsubscribe"].split())
        assert unfolded.startswith("<http://testserver/unsubscribe/") and unfolded.endswith("/>")
        assert message.is_multipart()
    message_ids = set(Delivery.objects.values_list("message_id", flat=True))
    assert message_ids == {"".join(message["Message-ID"].split()) for message in parsed}


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_builds_and_sends(confirmed, settings):
    confirmed(email="worker@example.org", frequency="weekly")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=2))
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    build_digests.enqueue("weekly")
    assert mail.outbox == []  # queued, not sent by the request that queued it
    run_worker()
    run_worker()
    assert recipients() == ["worker@example.org"]
    assert Delivery.objects.get().status == DeliveryStatus.SENT
