"""Point 3: every digest links to the reader's preferences and unsubscribes in one click (RFC 8058)."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from digests import services
from digests import tokens
from digests.models import Delivery
from digests.models import DeliveryStatus
from digests.models import Frequency
from digests.models import Subscriber
from digests.models import SubscriberStatus
from digests.models import Subscription
from digests.tasks import send_deliveries
from tests.factories import ArticleFactory
from tests.factories import RegionFactory

from .conftest import link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(confirmed):
    """A reader's daily digest, sent: (reader, message)."""
    reader = confirmed(frequency="daily")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=1))
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    send_deliveries.enqueue(list(digest.deliveries.values_list("pk", flat=True)))
    [message] = mail.outbox
    return reader, message


def test_every_digest_carries_list_unsubscribe_for_one_click(sent):
    reader, message = sent
    unsubscribe_path = link_in(message, "digests:unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_path}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    rendered = message.message()
    assert rendered["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = BeautifulSoup(message.alternatives[0][0], "html.parser")
    assert html.find("a", string="Unsubscribe")["href"] == f"http://testserver{unsubscribe_path}"
    preferences = link_in(message, "digests:preferences")
    assert html.find("a", string="Change your preferences or download your data")["href"].endswith(preferences)


def test_a_mailto_is_added_only_when_a_mailbox_is_configured(confirmed, settings):
    settings.DIGEST_UNSUBSCRIBE_MAILTO = "unsubscribe@example.org"
    reader = confirmed(frequency="daily")
    from digests.mail import list_unsubscribe_headers
    from digests.mail import reader_links

    header = list_unsubscribe_headers(reader_links(reader))["List-Unsubscribe"]
    assert header.startswith("<http://testserver/unsubscribe/")
    assert ", <mailto:unsubscribe@example.org?subject=unsubscribe%20" in header


def test_one_click_post_without_any_token_unsubscribes_at_once(sent):
    reader, message = sent
    mail_client = Client(enforce_csrf_checks=True)  # a mail client: no cookie, no CSRF token
    response = mail_client.post(link_in(message, "digests:unsubscribe"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.UNSUBSCRIBED
    assert not Subscriber.objects.receiving().exists()


def test_opening_the_unsubscribe_link_asks_first(client, sent):
    reader, message = sent
    page = client.get(link_in(message, "digests:unsubscribe"))
    assert page.status_code == 200
    assert BeautifulSoup(page.content, "html.parser").select_one(".digest-page form button").get_text() == "Unsubscribe"
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE


def test_unsubscribing_skips_what_is_still_queued_for_the_reader(confirmed):
    reader = confirmed(frequency="daily")
    ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=1))
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    Client().post(reverse("digests:unsubscribe", args=[tokens.for_subscriber(reader, tokens.UNSUBSCRIBE)]))
    send_deliveries.enqueue(list(digest.deliveries.values_list("pk", flat=True)))
    assert mail.outbox == []
    assert Delivery.objects.get().status == DeliveryStatus.SKIPPED


def test_a_link_for_one_purpose_does_not_work_for_another(client, sent):
    reader, message = sent
    preferences_token = link_in(message, "digests:preferences").rstrip("/").rsplit("/", 1)[1]
    response = client.post(reverse("digests:unsubscribe", args=[preferences_token]))
    assert response.status_code == 404
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE
    assert client.get(reverse("digests:preferences", args=["not-a-token"])).status_code == 404


def test_preferences_change_add_and_remove(client, sent):
    reader, message = sent
    path = link_in(message, "digests:preferences")
    page = client.get(path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    subscription = reader.subscriptions.get()
    client.post(path, {"action": "change", "subscription": subscription.pk, "frequency": "weekly"})
    subscription.refresh_from_db()
    assert subscription.frequency == "weekly"
    region = RegionFactory(name="Andes")
    added = client.post(path, {"action": "add", "follow": f"region:{region.pk}", "frequency": "daily"})
    assert "You now follow Andes." in added.content.decode()
    assert reader.subscriptions.filter(region=region, frequency="daily").exists()
    client.post(path, {"action": "remove", "subscription": subscription.pk})
    assert list(reader.subscriptions.values_list("region__name", flat=True)) == ["Andes"]


@pytest.mark.parametrize(
    "data",
    [
        {"action": "change", "subscription": "999999", "frequency": "weekly"},
        {"action": "change", "subscription": "x", "frequency": "weekly"},
        {"action": "add", "follow": "region:999999", "frequency": "daily"},
        {"action": "add", "follow": "publication", "frequency": "hourly"},
        {"action": "explode"},
    ],
)
def test_preferences_refuse_bad_input_clearly(client, sent, data):
    reader, message = sent
    response = client.post(link_in(message, "digests:preferences"), data)
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one(".message").get_text()
    assert list(reader.subscriptions.values_list("frequency", flat=True)) == ["daily"]


def test_unsubscribe_all_from_preferences_and_resubscribe(client, sent):
    reader, message = sent
    path = link_in(message, "digests:preferences")
    client.post(path, {"action": "unsubscribe"})
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.UNSUBSCRIBED
    client.post(path, {"action": "add", "follow": "publication", "frequency": "weekly"})
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.ACTIVE


def test_download_my_data(client, sent):
    reader, message = sent
    preferences = link_in(message, "digests:preferences")
    token = preferences.rstrip("/").rsplit("/", 1)[1]
    response = client.get(reverse("digests:data", args=[token]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["email"] == reader.email
    assert data["subscriptions"] == [
        {
            "follows": "Everything we publish",
            "kind": "publication",
            "frequency": "daily",
            "since": data["subscriptions"][0]["since"],
        }
    ]
    assert [delivery["status"] for delivery in data["deliveries"]] == ["sent"]


def test_delete_my_data_forgets_everything_and_kills_the_links(client, sent):
    reader, message = sent
    path = link_in(message, "digests:preferences")
    response = client.post(path, {"action": "delete"})
    assert response.status_code == 200
    assert "Your data is deleted" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not Subscription.objects.exists()
    assert not Delivery.objects.exists()
    assert client.get(path).status_code == 404
    assert client.post(link_in(message, "digests:unsubscribe")).status_code == 404
