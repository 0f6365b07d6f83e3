"""When originals are checked: on publication, once committed, and by the sweep `manage.py check_originals` queues."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Status
from articles.services import article_publish
from articles.services import article_save
from originals.models import Check
from originals.models import Finding
from originals.models import FindingKind
from originals.models import Watch
from originals.tasks import check_due_originals
from originals.tasks import check_original
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import RegionFactory
from tests.originals.conftest import story
from tests.worker import run_worker

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_publishing_a_cross_post_checks_its_original_once_committed(origin, django_capture_on_commit_callbacks):
    origin.page("/story/", story())
    article = CrossPostFactory(
        status=Status.DRAFT,
        published_at=None,
        original_url=origin.url("/story/"),
        authors=[AuthorFactory()],
        regions=[RegionFactory()],
    )
    assert not Watch.objects.exists()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article_publish(article=article)
        assert not Check.objects.exists(), "nothing is fetched before the publication is committed"
    assert callbacks
    watch = Watch.objects.get(article=article)
    assert watch.url == origin.url("/story/")
    assert watch.baseline_title == "Ports, power and politics"
    assert origin.paths_requested().count("/story/") == 1


@pytest.mark.django_db
def test_saving_a_published_cross_post_again_does_not_fetch_again(origin, django_capture_on_commit_callbacks):
    origin.page("/story/", story())
    with django_capture_on_commit_callbacks(execute=True):
        article = CrossPostFactory(original_url=origin.url("/story/"))
    with django_capture_on_commit_callbacks(execute=True):
        article.dek = "A new standfirst."
        article_save(article=article)
    assert origin.paths_requested().count("/story/") == 1


@pytest.mark.django_db
def test_a_new_original_url_is_checked_at_once(origin, django_capture_on_commit_callbacks):
    origin.page("/story/", story())
    origin.page("/elsewhere/", story())
    with django_capture_on_commit_callbacks(execute=True):
        article = CrossPostFactory(original_url=origin.url("/story/"))
    with django_capture_on_commit_callbacks(execute=True):
        article.original_url = origin.url("/elsewhere/")
        article_save(article=article)
    assert Watch.objects.get(article=article).url == origin.url("/elsewhere/")
    assert "/elsewhere/" in origin.paths_requested()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values",
    [
        {"status": Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=2)},  # scheduled: the sweep watches it once live
        {"original_url": ""},
    ],
)
def test_articles_not_live_or_without_an_original_are_not_fetched(values, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        CrossPostFactory(**values)
    assert not Watch.objects.exists()


@pytest.mark.django_db
def test_the_watch_can_be_turned_off(settings, origin, django_capture_on_commit_callbacks):
    settings.ORIGINALS_WATCH = False
    with django_capture_on_commit_callbacks(execute=True):
        CrossPostFactory(original_url=origin.url("/story/"))
    assert not Watch.objects.exists()


@pytest.mark.django_db
def test_the_sweep_watches_published_cross_posts_and_checks_only_those_due(origin):
    origin.page("/a/", story())
    origin.page("/b/", story())
    origin.page("/c/", story())
    unwatched = CrossPostFactory(original_url=origin.url("/a/"))  # imported: no signal, no watch yet
    due = CrossPostFactory(original_url=origin.url("/b/"))
    Watch.objects.create(article=due, url=due.original_url, next_due_at=timezone.now() - datetime.timedelta(hours=1))
    later = CrossPostFactory(original_url=origin.url("/c/"))
    Watch.objects.create(article=later, url=later.original_url, next_due_at=timezone.now() + datetime.timedelta(days=3))
    ArticleFactory()  # not a cross-post
    CrossPostFactory(status=Status.DRAFT, original_url=origin.url("/draft/"))

    assert check_due_originals.enqueue().return_value == 2

    assert set(Watch.objects.values_list("article_id", flat=True)) == {unwatched.pk, due.pk, later.pk}
    assert sorted(path for path in origin.paths_requested() if path != "/robots.txt") == ["/a/", "/b/"]
    assert Watch.objects.get(article=unwatched).baseline_at is not None


def _watched(path):
    """A published cross-post of origin.example`path`, watched, its next check days away."""
    article = CrossPostFactory(original_url=f"https://origin.example{path}")
    return Watch.objects.create(
        article=article, url=article.original_url, next_due_at=timezone.now() + datetime.timedelta(days=3)
    )


def _checks(watch, *, days_ago, fingerprints):
    """Checks of `watch` made `days_ago`, oldest first, readable where a fingerprint is given."""
    made = []
    for fingerprint in fingerprints:
        check = Check.objects.create(
            watch=watch, url=watch.url, status=200 if fingerprint else 404, fingerprint=fingerprint
        )
        Check.objects.filter(pk=check.pk).update(checked_at=timezone.now() - datetime.timedelta(days=days_ago))
        made.append(check.pk)
    return made


@pytest.mark.django_db
def test_the_sweep_deletes_old_checks_but_keeps_what_is_still_read(settings):
    settings.ORIGINALS_KEEP_CHECKS_DAYS = 180
    watch = _watched("/story/")
    old_read, old_failed, flagged, last_read, last_failed = _checks(
        watch, days_ago=400, fingerprints=["aaa", "", "bbb", "ccc", ""]
    )
    Finding.objects.create(watch=watch, check_record_id=flagged, kind=FindingKind.TEXT, old_value="a", new_value="b")
    recent = _checks(watch, days_ago=10, fingerprints=["", ""])
    # An original whose every check is old: the last, and the last readable one, stay.
    quiet_watch = _watched("/quiet/")
    quiet_old, quiet_read, quiet_last = _checks(quiet_watch, days_ago=300, fingerprints=["x", "y", ""])

    assert check_due_originals.enqueue().return_value == 0

    assert set(Check.objects.values_list("pk", flat=True)) == {flagged, last_read, *recent, quiet_read, quiet_last}
    assert not Check.objects.filter(pk__in=[old_read, old_failed, last_failed, quiet_old]).exists()
    assert Finding.objects.get().check_record_id == flagged


@pytest.mark.django_db
def test_with_no_limit_every_check_is_kept(settings):
    settings.ORIGINALS_KEEP_CHECKS_DAYS = 0
    made = _checks(_watched("/story/"), days_ago=4000, fingerprints=["a", "b", "c"])
    check_due_originals.enqueue()
    assert list(Check.objects.order_by("pk").values_list("pk", flat=True)) == made


@pytest.mark.django_db
def test_the_command_runs_the_sweep(origin):
    origin.page("/a/", story())
    CrossPostFactory(original_url=origin.url("/a/"))
    out = io.StringIO()
    call_command("check_originals", stdout=out)
    assert out.getvalue().strip() == "1 originals checked."
    assert Check.objects.get().status == 200


@pytest.mark.django_db
def test_the_task_reports_what_it_found(origin):
    origin.redirect("/a/", "/b/", status=301)
    origin.page("/b/", story())
    article = CrossPostFactory(original_url=origin.url("/a/"))
    Watch.objects.create(article=article, url=article.original_url)
    result = check_original.enqueue(article.pk).return_value
    assert result == {"checked": True, "status": 200, "error": "", "open_findings": [FindingKind.MOVED]}


@pytest.mark.django_db
def test_the_task_skips_an_article_no_longer_published(origin):
    article = CrossPostFactory(original_url=origin.url("/a/"))
    Watch.objects.create(article=article, url=article.original_url)
    article.status = Status.WITHDRAWN
    article.save()
    assert check_original.enqueue(article.pk).return_value == {"checked": False}
    assert origin.requests == []


@pytest.mark.django_db(transaction=True)
def test_in_production_the_worker_does_the_fetching_and_a_second_sweep_queues_nothing_twice(origin, settings):
    settings.TASKS = DATABASE_TASKS
    origin.status("/a/", 410)
    CrossPostFactory(original_url=origin.url("/a/"))  # committed: its check is queued, not run
    assert origin.requests == []
    call_command("check_originals", stdout=io.StringIO())
    call_command("check_originals", stdout=io.StringIO())
    run_worker()
    assert origin.paths_requested().count("/a/") == 1
    paths = {row.task_path for row in DBTaskResult.objects.all()}
    assert paths == {"originals.tasks.check_original", "originals.tasks.check_due_originals"}
    assert DBTaskResult.objects.filter(task_path="originals.tasks.check_original").count() == 1
    # Gone once: not yet a finding; the next check is due within hours.
    watch = Watch.objects.get()
    assert not Finding.objects.exists()
    assert watch.next_due_at < timezone.now() + datetime.timedelta(hours=7)


@pytest.mark.django_db(transaction=True)
def test_the_sweep_spreads_many_originals_on_one_site_over_the_minutes_its_limit_allows(origin, settings):
    settings.TASKS = DATABASE_TASKS
    settings.ORIGINALS_WATCH = False  # imported articles: the sweep finds them
    settings.FETCH_PER_HOST_PER_MINUTE = 2
    for number in range(5):
        CrossPostFactory(original_url=origin.url(f"/{number}/"))
    before = timezone.now()

    assert check_due_originals.call() == 5  # the sweep itself, here; the checks it queues wait for the worker

    checks = DBTaskResult.objects.filter(task_path="originals.tasks.check_original")
    assert checks.count() == 5
    minutes = sorted(
        round((row.run_after - before).total_seconds() / 60) if row.run_after.year < 9999 else 0 for row in checks
    )
    assert minutes == [0, 0, 1, 1, 2]


@pytest.mark.django_db
def test_a_check_refused_by_the_per_host_limit_is_due_again_in_a_minute_not_hours(watched, origin, settings):
    from django.core.cache import cache

    from originals import services

    settings.FETCH_PER_HOST_PER_MINUTE = 3
    cache.set("fetch-rate:127.0.0.1", 3, 60)  # another worker's checks of the same site
    record = services.original_check(watch=watched)
    watched.refresh_from_db()
    assert "Already 3 requests to 127.0.0.1 this minute" in record.error
    assert watched.next_due_at <= timezone.now() + datetime.timedelta(seconds=61)
    assert not Finding.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_with_a_worker_a_check_refused_by_the_limit_is_queued_again_for_its_minute(origin, settings):
    from django.core.cache import cache

    settings.TASKS = DATABASE_TASKS
    settings.ORIGINALS_WATCH = False
    settings.FETCH_PER_HOST_PER_MINUTE = 3
    origin.page("/a/", story())
    article = CrossPostFactory(original_url=origin.url("/a/"))
    Watch.objects.create(article=article, url=article.original_url)
    cache.set("fetch-rate:127.0.0.1", 3, 60)
    check_original.enqueue(article.pk)
    run_worker()
    again = DBTaskResult.objects.ready().filter(task_path="originals.tasks.check_original")
    assert again.count() == 0, "not before its minute"
    waiting = DBTaskResult.objects.filter(task_path="originals.tasks.check_original", status="READY")
    assert waiting.count() == 1
    assert timezone.now() < waiting.get().run_after <= timezone.now() + datetime.timedelta(seconds=61)
