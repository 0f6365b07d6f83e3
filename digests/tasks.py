"""Background work of the digests: confirmation mail, building issues and sending them in batches.

Run by `manage.py db_worker` in production; `make run` and the tests run them at once.
"""

import datetime

from django.conf import settings
from django.core.mail import get_connection
from django_tasks import task

from core.tasks import retry_later

from . import mail, services
from .models import DeliveryStatus, Subscriber, SubscriberStatus, Subscription

RETRY_DELAYS = (
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
)


@task()
def send_subscription_mail(subscriber_id: int, kind: str, subject_id: int | None, frequency: str) -> str:
    """The confirmation (or, to a reader already receiving exactly this, a note with their preferences link)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.status in services.DO_NOT_MAIL:
        return "nothing"
    try:
        subject = services.subject_for(kind, subject_id)
    except LookupError:
        return "nothing"
    already = (
        subscriber.confirmed_at is not None
        and subscriber.status == SubscriberStatus.ACTIVE
        and Subscription.objects.filter(
            subscriber=subscriber, target_key=services.target_key(kind, subject), frequency=frequency
        ).exists()
    )
    mail.subscription_message(subscriber, kind=kind, subject=subject, frequency=frequency, already=already).send()
    return "already" if already else "confirm"


@task()
def build_digests(frequency: str) -> int:
    """Build every issue due at `frequency` and queue their sending; returns how many issues were built."""
    digests = services.digests_build(frequency=frequency)
    for digest in digests:
        queue_deliveries(digest.deliveries.values_list("pk", flat=True))
    return len(digests)


def queue_deliveries(delivery_ids):
    """One sending task per DIGEST_BATCH_SIZE deliveries."""
    ids = list(delivery_ids)
    size = settings.DIGEST_BATCH_SIZE
    for start in range(0, len(ids), size):
        send_deliveries.enqueue(ids[start : start + size])


@task()
def send_deliveries(delivery_ids: list[int], attempt: int = 1) -> dict:
    """Send a batch; the deliveries that failed are tried again later, as a batch of their own."""
    outcome = {}
    connection = get_connection()
    try:
        connection.open()
    except mail.MAIL_ERRORS:
        connection = None  # each message tries on its own, and its failure is recorded
    try:
        for delivery_id in delivery_ids:
            status = services.delivery_send(delivery_id=delivery_id, connection=connection)
            outcome[str(status)] = outcome.get(str(status), 0) + 1
            if status == DeliveryStatus.FAILED:
                outcome.setdefault("failed_ids", []).append(delivery_id)
    finally:
        if connection is not None:
            connection.close()
    if outcome.get("failed_ids"):
        retry_later(send_deliveries, attempt, RETRY_DELAYS, outcome["failed_ids"])
    return outcome


@task()
def send_pending_deliveries() -> int:
    """The safety net: queue every delivery still owed (a worker stopped halfway, retries used up by an outage)."""
    ids = list(services.deliveries_claimable().order_by("pk").values_list("pk", flat=True))
    queue_deliveries(ids)
    return len(ids)


@task()
def expire_unconfirmed() -> int:
    """Delete addresses never confirmed in time."""
    return services.subscribers_expire()
