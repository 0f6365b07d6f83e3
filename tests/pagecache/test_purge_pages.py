"""`manage.py purge_pages`: after a release, every cached page is rendered again, here and in the cache in front."""

import io

import pytest
from django.core.management import CommandError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from pagecache.models import Purge
from pagecache.store import remember
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    publication_settings(site_name="Crosspost Review")
    article = CrossPostFactory(authors=[AuthorFactory(name="Ada Byline")])
    other = CrossPostFactory(authors=[AuthorFactory(name="Ben Byline")])
    urls = [reverse("home"), article.get_absolute_url(), other.get_absolute_url(), reverse("articles:rss")]
    client = Client()
    for url in urls:
        client.get(url)
    assert all(client.get(url)["X-Page-Cache"] == "hit" for url in urls)
    return {"client": client, "urls": urls, "article": article, "other": other}


def purge_pages(*keys, capture):
    out = io.StringIO()
    with capture(execute=True):
        call_command("purge_pages", *keys, stdout=out)
    return out.getvalue()


def test_every_page_is_rendered_again_after_it(pages, django_capture_on_commit_callbacks):
    said = purge_pages(capture=django_capture_on_commit_callbacks)

    assert [pages["client"].get(url)["X-Page-Cache"] for url in pages["urls"]] == ["miss"] * 4
    assert "Forgot every page in the page cache." in said
    assert "nothing was purged there" in said and not Purge.objects.exists()
    assert "until they restart" in said, "the test settings' cache is local memory: only this process's is emptied"


def test_values_the_old_code_remembered_are_computed_again(django_capture_on_commit_callbacks):
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return f"computed {len(computed)} time(s)"

    assert remember("cards of the old release", compute, keys=()) == "computed 1 time(s)"
    assert remember("cards of the old release", compute, keys=()) == "computed 1 time(s)"
    purge_pages(capture=django_capture_on_commit_callbacks)
    assert remember("cards of the old release", compute, keys=()) == "computed 2 time(s)"


def test_keys_given_forget_only_the_pages_showing_them(pages, django_capture_on_commit_callbacks):
    purge_pages(f"article-{pages['article'].pk}", capture=django_capture_on_commit_callbacks)

    client = pages["client"]
    assert client.get(pages["article"].get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(pages["other"].get_absolute_url())["X-Page-Cache"] == "hit"


def test_the_cache_in_front_is_purged_of_every_page(settings, api, pages, django_capture_on_commit_callbacks):
    settings.EDGE_PURGE, settings.EDGE_VARNISH_URLS = "varnish", [api.url + "/"]

    said = purge_pages(capture=django_capture_on_commit_callbacks)

    assert [(seen["method"], seen["headers"]["xkey-purge"]) for seen in api.seen] == [("PURGE", "all")]
    purge = Purge.objects.get()
    assert (purge.keys, purge.result) == ("all", Purge.Result.DONE)
    assert f"Purge {purge.pk} to varnish: purged." in said


def test_a_failed_purge_is_reported_with_the_caches_answer(settings, api, pages, django_capture_on_commit_callbacks):
    settings.EDGE_PURGE, settings.EDGE_VARNISH_URLS = "varnish", [api.url + "/"]
    api.answer = (405, "Not allowed.")

    said = purge_pages(capture=django_capture_on_commit_callbacks)

    assert "failed" in said and "405" in said


@pytest.mark.parametrize("key", ["article 12", "<script>", "article_12;", "ártículo-1"])
def test_a_malformed_key_is_refused_by_name_and_nothing_is_forgotten(pages, key, django_capture_on_commit_callbacks):
    with pytest.raises(CommandError, match="Not a surrogate key"):
        purge_pages(key, capture=django_capture_on_commit_callbacks)
    assert all(pages["client"].get(url)["X-Page-Cache"] == "hit" for url in pages["urls"])


def test_with_a_worker_the_purge_is_queued_for_it(settings, api, pages, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EDGE_PURGE, settings.EDGE_VARNISH_URLS = "varnish", [api.url + "/"]

    said = purge_pages(capture=django_capture_on_commit_callbacks)

    purge = Purge.objects.get()
    assert f"Purge {purge.pk} to varnish is queued: the task worker sends it." in said
    assert purge.result == Purge.Result.PENDING and not api.seen
