"""The editors' queue of originals that need attention, its one-click answers, and each source's health page."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from reversion.models import Version

from originals import services
from originals.models import Finding
from originals.models import FindingKind
from originals.models import FindingStatus
from originals.models import Watch
from originals.models import WatchState
from tests.factories import CrossPostFactory
from tests.originals.conftest import check
from tests.originals.conftest import paragraphs
from tests.originals.conftest import story

pytestmark = pytest.mark.django_db

QUEUE = "admin:originals_finding_changelist"


@pytest.fixture
def moved(watched, origin):
    check(watched)
    origin.redirect("/story/", "/2026/new-home/", status=301)
    origin.page("/2026/new-home/", story())
    check(watched)
    return Finding.objects.get(kind=FindingKind.MOVED)


@pytest.fixture
def retitled(watched, origin):
    check(watched)
    origin.page("/story/", story(title="Ports and power"))
    check(watched)
    return Finding.objects.get(kind=FindingKind.RETITLED)


def page(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_queue_lists_open_findings_newest_first_with_what_changed(editor_member_client, retitled, origin):
    second = CrossPostFactory(original_url=origin.url("/other/"))
    origin.page("/other/", story(byline="Tom Okafor"))
    other = Watch.objects.create(article=second, url=second.original_url)
    check(other)
    origin.page("/other/", story(byline="Tom Okafor; Ana Lima"))
    check(other)

    soup = page(editor_member_client.get(reverse(QUEUE)))
    rows = soup.select("#result_list tbody tr")
    assert [row.select_one(".field-kind").text for row in rows] == ["Byline changed", "Retitled"]
    assert rows[1].select_one(".field-what_changed del").text == "Ports, power and politics"
    assert rows[1].select_one(".field-what_changed ins").text == "Ports and power"
    assert rows[1].select_one(".field-article a").text == retitled.watch.article.title


def test_answered_findings_leave_the_queue_but_can_be_listed(editor_member_client, retitled, editor_member):
    services.finding_dismiss(finding=retitled, user=editor_member)
    assert page(editor_member_client.get(reverse(QUEUE))).select("#result_list tbody tr") == []
    listed = page(editor_member_client.get(reverse(QUEUE) + "?status=dismissed")).select("#result_list tbody tr")
    assert len(listed) == 1


def answer_buttons(client, finding):
    soup = page(client.get(reverse(QUEUE)))
    return {
        button.text: button["formaction"]
        for button in soup.select(f"#result_list tbody tr:has(input[value='{finding.pk}']) button")
    }


def test_use_the_new_address_updates_the_article_in_one_click_and_keeps_a_revision(
    editor_member_client, moved, editor_member, origin
):
    article = moved.watch.article
    revisions_before = Version.objects.get_for_object(article).count()
    buttons = answer_buttons(editor_member_client, moved)
    assert set(buttons) == {"Use the new address", "Dismiss"}

    response = editor_member_client.post(buttons["Use the new address"], HTTP_REFERER=reverse(QUEUE))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.original_url == origin.url("/2026/new-home/")
    versions = Version.objects.get_for_object(article)
    assert versions.count() == revisions_before + 1
    assert "moved" in versions.first().revision.comment
    assert versions.first().revision.user == editor_member
    moved.refresh_from_db()
    assert (moved.status, moved.closed_by) == (FindingStatus.RESOLVED, editor_member)
    watch = Watch.objects.get(pk=moved.watch_id)
    assert watch.url == origin.url("/2026/new-home/")
    assert watch.state == WatchState.HEALTHY
    # The next check reads the new address straight away: nothing moved any more.
    check(watch)
    assert not Finding.objects.open().exists()


def test_other_findings_offer_only_dismiss(editor_member_client, retitled):
    assert set(answer_buttons(editor_member_client, retitled)) == {"Dismiss"}


def test_dismiss_closes_the_finding_and_later_checks_compare_with_the_new_title(
    editor_member_client, retitled, editor_member
):
    buttons = answer_buttons(editor_member_client, retitled)
    editor_member_client.post(buttons["Dismiss"])
    retitled.refresh_from_db()
    assert (retitled.status, retitled.closed_by) == (FindingStatus.DISMISSED, editor_member)
    watch = Watch.objects.get(pk=retitled.watch_id)
    assert watch.baseline_title == "Ports and power"
    check(watch)
    assert not Finding.objects.open().exists()


def test_use_the_new_address_on_a_finding_that_is_no_move_changes_nothing(editor_member_client, retitled):
    url = reverse("admin:originals_finding_use_new_address", args=[retitled.pk])
    response = editor_member_client.post(url, follow=True)
    assert "has no new address to use" in response.content.decode()
    retitled.refresh_from_db()
    assert retitled.status == FindingStatus.OPEN


def test_answers_are_posted_never_fetched(editor_member_client, moved):
    url = reverse("admin:originals_finding_use_new_address", args=[moved.pk])
    assert editor_member_client.get(url).status_code == 405
    moved.refresh_from_db()
    assert moved.status == FindingStatus.OPEN


def test_contributors_see_no_queue_and_cannot_answer(client, contributor, moved):
    client.force_login(contributor)
    assert client.get(reverse(QUEUE)).status_code == 403
    url = reverse("admin:originals_finding_use_new_address", args=[moved.pk])
    assert client.post(url).status_code == 403
    moved.refresh_from_db()
    assert moved.status == FindingStatus.OPEN


def test_an_answered_finding_is_not_answered_twice(editor_member_client, moved):
    url = reverse("admin:originals_finding_dismiss", args=[moved.pk])
    editor_member_client.post(url)
    response = editor_member_client.post(url, follow=True)
    assert "already answered" in response.content.decode()


def test_dismiss_many_at_once(editor_member_client, retitled, moved):
    response = editor_member_client.post(
        reverse(QUEUE),
        {"action": "dismiss_selected", "_selected_action": [retitled.pk, moved.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert not Finding.objects.open().exists()


def test_a_finding_shows_the_sentences_removed_and_added(editor_member_client, watched, origin):
    check(watched)
    origin.page("/story/", story(body=paragraphs()[:4] + paragraphs(8, seed=5)))
    check(watched)
    finding = Finding.objects.get(kind=FindingKind.TEXT)
    soup = page(editor_member_client.get(reverse("admin:originals_finding_change", args=[finding.pk])))
    changes = soup.select_one(".field-what_changed")
    assert "alike" in changes.text
    assert changes.select("del") and changes.select("ins")
    assert paragraphs(8, seed=5)[0].split(". ")[0] in changes.select_one("ins").text + " " + changes.text


def test_a_watch_shows_its_checks(editor_member_client, watched):
    check(watched)
    soup = page(editor_member_client.get(reverse("admin:originals_watch_change", args=[watched.pk])))
    assert "Ports, power and politics" in soup.select_one(".field-checks_table").text
    assert "200" in soup.select_one(".field-checks_table").text


def test_a_sources_page_shows_the_health_of_all_its_originals(editor_member_client, watched, origin):
    check(watched)
    source = watched.article.source
    gone_article = CrossPostFactory(source=source, original_url=origin.url("/gone/"))
    origin.status("/gone/", 410)
    gone = Watch.objects.create(article=gone_article, url=gone_article.original_url)
    check(gone)
    check(gone)
    CrossPostFactory(source=source, original_url=origin.url("/later/"))
    services.watches_start_missing()
    CrossPostFactory(original_url=origin.url("/another-source/"))  # not this source's

    soup = page(editor_member_client.get(reverse("admin:attribution_source_change", args=[source.pk])))
    health = soup.select_one(".field-originals_health")
    assert (
        health.select_one(".originals-health-summary").text
        == "Not checked yet: 1, Healthy: 1, Needs attention: 1, Could not be checked: 0"
    )
    rows = {row.select("td")[1].text: row.select("td")[2].text for row in health.select("tbody tr")}
    assert rows == {
        origin.url("/story/"): "Healthy",
        origin.url("/gone/"): "Needs attention",
        origin.url("/later/"): "Not checked yet",
    }


def test_a_new_source_form_has_no_health_section(editor_member_client):
    soup = page(editor_member_client.get(reverse("admin:attribution_source_add")))
    assert soup.select_one(".field-originals_health") is None


def test_the_dashboard_lists_open_findings(editor_member_client, retitled):
    soup = page(editor_member_client.get(reverse("admin:index")))
    tiles = {tile.text.strip(): tile["href"] for tile in soup.select(".dashboard-counts a")}
    assert any(label.endswith("Originals that need attention") and label.startswith("1") for label in tiles)
    findings = soup.select("#dashboard-findings li")
    assert len(findings) == 1
    assert retitled.watch.article.title in findings[0].text
    assert "retitled" in findings[0].text


def test_editors_can_check_originals_now(editor_member_client, watched, origin):
    response = editor_member_client.post(
        reverse("admin:originals_watch_changelist"),
        {"action": "check_now", "_selected_action": [watched.pk]},
        follow=True,
    )
    assert "1 originals queued for a check" in response.content.decode()
    watched.refresh_from_db()
    assert watched.baseline_title == "Ports, power and politics"  # the tests' backend runs it at once
    assert watched.checks.count() == 1


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_findings(origin, count, source=None):
    for number in range(count):
        extra = {"source": source} if source else {}
        article = CrossPostFactory(original_url=origin.url(f"/more-{number}/"), **extra)
        watch = Watch.objects.create(article=article, url=article.original_url)
        origin.page(f"/more-{number}/", story())
        check(watch)
        origin.page(f"/more-{number}/", story(title=f"New title {number}"))
        check(watch)


def test_the_queue_costs_the_same_queries_however_long_it_is(editor_member_client, retitled, origin):
    editor_member_client.get(reverse(QUEUE))  # the first request of a session reads the user's groups
    one = _queries(editor_member_client, reverse(QUEUE))
    _more_findings(origin, 5)
    assert Finding.objects.open().count() == 6
    assert _queries(editor_member_client, reverse(QUEUE)) == one


def test_a_sources_health_costs_the_same_queries_however_many_originals(editor_member_client, retitled, origin):
    source = retitled.watch.article.source
    url = reverse("admin:attribution_source_change", args=[source.pk])
    editor_member_client.get(url)
    one = _queries(editor_member_client, url)
    _more_findings(origin, 4, source=source)
    assert _queries(editor_member_client, url) == one
