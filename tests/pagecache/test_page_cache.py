"""The page cache: anonymous readers get stored pages, and never one that has gone stale."""

import datetime
import re
import socket
import time

import pytest
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from articles.services import article_publish
from articles.services import article_set_authors
from articles.services import article_withdraw
from pagecache.middleware import page_key
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db

HIT, MISS = "hit", "miss"
# With no shared cache purged (the test settings), shared caches keep a page no longer than browsers.
PUBLIC = "public, max-age=60, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400"


def directive(response, name):
    """The value of one Cache-Control directive, as a number, or None."""
    found = re.search(rf"(?:^|[ ,]){name}=(\d+)", response["Cache-Control"])
    return int(found.group(1)) if found else None


@pytest.fixture(autouse=True)
def _publication():
    publication_settings(site_name="Crosspost Review", reprint_disclaimer="Views are the author's own.")


@pytest.fixture
def filed():
    author, region, theme, tag = (
        AuthorFactory(name="Ada Byline", short_bio="An economist."),
        RegionFactory(),
        ThemeFactory(),
        TagFactory(),
    )
    article = CrossPostFactory(
        title="The cached article",
        authors=[author],
        regions=[region],
        themes=[theme],
        tags=[tag],
        lead_image=ImageFactory(caption="The first caption."),
    )
    return {"article": article, "author": author, "region": region, "theme": theme, "tag": tag}


def public_urls(filed):
    article, slug = filed["article"], filed["tag"].slug
    return [
        reverse("home"),
        article.get_absolute_url(),
        filed["region"].get_absolute_url(),
        filed["theme"].get_absolute_url(),
        reverse("articles:tag", kwargs={"slug": slug}),
        filed["author"].get_absolute_url(),
        article.source.get_absolute_url(),
        reverse("articles:rss"),
        reverse("articles:atom"),
        reverse("articles:json_feed"),
        reverse("articles:region_rss", kwargs={"slug": filed["region"].slug}),
        reverse("articles:author_atom", kwargs={"slug": filed["author"].slug}),
        reverse("sitemap"),
        reverse("robots_txt"),
    ]


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.get("X-Page-Cache")


# --- what is served from the cache ------------------------------------------------------------


def test_every_public_page_is_served_from_the_cache_without_a_query(client, filed, django_assert_num_queries):
    for url in public_urls(filed):
        first, state = fetch(client, url)
        assert first.status_code == 200 and state == MISS, url
        with django_assert_num_queries(0):
            second, state = fetch(client, url)
        assert state == HIT, url
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url


def test_a_hit_keeps_the_headers_the_page_was_made_with(client, filed):
    url = filed["article"].get_absolute_url()
    first, _ = fetch(client, url)
    second, state = fetch(client, url)
    assert state == HIT
    for header in ("Content-Type", "ETag", "X-Frame-Options", "Content-Security-Policy", "Referrer-Policy"):
        if first.has_header(header):
            assert second[header] == first[header], header


def test_search_is_never_cached(client, filed):
    url = reverse("articles:search") + "?q=cached"
    fetch(client, url)
    _, state = fetch(client, url)
    assert state is None


def test_head_is_answered_from_the_cache(client, filed, django_assert_num_queries):
    url = filed["article"].get_absolute_url()
    fetch(client, url)
    with django_assert_num_queries(0):
        response = client.head(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == HIT


def test_the_page_cache_can_be_turned_off(client, filed, settings):
    settings.PAGE_CACHE = False
    url = filed["article"].get_absolute_url()
    fetch(client, url)
    response, state = fetch(client, url)
    assert state is None and response.status_code == 200
    assert response["Cache-Control"] == PUBLIC


# --- invalidated exactly when something shown changes -----------------------------------------


def assert_changes(client, url, before, after, change):
    """`url` shows `before` (and is cached), then `change()` runs, then it shows `after` and not `before`."""
    assert before in fetch(client, url)[0].content.decode()
    assert fetch(client, url)[1] == HIT
    change()
    response, state = fetch(client, url)
    html = response.content.decode()
    assert state == MISS
    assert after in html and before not in html


def edit(record, **values):
    """A change for assert_changes: set `values` on `record` and save it, as the admin would."""

    def change():
        for name, value in values.items():
            setattr(record, name, value)
        record.save()

    return change


def test_editing_the_article_shows_at_once(client, filed):
    article = filed["article"]

    for url in (article.get_absolute_url(), reverse("home"), reverse("articles:rss")):
        cache.clear()
        article.title = "The cached article"
        article.save()
        assert_changes(client, url, "The cached article", "A corrected title", edit(article, title="A corrected title"))


def test_renaming_an_author_changes_every_byline_at_once(client, filed):
    rename = edit(filed["author"], name="Ada Corrected")
    assert_changes(client, filed["article"].get_absolute_url(), "Ada Byline", "Ada Corrected", rename)
    assert "Ada Corrected" in fetch(client, reverse("articles:atom"))[0].content.decode()


def test_editing_an_author_bio_shows_at_once(client, filed):
    rewrite = edit(filed["author"], short_bio="A new bio, written today.")
    assert_changes(client, filed["article"].get_absolute_url(), "An economist.", "A new bio", rewrite)


def test_changing_the_byline_order_shows_at_once(client, filed):
    article, second = filed["article"], AuthorFactory(name="Zed Coauthor")
    article_set_authors(article=article, authors=[filed["author"], second])
    url = article.get_absolute_url()
    assert fetch(client, url)[0].content.decode().index("Ada Byline") < fetch(client, url)[0].content.decode().index(
        "Zed Coauthor"
    )
    assert fetch(client, url)[1] == HIT

    article_set_authors(article=article, authors=[second, filed["author"]])

    html = fetch(client, url)[0].content.decode()
    assert html.index("Zed Coauthor") < html.index("Ada Byline")


@pytest.mark.parametrize("kind", ["source", "region", "theme", "tag"])
def test_renaming_a_source_region_theme_or_tag_shows_at_once(client, filed, kind):
    record = filed["article"].source if kind == "source" else filed[kind]
    new_name = f"The Renamed {kind.title()}"
    assert_changes(client, filed["article"].get_absolute_url(), record.name, new_name, edit(record, name=new_name))


def test_filing_under_another_region_or_tag_shows_at_once(client, filed):
    article = filed["article"]
    assert_changes(
        client,
        article.get_absolute_url(),
        filed["region"].name,
        "Newly Filed Region",
        lambda: article.regions.set([RegionFactory(name="Newly Filed Region")]),
    )
    assert_changes(
        client, article.get_absolute_url(), filed["tag"].name, "freshtag", lambda: article.tags.set(["freshtag"])
    )


def test_editing_the_publication_settings_shows_at_once(client, filed):
    assert_changes(
        client,
        filed["article"].get_absolute_url(),
        "Views are the author&#x27;s own.",
        "A new disclaimer.",
        lambda: publication_settings(reprint_disclaimer="A new disclaimer."),
    )


def test_editing_an_image_caption_shows_at_once(client, filed):
    recaption = edit(filed["article"].lead_image, caption="A corrected caption.")
    assert_changes(client, filed["article"].get_absolute_url(), "The first caption.", "A corrected caption.", recaption)


def test_changing_the_site_domain_changes_feed_links_at_once(client, filed):
    site = Site.objects.get_current()
    url = reverse("articles:rss")

    def move():
        site.domain = "moved.example.org"
        site.save()
        Site.objects.clear_cache()

    assert_changes(client, url, "tag:testserver,", "tag:moved.example.org,", move)


def test_publishing_shows_the_article_on_listings_at_once(client, filed):
    draft = ArticleFactory(
        title="Just published",
        status=Status.DRAFT,
        authors=[filed["author"]],
        regions=[filed["region"]],
    )
    for url in (reverse("home"), filed["region"].get_absolute_url(), reverse("articles:rss")):
        fetch(client, url)
        assert fetch(client, url)[1] == HIT
    assert fetch(client, draft.get_absolute_url())[0].status_code == 404

    article_publish(article=draft)

    for url in (reverse("home"), filed["region"].get_absolute_url(), reverse("articles:rss")):
        assert "Just published" in fetch(client, url)[0].content.decode(), url
    assert fetch(client, draft.get_absolute_url())[0].status_code == 200


def test_withdrawing_removes_the_article_at_once(client, filed):
    article = filed["article"]
    for url in (article.get_absolute_url(), reverse("home"), reverse("sitemap")):
        fetch(client, url)

    article_withdraw(article=article)

    assert fetch(client, article.get_absolute_url())[0].status_code == 410
    for url in (reverse("home"), reverse("sitemap")):
        assert article.get_absolute_url() not in fetch(client, url)[0].content.decode(), url


def test_deleting_an_article_removes_it_at_once(client, filed):
    other = ArticleFactory(title="Soon deleted", authors=[filed["author"]], regions=[filed["region"]])
    home = reverse("home")
    assert_changes(client, home, "Soon deleted", "The cached article", other.delete)


def test_a_change_is_announced_again_when_its_transaction_commits(client, filed, django_capture_on_commit_callbacks):
    """A reader who read the old rows just before the commit must not leave a page that outlives it."""
    author = filed["author"]
    record = f"pages:changed:author-{author.pk}"
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        author.name = "Ada Committed"
        author.save()
        during = cache.get(record)
    assert during is not None and callbacks, "no change was recorded, or none scheduled for the commit"
    for callback in callbacks:
        callback()
    assert cache.get(record) > during


def test_a_lost_change_record_never_revives_old_pages(client, filed):
    url = filed["article"].get_absolute_url()
    fetch(client, url)
    assert fetch(client, url)[1] == HIT
    # Evicted, or the cache restarted with entries left: the author may have changed since.
    cache.delete(f"pages:changed:author-{filed['author'].pk}")
    assert fetch(client, url)[1] == MISS
    assert fetch(client, url)[1] == HIT


# --- scheduled articles appear at their time ----------------------------------------------------


@pytest.fixture
def clock(monkeypatch):
    """Move time forward, for the cache (time.time) and the database rules (timezone.now) alike."""
    offset = {"seconds": 0.0}
    real_time, real_now = time.time, timezone.now
    monkeypatch.setattr(time, "time", lambda: real_time() + offset["seconds"])
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(seconds=offset["seconds"]))

    def advance(seconds):
        offset["seconds"] += seconds

    return advance


def test_a_scheduled_article_appears_at_its_time_while_pages_are_cached(client, filed, clock):
    scheduled = ArticleFactory(
        title="Due in an hour",
        status=Status.SCHEDULED,
        published_at=timezone.now() + datetime.timedelta(hours=1),
        authors=[filed["author"]],
        regions=[filed["region"]],
    )
    listings = [reverse("home"), filed["region"].get_absolute_url(), reverse("articles:rss")]
    for url in listings:
        assert "Due in an hour" not in fetch(client, url)[0].content.decode()
    clock(30 * 60)
    for url in listings:
        assert fetch(client, url)[1] == HIT, "still cached half an hour before"

    clock(30 * 60 + 1)

    for url in listings:
        response, state = fetch(client, url)
        assert state == MISS and "Due in an hour" in response.content.decode(), url
    assert fetch(client, scheduled.get_absolute_url())[0].status_code == 200


def test_browsers_are_not_told_to_keep_a_page_past_the_next_publication(client, filed):
    ArticleFactory(
        status=Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(seconds=20), regions=[filed["region"]]
    )
    response, _ = fetch(client, reverse("home"))
    max_age = directive(response, "max-age")
    assert 0 < max_age <= 20
    # Shared caches too, stale-while-revalidate included: s-maxage ends that much earlier.
    assert directive(response, "s-maxage") == 0 and directive(response, "stale-while-revalidate") is None


# --- who is served from the cache, and what is never stored ----------------------------------------


def test_editors_neither_see_nor_fill_cached_pages(client, editor, filed):
    url = filed["article"].get_absolute_url()
    editors = Client()
    editors.force_login(editor)

    response, state = fetch(editors, url)
    assert state is None and response["Cache-Control"] == "private, no-cache"
    assert fetch(client, url)[1] == MISS, "the editor's visit filled the cache"
    assert fetch(client, url)[1] == HIT
    assert fetch(editors, url)[1] is None, "the editor was given the cached copy"


def test_editors_see_a_change_the_cache_still_holds_for_nobody(client, editor, filed):
    """Even an entry that survived somehow is never shown to a signed-in editor."""
    url = filed["article"].get_absolute_url()
    editors = Client()
    editors.force_login(editor)
    fetch(client, url)
    type(filed["article"]).objects.filter(pk=filed["article"].pk).update(title="Changed behind the cache")
    assert "Changed behind the cache" in fetch(editors, url)[0].content.decode()


def test_previews_are_never_cached(editor, filed):
    draft = ArticleFactory(title="Preview only", status=Status.DRAFT)
    editors = Client()
    editors.force_login(editor)
    response, state = fetch(editors, draft.get_absolute_url())
    assert response.status_code == 200 and state is None
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_a_visitor_with_a_session_is_served_fresh(client, settings, filed):
    url = filed["article"].get_absolute_url()
    fetch(client, url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-real-session"
    assert fetch(client, url)[1] is None


def test_missing_and_withdrawn_pages_are_not_stored(client, filed, django_assert_num_queries):
    withdrawn = ArticleFactory(status=Status.WITHDRAWN)
    for url, status in (("/articles/no-such-article/", 404), (withdrawn.get_absolute_url(), 410)):
        assert client.get(url).status_code == status
        response, state = fetch(client, url)
        assert response.status_code == status and state is None


def test_listing_pages_are_cached_one_by_one(client, settings, filed):
    settings.ARTICLES_PER_PAGE = 1
    ArticleFactory(title="The second article", regions=[filed["region"]])
    url = filed["region"].get_absolute_url()
    first, _ = fetch(client, url)
    second, state = fetch(client, url + "?page=2")
    assert state == MISS and second.content != first.content
    assert fetch(client, url + "?page=2")[1] == HIT


@pytest.mark.parametrize("query", ["utm_source=newsletter", "utm_source=x&utm_medium=y", "x"])
def test_other_query_parameters_are_served_fresh_and_not_stored(client, filed, query):
    url = f"{reverse('home')}?{query}"
    fetch(client, url)
    response, state = fetch(client, url)
    assert response.status_code == 200 and state is None
    assert fetch(client, reverse("home"))[1] == MISS, "a page with other parameters was stored as the plain one"


@pytest.mark.parametrize(
    ("query", "status"),
    [("page=888888", 404), ("page=2", 404), ("page=0", 404), ("page=-1", 404), ("page=abc", 404), ("page=", 404),
     ("page=1000000", 404), ("page=000002", 301), ("page=01", 301), ("page=1", 301)],
)  # fmt: skip
def test_addresses_of_pages_that_do_not_exist_are_never_stored(client, filed, query, status):
    url = f"{reverse('home')}?{query}"
    for _ in range(2):
        response, state = fetch(client, url)
        assert response.status_code == status and state is None


@pytest.mark.parametrize(
    ("query", "kept"),
    [("", True), ("page=2", True), ("page=999999", True), ("page=1", False), ("page=000002", False),
     ("page=02", False), ("page=0", False), ("page=1000000", False), ("page=2&page=2", False)],
)  # fmt: skip
def test_only_the_one_address_of_a_listing_page_has_a_cache_key(rf, query, kept):
    assert (page_key(rf.get("/", QUERY_STRING=query)) is not None) is kept


def test_the_partner_form_is_never_cached_nor_its_token_shared(filed):
    first, second = Client(), Client()
    for visitor in (first, second):
        response, state = fetch(visitor, reverse("partners:request"))
        assert response.status_code == 200 and state is None
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


@pytest.mark.urls("tests.pagecache.urls")
@pytest.mark.parametrize("url", ["/test/form/", "/test/cookie/", "/test/nonce/"])
def test_a_page_with_a_token_a_cookie_or_a_nonce_is_never_shared(url):
    first, _ = fetch(Client(), url)
    second, state = fetch(Client(), url)
    assert state is None and first.status_code == second.status_code == 200
    if url == "/test/form/":
        assert first.content != second.content, "both visitors got the same CSRF token"


@pytest.mark.urls("tests.pagecache.urls")
def test_a_plain_public_page_is_shared():
    fetch(Client(), "/test/plain/")
    assert fetch(Client(), "/test/plain/")[1] == HIT


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def redis_settings(settings):
    """The cache production uses with REDIS_URL (tests/config checks it is this one), in a database of the
    tests' own: clear() empties the whole database."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/13",
            "KEY_PREFIX": f"crosspost-test-{time.time_ns()}",
        }
    }


@pytest.mark.skipif(not redis_reachable(), reason="no Redis server at 127.0.0.1:6379")
def test_pages_are_shared_through_redis(client, filed, settings):
    redis_settings(settings)
    url = filed["article"].get_absolute_url()
    assert fetch(client, url)[1] == MISS
    assert fetch(Client(), url)[1] == HIT
    author = filed["author"]
    author.name = "Ada Through Redis"
    author.save()
    assert "Ada Through Redis" in fetch(client, url)[0].content.decode()
    cache.clear()


@pytest.mark.skipif(not redis_reachable(), reason="no Redis server at 127.0.0.1:6379")
def test_the_redis_cache_keeps_one_client(settings):
    """A page-cache hit makes two cache calls; building a redis-py client for each cost a third of it."""
    redis_settings(settings)
    assert cache.get_many(["a", "b"]) == {}
    assert cache.client.get_client() is cache.client.get_client(write=False)


# --- HTTP caching ---------------------------------------------------------------------------


def conditional_urls(filed):
    return [
        filed["article"].get_absolute_url(),
        reverse("home"),
        filed["region"].get_absolute_url(),
        filed["author"].get_absolute_url(),
        reverse("articles:rss"),
        reverse("articles:theme_atom", kwargs={"slug": filed["theme"].slug}),
    ]


@pytest.mark.parametrize("page_cache_on", [True, False])
def test_articles_archives_and_feeds_answer_a_conditional_get_with_304(client, filed, settings, page_cache_on):
    settings.PAGE_CACHE = page_cache_on
    for url in conditional_urls(filed):
        response = client.get(url)
        etag = response["ETag"]
        assert etag.startswith('"') and response["Cache-Control"] == PUBLIC, url
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again.content == b"", url
        assert again["ETag"] == etag


def test_a_change_gives_a_new_etag(client, filed):
    url = filed["article"].get_absolute_url()
    etag = client.get(url)["ETag"]
    filed["author"].name = "Ada Renamed"
    filed["author"].save()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag


def test_a_feed_date_never_hides_a_corrected_byline(client, filed):
    """A feed's Last-Modified follows its articles' dates, which a renamed author leaves alone."""
    url = reverse("articles:rss")
    first = client.get(url)
    filed["author"].name = "Ada Renamed"
    filed["author"].save()
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert response.status_code == 200 and "Ada Renamed" in response.content.decode()


def test_staff_pages_are_private(editor, filed):
    editors = Client()
    editors.force_login(editor)
    for url in conditional_urls(filed):
        assert editors.get(url)["Cache-Control"] == "private, no-cache", url
