"""A provider's reports arriving as production receives them: Postmark posting to anymail's tracking webhook."""

import base64
import datetime
import json

import pytest
from anymail.signals import AnymailTrackingEvent
from anymail.signals import tracking
from django.utils import timezone

from digests import services
from digests.models import DeliveryStatus
from digests.models import Frequency
from digests.models import SubscriberStatus
from digests.tasks import send_deliveries
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.digests.urls_with_anymail")]
WEBHOOK = "/anymail/postmark/tracking/"
SECRET = "postmark:a-long-shared-secret"


@pytest.fixture
def sent(confirmed, settings):
    """A reader whose daily digest went out through the provider: (the reader, the delivery)."""
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}
    reader = confirmed(email="Reader@Example.org", frequency="daily")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=1))
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    send_deliveries.enqueue(list(digest.deliveries.values_list("pk", flat=True)))
    return reader, digest.deliveries.get()


def post(client, payload, *, secret=SECRET):
    return client.post(
        WEBHOOK,
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(secret.encode()).decode(),
    )


def bounce(delivery, kind="HardBounce"):
    # The fields Postmark's bounce webhook sends that anymail reads (postmarkapp.com's developer docs).
    return {
        "RecordType": "Bounce",
        "Type": kind,
        "MessageID": delivery.message_id,
        "Email": "reader@example.org",
        "BouncedAt": "2026-12-06T10:00:00Z",
        "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        "Details": "550 5.1.1 The email account that you tried to reach does not exist.",
    }


def test_a_hard_bounce_posted_by_the_provider_stops_the_reader(client, sent):
    reader, delivery = sent

    assert post(client, bounce(delivery)).status_code == 200

    reader.refresh_from_db()
    delivery.refresh_from_db()
    assert reader.status == SubscriberStatus.BOUNCED and delivery.status == DeliveryStatus.BOUNCED


def test_a_spam_complaint_posted_by_the_provider_stops_the_reader(client, sent):
    reader, delivery = sent
    complaint = {
        "RecordType": "SpamComplaint",
        "Type": "SpamComplaint",
        "MessageID": delivery.message_id,
        "Email": "reader@example.org",
        "BouncedAt": "2026-12-06T10:00:00Z",
    }

    assert post(client, complaint).status_code == 200

    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.COMPLAINED


def test_a_report_without_the_shared_secret_is_refused_and_changes_nothing(client, sent):
    reader, delivery = sent

    response = post(client, bounce(delivery), secret="postmark:guessed")

    assert response.status_code in (400, 403)
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE


@pytest.fixture
def daily(confirmed, settings):
    """A daily reader of the provider's mail, and a function sending them the digests of the days before."""
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}
    reader = confirmed(email="Reader@Example.org", frequency="daily")

    def send(days):
        deliveries = []
        for days_ago in range(days, 0, -1):
            built_at = timezone.now() - datetime.timedelta(days=days_ago)
            ArticleFactory(published_at=built_at - datetime.timedelta(hours=1))
            [digest] = services.digests_build(frequency=Frequency.DAILY, now=built_at)
            send_deliveries.enqueue(list(digest.deliveries.values_list("pk", flat=True)))
            deliveries.append(digest.deliveries.get())
        return deliveries

    return reader, send


def test_a_full_mailbox_stops_the_reader_only_after_three_digests_in_a_row_bounce(client, daily, settings):
    settings.DIGEST_SOFT_BOUNCE_LIMIT = 3
    reader, send = daily
    first, second, third = send(days=3)

    for delivery, stopped in ((first, False), (second, False), (third, True)):
        assert post(client, bounce(delivery, "SoftBounce")).status_code == 200
        reader.refresh_from_db()
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.BOUNCED
        assert reader.status == (SubscriberStatus.BOUNCED if stopped else SubscriberStatus.ACTIVE), delivery


def test_a_digest_delivered_between_soft_bounces_starts_the_count_again(client, daily, settings):
    settings.DIGEST_SOFT_BOUNCE_LIMIT = 2
    reader, send = daily
    first, _delivered, third = send(days=3)

    post(client, bounce(first, "SoftBounce"))
    post(client, bounce(third, "SoftBounce"))

    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE


@pytest.mark.parametrize(
    ("esp_name", "raw"),
    [
        ("Brevo", {"event": "soft_bounce"}),
        ("Mandrill", {"event": "soft_bounce"}),
        ("MailerSend", {"type": "activity.soft_bounced"}),
        ("Postmark", {"Type": "SoftBounce"}),
    ],
)
def test_every_provider_that_calls_a_soft_bounce_bounced_is_counted_not_obeyed(sent, settings, esp_name, raw):
    reader, delivery = sent
    event = AnymailTrackingEvent(
        event_type="bounced", recipient="reader@example.org", message_id=delivery.message_id, esp_event=raw
    )

    tracking.send(sender=object, event=event, esp_name=esp_name)

    reader.refresh_from_db()
    delivery.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE and delivery.status == DeliveryStatus.BOUNCED
