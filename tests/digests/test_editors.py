"""Point 4: editors' admin (subscribers and counts, schedule and sender, preview, test send, history) and
providers' bounces and complaints through django-anymail."""

import datetime

import pytest
from anymail.signals import AnymailTrackingEvent
from anymail.signals import tracking
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from digests import services
from digests.models import Delivery
from digests.models import DeliveryStatus
from digests.models import DigestSettings
from digests.models import Frequency
from digests.models import Subscriber
from digests.models import SubscriberStatus
from digests.tasks import send_deliveries
from tests.factories import ArticleFactory
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, editor_member):
    editor_member.email = "eddie@example.org"
    editor_member.save()
    client.force_login(editor_member)
    return client


def test_editors_have_every_digest_permission(editor_member):
    for model in ("subscriber", "subscription", "digest", "delivery", "digestsettings"):
        assert editor_member.has_perm(f"digests.view_{model}")
    assert editor_member.has_perm("digests.change_digestsettings")


def test_contributors_see_no_reader(client, contributor):
    client.force_login(contributor)
    assert client.get(reverse("admin:digests_subscriber_changelist")).status_code == 403


def test_subscriber_list_counts_readers_per_target(desk, confirmed, subscribe):
    region = RegionFactory(name="Andes")
    confirmed(email="a@example.org", follow=f"region:{region.pk}", frequency="daily")
    confirmed(email="b@example.org", follow=f"region:{region.pk}", frequency="weekly")
    confirmed(email="c@example.org", follow=f"region:{region.pk}", frequency="weekly")
    confirmed(email="d@example.org", frequency="daily")
    subscribe(email="unconfirmed@example.org", follow=f"region:{region.pk}")
    page = desk.get(reverse("admin:digests_subscriber_changelist"))
    assert page.status_code == 200
    table = BeautifulSoup(page.content, "html.parser").select_one("#digest-counts")
    rows = [[cell.get_text() for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert rows == [["Everything we publish", "1", "0"], ["Region: Andes", "1", "2"]]
    assert "Readers receiving digests: 4" in table.get_text()


def test_schedule_and_sender_are_used(desk, confirmed):
    response = desk.post(
        reverse("admin:digests_digestsettings_change"),
        {
            "sender": "Crosspost Digest <digest@example.org>",
            "reply_to": "letters@example.org",
            "daily_at": "06:30",
            "weekly_on": "4",
        },
    )
    assert response.status_code == 302
    settings_ = DigestSettings.get_solo()
    assert (settings_.daily_at, settings_.weekly_on) == (datetime.time(6, 30), 4)
    confirmed(frequency="daily")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=1))
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    send_deliveries.enqueue(list(digest.deliveries.values_list("pk", flat=True)))
    assert mail.outbox[0].from_email == "Crosspost Digest <digest@example.org>"
    assert mail.outbox[0].reply_to == ["letters@example.org"]


def test_preview_and_test_send_store_nothing_and_reach_only_the_editor(desk, confirmed):
    region = RegionFactory(name="Andes")
    confirmed(follow=f"region:{region.pk}", frequency="daily")
    ArticleFactory(
        title="New in the Andes", regions=[region], published_at=timezone.now() - datetime.timedelta(hours=1)
    )
    url = reverse("admin:digests_digest_preview")
    page = desk.get(url, {"follow": f"region:{region.pk}", "frequency": "daily"})
    assert page.status_code == 200
    preview = BeautifulSoup(page.content, "html.parser").select_one("iframe")["srcdoc"]
    assert "New in the Andes" in preview
    response = desk.post(url, {"follow": f"region:{region.pk}", "frequency": "daily"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["eddie@example.org"]
    assert message.subject.startswith("[Test] ")
    assert "New in the Andes" in message.body
    assert not Delivery.objects.exists()
    from digests.models import Digest

    assert not Digest.objects.exists()
    quiet = RegionFactory(name="Quiet")
    nothing = desk.get(url, {"follow": f"region:{quiet.pk}", "frequency": "weekly"})
    assert "Nothing new has been published" in nothing.content.decode()


def test_history_shows_each_issue_with_its_delivery_results(desk, confirmed):
    confirmed(email="ok@example.org", frequency="daily")
    confirmed(email="gone@example.org", frequency="daily")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=1))
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    ok, gone = digest.deliveries.order_by("subscriber__email").reverse()
    Delivery.objects.filter(pk=ok.pk).update(status=DeliveryStatus.SENT)
    Delivery.objects.filter(pk=gone.pk).update(status=DeliveryStatus.FAILED, error="550 no such user")
    page = desk.get(reverse("admin:digests_digest_changelist"))
    row = BeautifulSoup(page.content, "html.parser").select_one("#result_list tbody tr")
    cells = {cell["class"][0].removeprefix("field-"): cell.get_text() for cell in row.select("td")}
    assert (cells["article_count"], cells["sent"], cells["failed"], cells["pending"]) == ("1", "1", "1", "0")
    detail = desk.get(reverse("admin:digests_digest_change", args=[digest.pk]))
    assert detail.status_code == 200
    assert "550 no such user" in detail.content.decode()
    deliveries = desk.get(reverse("admin:digests_delivery_changelist"), {"digest__id__exact": digest.pk})
    assert deliveries.status_code == 200


def test_the_provider_message_id_is_recorded_with_anymail(confirmed, settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    confirmed(frequency="daily")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=1))
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    send_deliveries.enqueue(list(digest.deliveries.values_list("pk", flat=True)))
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.message_id == str(mail.outbox[0].anymail_status.message_id)


@pytest.mark.parametrize(
    ("event_type", "status"),
    [("bounced", SubscriberStatus.BOUNCED), ("complained", SubscriberStatus.COMPLAINED)],
)
def test_bounces_and_complaints_stop_sending(confirmed, settings, event_type, status):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    reader = confirmed(email="Reader@Example.org", frequency="daily")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=2))
    [first] = services.digests_build(frequency=Frequency.DAILY, now=timezone.now() - datetime.timedelta(hours=1))
    send_deliveries.enqueue(list(first.deliveries.values_list("pk", flat=True)))
    delivery = first.deliveries.get()
    event = AnymailTrackingEvent(event_type=event_type, recipient="reader@example.org", message_id=delivery.message_id)
    tracking.send(sender=object, event=event, esp_name="Test")
    reader.refresh_from_db()
    assert reader.status == status
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.BOUNCED
    mail.outbox.clear()
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(minutes=10))
    assert services.digests_build(frequency=Frequency.DAILY) == []  # no reader left for it
    services.subscription_request(email="reader@example.org", kind="publication", subject_id=None, frequency="daily")
    assert mail.outbox == []
    assert Subscriber.objects.get().status == status


def test_other_provider_events_change_nothing(confirmed):
    reader = confirmed(frequency="daily")
    tracking.send(
        sender=object, event=AnymailTrackingEvent(event_type="opened", recipient=reader.email), esp_name="Test"
    )
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE
