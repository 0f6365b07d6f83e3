"""Point 2: digests built from what was published since the last one, credited as the page credits it."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from attribution.credits import attribution_for
from attribution.models import PublicationSettings
from digests import services
from digests.models import Delivery
from digests.models import Digest
from digests.models import DigestSettings
from digests.models import Frequency
from digests.models import Subscriber
from digests.models import TargetKind
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def html_of(message):
    return BeautifulSoup(message.alternatives[0][0], "html.parser")


def test_a_daily_digest_credits_each_new_article_as_its_page_does(client, confirmed, publication):
    reader = confirmed(frequency="daily")
    andes, asia = RegionFactory(name="Andes"), RegionFactory(name="Asia")
    author = AuthorFactory(name="Ana Ruiz")
    source = SourceFactory(name="Oriental Review")
    picture = ImageFactory(alt_text="Containers stacked at the port of Callao")
    article = CrossPostFactory(
        title="Ports and power",
        dek="Who controls the Pacific ports.",
        authors=[author],
        regions=[andes],
        source=source,
        published_at=hours_ago(2),
        lead_image=picture,
    )
    other = ArticleFactory(title="Shipping in Asia", regions=[asia], published_at=hours_ago(3))
    ArticleFactory(title="Too old", regions=[asia], published_at=hours_ago(30))
    ArticleFactory(title="A draft", status=Status.DRAFT, published_at=None)
    ArticleFactory(title="Tomorrow's", published_at=timezone.now() + datetime.timedelta(hours=5))

    call_command("send_digests", frequency="daily", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert message.alternatives[0][1] == "text/html"
    html = html_of(message)
    titles = [heading.get_text(strip=True) for heading in html.select(".digest-item h3")]
    assert titles == ["Ports and power", "Shipping in Asia"]  # grouped: Andes, then Asia
    assert [heading.get_text() for heading in html.select("h2")] == ["Andes", "Asia"]
    item = html.select(".digest-item")[0]
    credits = attribution_for(article, publication=PublicationSettings.get_solo())
    assert item.select_one(".dek").get_text() == "Who controls the Pacific ports."
    assert item.select_one(".byline").get_text() == "By Ana Ruiz"
    assert item.select_one(".byline a")["href"] == f"http://testserver{author.get_absolute_url()}"
    assert item.select_one(".original-source").get_text() == "The original source of this article is Oriental Review"
    assert item.select_one(".original-source a")["href"] == article.original_url
    assert item.select_one(".copyright").get_text() == credits.copyright_line
    assert item.select_one("h3 a")["href"] == f"http://testserver{article.get_absolute_url()}"
    image = item.select_one("img")
    assert image["alt"] == "Containers stacked at the port of Callao"
    assert image["src"].startswith("http://testserver/")
    assert int(image["width"]) == min(600, picture.width)
    # The plain-text part says the same.
    for line in [
        "Ports and power",
        "Who controls the Pacific ports.",
        "By Ana Ruiz",
        credits.copyright_line,
        "The original source of this article is Oriental Review",
        f"http://testserver{other.get_absolute_url()}",
    ]:
        assert line in message.body
    for absent in ["Too old", "A draft", "Tomorrow's"]:
        assert absent not in message.body
    digest = Digest.objects.get()
    assert list(digest.articles.order_by("published_at")) == [other, article]
    assert Delivery.objects.get().status == "sent"


def test_nothing_new_means_nothing_sent(confirmed, publication):
    confirmed(frequency="daily")
    ArticleFactory(published_at=hours_ago(30))
    assert services.digests_build(frequency=Frequency.DAILY) == []
    call_command("send_digests", frequency="daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []
    assert not Digest.objects.exists()


def test_the_next_issue_starts_where_the_last_ended(confirmed, publication):
    confirmed(frequency="daily")
    ArticleFactory(title="First", published_at=hours_ago(5))
    first_run = timezone.now() - datetime.timedelta(hours=1)
    [first] = services.digests_build(frequency=Frequency.DAILY, now=first_run)
    ArticleFactory(title="Second", published_at=hours_ago(0.5))
    assert services.digests_build(frequency=Frequency.DAILY, now=first_run) == []  # the same moment: nothing new
    [second] = services.digests_build(frequency=Frequency.DAILY)
    assert second.period_start == first.period_end
    assert [a.title for a in second.articles.all()] == ["Second"]


def test_each_target_gets_only_its_own_articles_and_only_confirmed_readers(client, subscribe, confirmed):
    region, theme, author = RegionFactory(name="Andes"), ThemeFactory(name="Energy"), AuthorFactory(name="Ana")
    by_region = confirmed(email="region@example.org", follow=f"region:{region.pk}", frequency="weekly")
    by_theme = confirmed(email="theme@example.org", follow=f"theme:{theme.pk}", frequency="weekly")
    by_author = confirmed(email="author@example.org", follow=f"author:{author.pk}", frequency="weekly")
    daily = confirmed(email="daily@example.org", follow=f"region:{region.pk}", frequency="daily")
    subscribe(email="unconfirmed@example.org", follow=f"region:{region.pk}", frequency="weekly")
    mail.outbox.clear()
    ArticleFactory(title="In the Andes", regions=[region], published_at=hours_ago(50))
    ArticleFactory(title="On energy", themes=[theme], published_at=hours_ago(50))
    ArticleFactory(title="By Ana", authors=[author], published_at=hours_ago(50))

    call_command("send_digests", frequency="weekly", stdout=open("/dev/null", "w"))  # noqa: SIM115

    received = {message.to[0]: message for message in mail.outbox}
    assert set(received) == {by_region.email, by_theme.email, by_author.email}
    assert "In the Andes" in received[by_region.email].body and "On energy" not in received[by_region.email].body
    assert "On energy" in received[by_theme.email].body and "By Ana" not in received[by_theme.email].body
    assert "By Ana" in received[by_author.email].body and "In the Andes" not in received[by_author.email].body
    assert received[by_region.email].subject.startswith("Crosspost Review: Andes — Weekly digest")
    assert daily.email not in received


def test_the_schedule_starts_each_digest_once_on_its_day(confirmed, settings):
    settings.TIME_ZONE = "UTC"
    schedule = DigestSettings.get_solo()
    schedule.daily_at, schedule.weekly_on = datetime.time(7, 0), 2  # Wednesday
    schedule.save()
    wednesday = datetime.datetime(2026, 12, 2, tzinfo=datetime.UTC)
    assert services.digests_due(now=wednesday.replace(hour=6)) == []
    assert services.digests_due(now=wednesday.replace(hour=7)) == ["daily", "weekly"]
    assert services.digests_due(now=wednesday.replace(hour=8)) == []
    assert services.digests_due(now=wednesday.replace(hour=8) + datetime.timedelta(days=1)) == ["daily"]


def test_the_archive_lists_issues_and_shows_each_as_a_page(client, confirmed, publication):
    confirmed(frequency="daily")
    kept = ArticleFactory(title="Still here", published_at=hours_ago(2))
    gone = ArticleFactory(title="Withdrawn later", published_at=hours_ago(3))
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    listing = client.get(reverse("digests:archive"))
    assert listing.status_code == 200
    link = BeautifulSoup(listing.content, "html.parser").select_one(".digest-list a")
    assert link["href"] == digest.get_absolute_url() == f"/digests/{digest.pk}/"
    page = client.get(digest.get_absolute_url())
    assert page.status_code == 200
    titles = [h.get_text(strip=True) for h in BeautifulSoup(page.content, "html.parser").select(".digest-item h3")]
    assert titles == ["Still here", "Withdrawn later"]
    from articles.services import article_withdraw

    article_withdraw(article=gone)
    titles = [
        h.get_text(strip=True)
        for h in BeautifulSoup(client.get(digest.get_absolute_url()).content, "html.parser").select(".digest-item h3")
    ]
    assert titles == ["Still here"]
    assert kept.title in digest.text and gone.title in digest.text  # what was sent stays on record


def test_deleted_subscribers_get_nothing_and_the_issue_records_each_delivery(confirmed, publication):
    keep = confirmed(email="keep@example.org", frequency="daily")
    leave = confirmed(email="leave@example.org", frequency="daily")
    ArticleFactory(published_at=hours_ago(1))
    services.subscriber_unsubscribe(subscriber=leave)
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    assert list(digest.deliveries.values_list("subscriber__email", flat=True)) == [keep.email]
    assert Subscriber.objects.receiving().count() == 1
    assert digest.kind == TargetKind.PUBLICATION


def issue_of(count):
    """A daily issue of `count` articles, each with two authors, a region, a theme and a lead picture."""
    for number in range(count):
        CrossPostFactory(
            published_at=hours_ago(number + 1),
            authors=[AuthorFactory(), AuthorFactory()],
            regions=[RegionFactory()],
            themes=[ThemeFactory()],
            lead_image=ImageFactory(),
        )
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    return digest


@pytest.mark.parametrize("path", ["archive", "issue"])
def test_the_digest_pages_cost_the_same_for_one_article_or_twenty(client, confirmed, publication, path, settings):
    settings.PAGE_CACHE = False  # the page itself, not its stored copy
    confirmed(frequency="daily")
    counts = []
    for count in (1, 20):
        Digest.objects.all().delete()
        digest = issue_of(count)
        url = reverse("digests:archive") if path == "archive" else digest.get_absolute_url()
        client.get(url)  # the menu, footer and settings, remembered once for every page
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
