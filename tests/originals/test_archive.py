"""The optional web-archive snapshot, and what readers see once an original is gone."""

import json

import pytest
from bs4 import BeautifulSoup

from originals import services
from originals.models import Watch
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.originals.conftest import story

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(settings, origin):
    """A local stand-in for the Wayback Machine's "save" endpoint, which redirects to the new snapshot."""
    settings.ORIGINALS_ARCHIVE = origin.url("/save/{url}")
    snapshot = "/web/20261206120000/" + origin.url("/story/")
    origin.redirect("/save/" + origin.url("/story/"), snapshot, status=302)
    origin.page(snapshot, story())
    return origin.url(snapshot)


@pytest.fixture
def published(origin):
    origin.page("/story/", story())
    return CrossPostFactory(original_url=origin.url("/story/"), authors=[AuthorFactory(name="Ana Lima")])


def run_check(article):
    from originals.tasks import check_original

    check_original.enqueue(article.pk)
    watch = Watch.objects.get(article=article)
    article.refresh_from_db()
    return watch


def test_no_snapshot_is_asked_for_by_default(published, origin):
    Watch.objects.create(article=published, url=published.original_url)
    watch = run_check(published)
    assert watch.archived_url == ""
    assert not any(path.startswith("/save/") for path in origin.paths_requested())


def test_a_snapshot_is_asked_for_after_the_first_reading_and_its_address_kept(published, origin, archive):
    Watch.objects.create(article=published, url=published.original_url)
    watch = run_check(published)
    assert watch.archived_url == archive
    assert published.archived_url == archive
    assert not published.original_gone
    run_check(published)
    assert [path for path in origin.paths_requested() if path.startswith("/save/")] == [
        "/save/" + origin.url("/story/")
    ], "one snapshot is enough"


def test_a_snapshot_address_given_in_content_location_is_kept(published, origin, settings):
    settings.ORIGINALS_ARCHIVE = origin.url("/save/{url}")
    origin.page("/save/" + origin.url("/story/"), "<p>Saved</p>", headers={"Content-Location": "/web/2026/snapshot"})
    Watch.objects.create(article=published, url=published.original_url)
    assert run_check(published).archived_url == origin.url("/web/2026/snapshot")


def test_an_archive_that_fails_leaves_no_address_and_is_asked_again_next_time(published, origin, settings):
    settings.ORIGINALS_ARCHIVE = origin.url("/save/{url}")
    origin.status("/save/" + origin.url("/story/"), 503)
    Watch.objects.create(article=published, url=published.original_url)
    assert run_check(published).archived_url == ""
    run_check(published)
    assert len([path for path in origin.paths_requested() if path.startswith("/save/")]) == 2


def reader_page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    return soup, data


def test_readers_are_offered_the_archived_copy_once_the_original_is_gone(client, published, origin, archive):
    Watch.objects.create(article=published, url=published.original_url)
    run_check(published)
    soup, data = reader_page(client, published)  # cached as it is now
    assert soup.select_one(".original-source .archived-copy") is None
    assert "archivedAt" not in data["isBasedOn"]

    origin.status("/story/", 404)
    run_check(published)
    assert not published.original_gone, "one failure alone changes nothing for readers"
    run_check(published)
    assert published.original_gone

    soup, data = reader_page(client, published)
    link = soup.select_one(".original-source a.archived-copy")
    assert link["href"] == archive
    assert link.text == "archived copy"
    assert data["isBasedOn"]["archivedAt"] == archive
    assert data["isBasedOn"]["url"] == origin.url("/story/")

    origin.page("/story/", story())  # back again
    run_check(published)
    assert not published.original_gone
    soup, data = reader_page(client, published)
    assert soup.select_one(".archived-copy") is None
    assert "archivedAt" not in data["isBasedOn"]


def test_a_gone_original_without_a_snapshot_shows_no_archive_link(client, published, origin):
    Watch.objects.create(article=published, url=published.original_url)
    origin.status("/story/", 410)
    run_check(published)
    run_check(published)
    assert published.original_gone
    soup, data = reader_page(client, published)
    assert soup.select_one(".archived-copy") is None
    assert "archivedAt" not in data["isBasedOn"]


def test_going_gone_does_not_change_the_articles_modified_date(published, origin):
    Watch.objects.create(article=published, url=published.original_url)
    before = published.updated_at
    origin.status("/story/", 410)
    run_check(published)
    run_check(published)
    assert published.original_gone
    assert published.updated_at == before
    assert services.is_watchable(published)
