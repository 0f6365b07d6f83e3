"""Point 1: subscribing from articles and archives, double opt-in, bots, limits, expiry."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from digests import services
from digests.models import Subscriber
from digests.models import SubscriberStatus
from digests.models import Subscription
from digests.models import TargetKind
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import ThemeFactory

from .conftest import link_in
from .conftest import subscribe_data

pytestmark = pytest.mark.django_db


def subscribe_form(html):
    form = BeautifulSoup(html, "html.parser").select_one("form.subscribe-form")
    assert form is not None, "no subscribe form on the page"
    return form


def test_article_page_offers_the_publication_its_regions_themes_and_authors(client, publication):
    region, theme, author = RegionFactory(name="Andes"), ThemeFactory(name="Energy"), AuthorFactory(name="Ana Ruiz")
    article = ArticleFactory(regions=[region], themes=[theme], authors=[author])
    form = subscribe_form(client.get(article.get_absolute_url()).content)
    assert form["action"] == reverse("digests:subscribe")
    assert form["method"] == "post"
    options = {option["value"]: option.get_text() for option in form.select("select[name=follow] option")}
    assert options == {
        "publication": "Everything we publish",
        f"region:{region.pk}": "Region: Andes",
        f"theme:{theme.pk}": "Theme: Energy",
        f"author:{author.pk}": "Author: Ana Ruiz",
    }
    assert form.select_one("option[selected]")["value"] == "publication"
    # A cached page shared by every reader: no per-reader token in it.
    assert not form.select("input[name=csrfmiddlewaretoken]")


@pytest.mark.parametrize("kind", ["region", "theme", "author"])
def test_archive_pages_choose_their_own_subject(client, publication, kind):
    subject = {"region": RegionFactory, "theme": ThemeFactory, "author": AuthorFactory}[kind]()
    ArticleFactory(**{f"{kind}s": [subject]})
    form = subscribe_form(client.get(subject.get_absolute_url()).content)
    assert form.select_one("option[selected]")["value"] == f"{kind}:{subject.pk}"


def test_a_tag_archive_offers_the_whole_publication(client, publication):
    from tests.factories import TagFactory

    tag = TagFactory(name="ports")
    ArticleFactory(tags=[tag])
    form = subscribe_form(client.get(reverse("articles:tag", kwargs={"slug": tag.slug})).content)
    assert [option["value"] for option in form.select("option")] == ["publication"]


def test_the_form_works_without_javascript_through_a_cached_page(publication):
    """An anonymous reader with no cookies at all (a cached page gives none) posts the form as it is."""
    region = RegionFactory()
    ArticleFactory(regions=[region])
    reader = Client(enforce_csrf_checks=True)
    form = subscribe_form(reader.get(region.get_absolute_url()).content)
    data = {field["name"]: field.get("value", "") for field in form.select("input") if field.get("type") != "radio"}
    data.update(email="someone@example.org", follow=form.select_one("option[selected]")["value"], frequency="daily")
    response = reader.post(form["action"], data)
    assert response.status_code == 302
    assert response["Location"] == reverse("digests:check_inbox")
    assert "Check your inbox" in reader.get(response["Location"]).content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None
    assert not subscriber.subscriptions.exists()  # nothing until confirmed
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["someone@example.org"]


def test_confirmation_link_confirms_on_post_only_and_adds_the_subscription(client, subscribe, publication):
    theme = ThemeFactory(name="Energy")
    subscribe(email="Reader@Example.org", follow=f"theme:{theme.pk}", frequency="daily")
    confirm_path = link_in(mail.outbox[0], "digests:confirm")
    assert "Energy" in mail.outbox[0].body
    page = client.get(confirm_path)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200
    assert Subscriber.objects.get().confirmed_at is None
    assert "no-store" in page["Cache-Control"]
    response = client.post(confirm_path)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is not None
    assert subscriber.status == SubscriberStatus.ACTIVE
    subscription = subscriber.subscriptions.get()
    assert (subscription.kind, subscription.theme, subscription.frequency) == (TargetKind.THEME, theme, "daily")
    assert len(mail.outbox) == 1  # the confirmation only


def test_expired_or_altered_links_say_so(client, subscribe, publication, settings):
    subscribe()
    confirm_path = link_in(mail.outbox[0], "digests:confirm")
    # One character of the signature changed (the one before the closing "/" and four more).
    other = "A" if confirm_path[-6] != "A" else "B"
    altered = client.post(confirm_path[:-6] + other + confirm_path[-5:])
    assert altered.status_code == 404
    assert "does not work" in altered.content.decode()
    settings.DIGEST_CONFIRMATION_MAX_AGE = -1
    expired = client.post(confirm_path)
    assert expired.status_code == 410
    assert "expired" in expired.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


def test_same_answer_whether_or_not_the_address_is_subscribed(client, confirmed, subscribe):
    fresh = subscribe(email="new@example.org")
    confirmed(email="old@example.org")
    again = subscribe(email="old@example.org")
    assert (fresh.status_code, fresh["Location"]) == (again.status_code, again["Location"])


def test_a_subscribed_reader_gets_a_note_not_another_confirmation_and_at_most_once_an_hour(confirmed, subscribe):
    confirmed(email="old@example.org")
    subscribe(email="OLD@example.org")
    assert len(mail.outbox) == 1
    assert "already receive it" in mail.outbox[0].body
    assert reverse("digests:preferences", kwargs={"token": "x"}).split("x")[0] in mail.outbox[0].body
    subscribe(email="old@example.org")
    subscribe(email="old@example.org")
    assert len(mail.outbox) == 1
    assert Subscriber.objects.count() == 1


def test_a_confirmed_reader_adding_a_target_confirms_it_by_link(client, confirmed, subscribe):
    reader = confirmed(email="old@example.org")
    region = RegionFactory()
    subscribe(email="old@example.org", follow=f"region:{region.pk}")
    assert reader.subscriptions.count() == 1  # not added by whoever typed the address
    client.post(link_in(mail.outbox[0], "digests:confirm"))
    assert reader.subscriptions.count() == 2


def test_an_unconfirmed_address_is_sent_one_confirmation_an_hour(subscribe, publication):
    for _ in range(3):
        assert subscribe(email="target@example.org").status_code == 302
    assert len(mail.outbox) == 1
    Subscriber.objects.update(last_prompted_at=timezone.now() - datetime.timedelta(hours=2))
    subscribe(email="target@example.org")
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("status", [SubscriberStatus.BOUNCED, SubscriberStatus.COMPLAINED])
def test_nothing_is_sent_to_an_address_that_bounced_or_complained(subscribe, publication, status):
    Subscriber.objects.create(email="gone@example.org", status=status)
    assert subscribe(email="gone@example.org").status_code == 302
    assert mail.outbox == []


def test_the_honeypot_looks_like_success_and_stores_nothing(subscribe, publication):
    response = subscribe(website="http://spam.example.com")
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"email": ""}, "email", "Please enter your e-mail address."),
        ({"email": "not-an-address"}, "email", "Please enter a complete e-mail address"),
        ({"email": "a@example.org\r\nBcc: x@example.org"}, "email", "e-mail address"),
        ({"frequency": "hourly"}, "frequency", "Please choose daily or weekly."),
        ({"frequency": None}, "frequency", "Please choose daily or weekly."),
        ({"follow": "region:999999"}, "follow", "We could not find what you chose to follow"),
        ({"follow": "tag:1"}, "follow", "We could not find what you chose to follow"),
        ({"follow": "region:١"}, "follow", "We could not find what you chose to follow"),
        ({"follow": ""}, "follow", "Please choose what you would like to follow."),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(subscribe, publication, values, field, message):
    response = subscribe(**values)
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one(".error-summary")
    assert summary is not None and message in summary.get_text()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_rate_limited_per_client(subscribe, publication, settings):
    settings.DIGEST_SUBSCRIBES_PER_HOUR = 2
    for number in range(2):
        assert subscribe(email=f"r{number}@example.org").status_code == 302
    refused = subscribe(email="r9@example.org")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert not Subscriber.objects.filter(email="r9@example.org").exists()


def test_a_post_from_another_site_is_refused(client, publication):
    response = client.post(reverse("digests:subscribe"), subscribe_data(), HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 403
    assert not Subscriber.objects.exists()
    ours = client.post(reverse("digests:subscribe"), subscribe_data(), HTTP_ORIGIN="http://testserver")
    assert ours.status_code == 302


def test_the_standalone_page_shows_the_form_again_with_the_readers_choice(client, publication):
    region = RegionFactory(name="Andes")
    page = client.get(reverse("digests:subscribe"), {"follow": f"region:{region.pk}"})
    assert page.status_code == 200
    assert subscribe_form(page.content).select_one("option[selected]")["value"] == f"region:{region.pk}"


def test_unconfirmed_addresses_expire(subscribe, confirmed, settings):
    settings.DIGEST_UNCONFIRMED_DAYS = 3
    confirmed(email="kept@example.org")
    subscribe(email="stale@example.org")
    subscribe(email="recent@example.org")
    old = timezone.now() - datetime.timedelta(days=4)
    Subscriber.objects.filter(email__in=["stale@example.org", "kept@example.org"]).update(created_at=old)
    call_command("expire_subscribers", verbosity=0)
    assert set(Subscriber.objects.values_list("email", flat=True)) == {"kept@example.org", "recent@example.org"}


def test_one_subscription_per_target_and_email_unique_in_any_case(publication):
    from django.db import IntegrityError
    from django.db import transaction

    subscriber = Subscriber.objects.create(email="a@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="A@EXAMPLE.ORG")
    services.subscription_set(subscriber=subscriber, kind=TargetKind.PUBLICATION, subject=None, frequency="daily")
    services.subscription_set(subscriber=subscriber, kind=TargetKind.PUBLICATION, subject=None, frequency="weekly")
    assert list(Subscription.objects.values_list("frequency", flat=True)) == ["weekly"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(subscriber=subscriber, kind=TargetKind.PUBLICATION, frequency="daily")
