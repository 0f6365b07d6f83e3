"""Purging the shared cache in front: after the commit, by task, to the backend the settings name, logged."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pagecache import edge
from pagecache.models import Purge
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import publication_settings
from tests.worker import run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    publication_settings(site_name="Crosspost Review")
    return CrossPostFactory(authors=[AuthorFactory(name="Ada Byline")])


def correct_byline(author, django_capture_on_commit_callbacks):
    """An editor's correction, committed: the purge goes out when the transaction's callbacks run."""
    with django_capture_on_commit_callbacks(execute=True):
        author.name = "Ada Corrected"
        author.save()


@pytest.fixture
def varnish(settings, api):
    settings.EDGE_PURGE = "varnish"
    settings.EDGE_VARNISH_URLS = [api.url + "/", api.url + "/second/"]
    return api


def test_varnish_is_sent_one_xkey_purge_per_instance_after_the_commit(
    varnish, article, django_capture_on_commit_callbacks
):
    author = article.ordered_authors[0]
    varnish.seen.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        author.name = "Ada Corrected"
        author.save()
        assert varnish.seen == [] and not Purge.objects.exists(), "purged before the commit"
    for callback in callbacks:
        callback()

    assert [(seen["method"], seen["path"]) for seen in varnish.seen] == [("PURGE", "/"), ("PURGE", "/second/")]
    # With the keys of what the fixtures wrote in the test's own transaction, which commits with it.
    assert {f"author-{author.pk}", "sitemap"} <= set(varnish.seen[0]["headers"]["xkey-purge"].split())
    purge = Purge.objects.get()
    assert purge.backend == "varnish" and purge.result == Purge.Result.DONE and purge.attempts == 1
    assert purge.keys == varnish.seen[1]["headers"]["xkey-purge"]
    assert purge.finished_at >= purge.requested_at and purge.duration_ms is not None


def test_one_save_is_one_purge_whatever_it_touched(varnish, editor_client, article, django_capture_on_commit_callbacks):
    """Several writes in one transaction (a record and its filings) reach the edge as one purge."""
    varnish.seen.clear()
    with django_capture_on_commit_callbacks(execute=True):
        from django.db import transaction

        with transaction.atomic():
            article.title = "A corrected title"
            article.save()
            article.regions.clear()
    assert len(varnish.seen) == 2  # one per Varnish instance
    assert Purge.objects.count() == 1
    assert f"article-{article.pk}" in Purge.objects.get().keys.split()


def test_fastly_is_asked_to_purge_by_surrogate_key(settings, api, article, django_capture_on_commit_callbacks):
    settings.EDGE_PURGE = "fastly"
    settings.EDGE_FASTLY_API_URL, settings.EDGE_FASTLY_SERVICE_ID = api.url, "SU1Z0isxPaozGVKXdv0eY"
    settings.EDGE_FASTLY_API_TOKEN = "fastly-test-token"
    api.seen.clear()
    correct_byline(article.ordered_authors[0], django_capture_on_commit_callbacks)
    (seen,) = api.seen
    assert seen["method"] == "POST" and seen["path"] == "/service/SU1Z0isxPaozGVKXdv0eY/purge"
    assert seen["headers"]["Fastly-Key"] == "fastly-test-token"
    assert f"author-{article.ordered_authors[0].pk}" in seen["headers"]["Surrogate-Key"].split()
    assert Purge.objects.get().result == Purge.Result.DONE


def test_cloudflare_is_asked_to_purge_by_tag(settings, api, article, django_capture_on_commit_callbacks):
    settings.EDGE_PURGE = "cloudflare"
    settings.EDGE_CLOUDFLARE_API_URL, settings.EDGE_CLOUDFLARE_ZONE_ID = api.url + "/client/v4", "023e105f4ecef8ad"
    settings.EDGE_CLOUDFLARE_API_TOKEN = "cloudflare-test-token"
    api.seen.clear()
    correct_byline(article.ordered_authors[0], django_capture_on_commit_callbacks)
    (seen,) = api.seen
    assert seen["method"] == "POST" and seen["path"] == "/client/v4/zones/023e105f4ecef8ad/purge_cache"
    assert seen["headers"]["Authorization"] == "Bearer cloudflare-test-token"
    assert f"author-{article.ordered_authors[0].pk}" in json.loads(seen["body"])["tags"]


def test_cloudflare_is_sent_thirty_tags_a_request(settings, api):
    settings.EDGE_PURGE = "cloudflare"
    settings.EDGE_CLOUDFLARE_API_URL, settings.EDGE_CLOUDFLARE_ZONE_ID = api.url, "zone"
    settings.EDGE_CLOUDFLARE_API_TOKEN = "token"
    edge.send("cloudflare", [f"article-{number}" for number in range(65)])
    assert [len(json.loads(seen["body"])["tags"]) for seen in api.seen] == [30, 30, 5]


def test_a_refused_purge_is_logged_as_failed_and_the_save_still_succeeds(
    settings, api, article, django_capture_on_commit_callbacks
):
    settings.EDGE_PURGE = "cloudflare"
    settings.EDGE_CLOUDFLARE_API_URL, settings.EDGE_CLOUDFLARE_ZONE_ID = api.url, "zone"
    settings.EDGE_CLOUDFLARE_API_TOKEN = "revoked"
    api.answer = (403, '{"success": false, "errors": [{"code": 10000, "message": "Authentication error"}]}')
    correct_byline(article.ordered_authors[0], django_capture_on_commit_callbacks)
    purge = Purge.objects.get()
    assert purge.result == Purge.Result.FAILED and "403" in purge.detail and "Authentication error" in purge.detail
    assert Client().get(article.get_absolute_url()).status_code == 200


@pytest.mark.django_db(transaction=True)  # the worker commits as it goes, and closes the connection it started with
def test_an_unreachable_cache_is_retried_by_the_worker(settings, article, django_capture_on_commit_callbacks):
    """With the database backend (production's), a failed purge is queued again for later."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EDGE_PURGE, settings.EDGE_VARNISH_URLS, settings.EDGE_PURGE_TIMEOUT = "varnish", ["http://127.0.0.1:9/"], 2
    correct_byline(article.ordered_authors[0], django_capture_on_commit_callbacks)
    purge = Purge.objects.get()
    assert purge.result == Purge.Result.PENDING, "sent in the request instead of by the worker"
    run_worker()
    purge.refresh_from_db()
    assert purge.result == Purge.Result.RETRYING and purge.attempts == 1 and "Error" in purge.detail
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.args_kwargs["kwargs"] == {"attempt": 2} and waiting.run_after is not None


def test_the_purge_log_keeps_finished_purges_as_long_as_the_setting_says(
    settings, varnish, article, django_capture_on_commit_callbacks
):
    settings.EDGE_PURGE_LOG_DAYS = 90
    now = timezone.now()
    old = {
        result: Purge.objects.create(
            keys="old", backend="varnish", result=result, requested_at=now - timedelta(days=91)
        )
        for result in Purge.Result
    }
    recent = Purge.objects.create(
        keys="recent", backend="varnish", result="done", requested_at=now - timedelta(days=89)
    )

    correct_byline(article.ordered_authors[0], django_capture_on_commit_callbacks)

    kept = set(Purge.objects.values_list("pk", flat=True))
    assert old[Purge.Result.DONE].pk not in kept and old[Purge.Result.FAILED].pk not in kept
    assert {old[Purge.Result.PENDING].pk, old[Purge.Result.RETRYING].pk, recent.pk} < kept, "unfinished or recent"
    assert Purge.objects.filter(keys__contains=f"author-{article.ordered_authors[0].pk}").exists()


def test_with_no_limit_the_purge_log_keeps_everything(settings, varnish, article, django_capture_on_commit_callbacks):
    settings.EDGE_PURGE_LOG_DAYS = 0
    ancient = Purge.objects.create(
        keys="old", backend="varnish", result="done", requested_at=timezone.now() - timedelta(days=3650)
    )
    correct_byline(article.ordered_authors[0], django_capture_on_commit_callbacks)
    assert Purge.objects.filter(pk=ancient.pk).exists()


def test_without_a_shared_cache_nothing_is_sent_or_logged(article, django_capture_on_commit_callbacks):
    correct_byline(article.ordered_authors[0], django_capture_on_commit_callbacks)
    assert not Purge.objects.exists()


def test_the_purge_log_is_read_only_in_the_admin(editor_client, varnish, article, django_capture_on_commit_callbacks):
    correct_byline(article.ordered_authors[0], django_capture_on_commit_callbacks)
    purge = Purge.objects.get()
    listing = editor_client.get(reverse("admin:pagecache_purge_changelist"))
    assert listing.status_code == 200 and f"author-{article.ordered_authors[0].pk}" in listing.content.decode()
    page = editor_client.get(reverse("admin:pagecache_purge_change", args=[purge.pk]))
    assert page.status_code == 200 and 'type="submit"' not in page.content.decode().split('id="content"')[1]
    assert editor_client.get(reverse("admin:pagecache_purge_add")).status_code == 403


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"EDGE_PURGE": "akamai"}, 'DJANGO_EDGE_PURGE is "akamai": it must be one of'),
        ({"EDGE_PURGE": "varnish", "EDGE_VARNISH_URLS": []}, "needs DJANGO_EDGE_VARNISH_URLS"),
        (
            {"EDGE_PURGE": "fastly", "EDGE_FASTLY_SERVICE_ID": "id", "EDGE_FASTLY_API_TOKEN": ""},
            "EDGE_FASTLY_API_TOKEN",
        ),
        ({"EDGE_PURGE": "cloudflare", "EDGE_CLOUDFLARE_ZONE_ID": ""}, "needs DJANGO_EDGE_CLOUDFLARE_ZONE_ID"),
    ],
)
def test_purge_settings_that_cannot_work_stop_the_site_at_start_up(settings, values, message):
    for name, value in values.items():
        setattr(settings, name, value)
    with pytest.raises(SystemCheckError, match=message):
        call_command("check")
