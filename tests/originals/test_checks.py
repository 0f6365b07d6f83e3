"""Each check of an original against a local "other site", flipped through every state a finding can report."""

import datetime

import pytest
from django.utils import timezone

from originals import services
from originals.models import Finding
from originals.models import FindingKind
from originals.models import FindingStatus
from originals.models import RedirectKind
from originals.models import WatchState
from tests.originals.conftest import check
from tests.originals.conftest import paragraphs
from tests.originals.conftest import story

pytestmark = pytest.mark.django_db


def open_findings(watch):
    return {finding.kind: finding for finding in Finding.objects.open().filter(watch=watch)}


def test_the_first_check_records_what_the_original_says_and_takes_it_as_the_baseline(watched, origin):
    record = check(watched)
    assert record.status == 200
    assert record.final_url == origin.url("/story/")
    assert record.redirect_kind == RedirectKind.NONE
    assert (record.title, record.byline, record.published_on) == (
        "Ports, power and politics",
        "Ana Lima",
        datetime.date(2026, 3, 4),
    )
    assert len(record.fingerprint.split()) == 64
    assert record.error == ""
    assert watched.baseline_title == "Ports, power and politics"
    assert watched.baseline_byline == "Ana Lima"
    assert paragraphs()[0] in watched.baseline_text
    assert watched.state == WatchState.HEALTHY
    assert open_findings(watched) == {}


def test_the_request_is_polite(watched, origin):
    check(watched)
    path, headers = origin.requests[-1]
    assert path == "/story/"
    assert headers["user-agent"].startswith("CrosspostBot/")
    assert "/robots.txt" in origin.paths_requested()


def test_an_unchanged_original_is_no_finding_even_with_a_new_menu_and_advert(watched, origin):
    check(watched)
    origin.page("/story/", story(nav="Home Podcasts Shop", advert="Half price for students this week only"))
    record = check(watched)
    assert record.similarity >= 0.95
    assert open_findings(watched) == {}
    assert watched.state == WatchState.HEALTHY


@pytest.mark.parametrize("status", [404, 410])
def test_gone_takes_two_checks_in_a_row(watched, origin, status):
    check(watched)
    origin.status("/story/", status)
    before = timezone.now()
    record = check(watched)
    assert record.status == status
    assert open_findings(watched) == {}, "one failure alone is not a finding"
    assert watched.state == WatchState.UNREACHABLE
    # Looked at again within hours, not a week.
    assert watched.next_due_at <= before + datetime.timedelta(hours=6, minutes=1)
    check(watched)
    gone = open_findings(watched)[FindingKind.GONE]
    assert (gone.old_value, gone.new_value) == (origin.url("/story/"), f"HTTP {status}")
    assert watched.state == WatchState.ATTENTION


def test_a_page_back_after_one_failure_raises_nothing_and_starts_counting_again(watched, origin):
    check(watched)
    origin.status("/story/", 404)
    check(watched)
    origin.page("/story/", story())
    check(watched)
    origin.status("/story/", 404)
    check(watched)
    assert open_findings(watched) == {}
    assert watched.problem_streak == 1


@pytest.mark.parametrize("status", [401, 402, 403])
def test_paywalled_or_blocked_takes_two_checks_in_a_row(watched, origin, status):
    check(watched)
    origin.status("/story/", status, "<p>Subscribe to read</p>")
    check(watched)
    assert open_findings(watched) == {}
    check(watched)
    paywalled = open_findings(watched)[FindingKind.PAYWALLED]
    assert paywalled.new_value == f"HTTP {status}"


def test_robots_txt_shutting_us_out_is_blocked(watched, origin):
    check(watched)
    origin.robots("User-agent: *\nDisallow: /\n")
    from django.core.cache import cache

    cache.clear()  # robots.txt read afresh, as it is after FETCH_ROBOTS_CACHE_SECONDS
    check(watched)
    check(watched)
    blocked = open_findings(watched)[FindingKind.PAYWALLED]
    assert "robots.txt" in blocked.new_value


def test_a_server_error_is_no_finding(watched, origin):
    check(watched)
    for _ in range(3):
        origin.status("/story/", 503)
        record = check(watched)
    assert record.error == "The original answered HTTP 503."
    assert open_findings(watched) == {}
    assert watched.state == WatchState.UNREACHABLE


def test_a_timeout_is_no_finding(watched, origin, settings):
    check(watched)
    settings.FETCH_TIMEOUT = 1
    origin.slow("/story/", seconds=3)
    record = check(watched)
    assert "within 1 seconds" in record.error
    assert open_findings(watched) == {}
    assert watched.state == WatchState.UNREACHABLE


@pytest.mark.parametrize("status", [301, 308])
def test_a_permanent_redirect_is_a_move_with_the_new_address(watched, origin, status):
    check(watched)
    origin.redirect("/story/", "/2026/ports-power-politics/", status=status)
    origin.page("/2026/ports-power-politics/", story())
    record = check(watched)
    assert record.redirect_kind == RedirectKind.PERMANENT
    assert record.final_url == origin.url("/2026/ports-power-politics/")
    moved = open_findings(watched)[FindingKind.MOVED]
    assert (moved.old_value, moved.new_value) == (origin.url("/story/"), origin.url("/2026/ports-power-politics/"))
    assert set(open_findings(watched)) == {FindingKind.MOVED}  # same text at the new address


def test_a_temporary_redirect_is_no_move(watched, origin):
    check(watched)
    origin.redirect("/story/", "/consent/?next=/story/", status=302)
    origin.page("/consent/", story())
    record = check(watched)
    assert record.redirect_kind == RedirectKind.TEMPORARY
    assert FindingKind.MOVED not in open_findings(watched)


def test_a_new_title_is_a_finding_with_old_and_new(watched, origin):
    check(watched)
    origin.page("/story/", story(title="Ports, power and the politics of dredging"))
    check(watched)
    retitled = open_findings(watched)[FindingKind.RETITLED]
    assert (retitled.old_value, retitled.new_value) == (
        "Ports, power and politics",
        "Ports, power and the politics of dredging",
    )
    assert watched.state == WatchState.ATTENTION


def test_a_new_byline_is_a_finding(watched, origin):
    check(watched)
    origin.page("/story/", story(byline="Ana Lima and Tom Okafor"))
    check(watched)
    byline = open_findings(watched)[FindingKind.BYLINE]
    assert (byline.old_value, byline.new_value) == ("Ana Lima", "Ana Lima; Tom Okafor")  # as trafilatura lists authors


def test_text_changed_beyond_the_threshold_is_a_finding(watched, origin):
    check(watched)
    origin.page("/story/", story(body=paragraphs()[:4] + paragraphs(8, seed=5)))
    record = check(watched)
    assert record.similarity < 0.8
    text = open_findings(watched)[FindingKind.TEXT]
    assert paragraphs()[6] in text.old_value
    assert paragraphs(8, seed=5)[0] in text.new_value
    assert "alike" in text.detail


def test_a_small_edit_is_within_the_threshold(watched, origin):
    check(watched)
    edited = paragraphs()
    edited[3] = edited[3].replace(" in ", " around ", 1)
    origin.page("/story/", story(body=edited))
    check(watched)
    assert FindingKind.TEXT not in open_findings(watched)


def test_the_threshold_is_a_setting(watched, origin, settings):
    settings.ORIGINALS_TEXT_SIMILARITY_PERCENT = 100
    check(watched)
    edited = paragraphs()
    edited[3] = edited[3].replace(" in ", " around ", 1)
    origin.page("/story/", story(body=edited))
    check(watched)
    assert FindingKind.TEXT in open_findings(watched)


def test_a_correction_notice_added_is_a_finding(watched, origin):
    check(watched)
    notice = "Correction: an earlier version of this article misnamed the harbour master."
    origin.page("/story/", story(notice=notice))
    check(watched)
    correction = open_findings(watched)[FindingKind.CORRECTION]
    assert correction.new_value == notice
    assert set(open_findings(watched)) == {FindingKind.CORRECTION}


def test_a_correction_notice_already_there_at_first_is_no_finding(db, origin):
    from originals.models import Watch
    from tests.factories import CrossPostFactory

    origin.page("/story/", story(notice="Editor's note: this article was first published in 2019."))
    article = CrossPostFactory(original_url=origin.url("/story/"))
    watch = Watch.objects.create(article=article, url=article.original_url)
    check(watch)
    check(watch)
    assert open_findings(watch) == {}


def test_a_finding_seen_again_is_kept_as_one_and_updated(watched, origin):
    check(watched)
    origin.page("/story/", story(title="A second title"))
    check(watched)
    origin.page("/story/", story(title="A third title"))
    check(watched)
    retitled = Finding.objects.filter(watch=watched, kind=FindingKind.RETITLED)
    assert retitled.count() == 1
    assert (retitled.get().old_value, retitled.get().new_value) == ("Ports, power and politics", "A third title")


def test_a_finding_fixed_at_the_original_is_resolved_by_the_next_check(watched, origin):
    check(watched)
    origin.page("/story/", story(title="A wrong title"))
    check(watched)
    origin.page("/story/", story())
    check(watched)
    finding = Finding.objects.get(watch=watched, kind=FindingKind.RETITLED)
    assert finding.status == FindingStatus.RESOLVED
    assert finding.closed_by is None
    assert watched.state == WatchState.HEALTHY


def test_checks_are_scheduled_daily_for_recent_articles_and_weekly_after(watched, origin, settings):
    settings.ORIGINALS_RECENT_DAYS = 14
    now = timezone.now()
    check(watched)  # the factory's article went live yesterday
    assert now + datetime.timedelta(hours=23) < watched.next_due_at < now + datetime.timedelta(days=1, hours=1)
    watched.article.published_at = now - datetime.timedelta(days=30)
    watched.article.save()
    check(watched)
    assert now + datetime.timedelta(days=6) < watched.next_due_at < now + datetime.timedelta(days=7, hours=1)


def test_a_dismissed_gone_original_is_not_raised_again_while_it_stays_gone(watched, origin, editor_member):
    check(watched)
    origin.status("/story/", 404)
    check(watched)
    check(watched)
    services.finding_dismiss(finding=open_findings(watched)[FindingKind.GONE], user=editor_member)
    check(watched)
    check(watched)
    assert open_findings(watched) == {}
    watched.article.refresh_from_db()
    assert watched.article.original_gone, "readers are still told it is gone"
    # Back, then gone again: news again.
    origin.page("/story/", story())
    check(watched)
    origin.status("/story/", 410)
    check(watched)
    check(watched)
    assert open_findings(watched)[FindingKind.GONE].new_value == "HTTP 410"
