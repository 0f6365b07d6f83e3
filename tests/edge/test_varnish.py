"""Through a real Varnish: pages are served from it, purged by key within a second of a correction, never
shared when personal, and served stale while the site is down."""

import time

import pytest
import requests
from django.urls import reverse

from pagecache.models import Purge
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import RegionFactory
from tests.factories import ThemeFactory
from tests.factories import form_values
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db(transaction=True)  # the live server reads what the test committed


@pytest.fixture
def site():
    publication_settings(site_name="Crosspost Review")
    ada = AuthorFactory(name="Ada Byline", short_bio="An economist.", bio="She studies ports.")
    zoe = AuthorFactory(name="Zoe Elsewhere")
    region, elsewhere = RegionFactory(), RegionFactory()
    article = CrossPostFactory(title="The edge article", authors=[ada], regions=[region], themes=[ThemeFactory()])
    other = CrossPostFactory(title="An unrelated article", authors=[zoe], regions=[elsewhere], themes=[ThemeFactory()])
    return {"article": article, "ada": ada, "region": region, "other": other, "elsewhere": elsewhere}


def cached(varnish, path):
    """Fetch `path` through Varnish until it is a hit (the second time); returns the hit."""
    varnish.get(path)
    response = varnish.get(path)
    assert response.status_code == 200 and response.headers["X-Cache"] == "HIT", path
    return response


def signed_in(varnish, editor):
    """A browser session of `editor`, signed in through Varnish with the admin's own form."""
    browser = requests.Session()
    login = reverse("admin:login")
    page = browser.get(varnish.url + login, timeout=5)
    data = {**form_values(page.text, "#login-form"), "username": editor.username, "password": "a-long-test-password"}
    answer = browser.post(varnish.url + login, data=data, headers={"Referer": varnish.url + login}, timeout=5)
    assert answer.ok and "sessionid" in browser.cookies, "the editor could not sign in"
    return browser


def test_a_byline_correction_purges_every_page_showing_it_within_a_second(varnish, site, editor):
    article, ada, region = site["article"], site["ada"], site["region"]
    showing = [
        article.get_absolute_url(),
        ada.get_absolute_url(),
        region.get_absolute_url(),
        reverse("home"),
        reverse("articles:rss"),
        reverse("articles:region_atom", kwargs={"slug": region.slug}),
        reverse("articles:author_rss", kwargs={"slug": ada.slug}),
    ]
    unrelated = [site["other"].get_absolute_url(), site["elsewhere"].get_absolute_url()]
    for path in showing + unrelated:
        assert "Ada Byline" in cached(varnish, path).text or path in unrelated, path

    browser = signed_in(varnish, editor)
    change = varnish.url + reverse("admin:authors_author_change", args=[ada.pk])
    data = {**form_values(browser.get(change, timeout=5).text, "#author_form"), "name": "Ada Corrected"}
    started = time.monotonic()
    saved = browser.post(change, data=data, headers={"Referer": change}, timeout=5, allow_redirects=False)
    assert saved.status_code == 302, "the admin did not save the correction"

    for path in showing:
        while "Ada Corrected" not in (response := varnish.get(path)).text:
            assert time.monotonic() - started < 1, f"{path} still shows the old byline after a second"
            time.sleep(0.02)
        assert "Ada Byline" not in response.text, path
    assert time.monotonic() - started < 1
    for path in unrelated:
        assert varnish.get(path).headers["X-Cache"] == "HIT", f"{path} was purged though it shows nothing changed"
    purge = Purge.objects.latest()
    assert purge.result == Purge.Result.DONE and purge.backend == "varnish"
    assert f"author-{ada.pk}" in purge.keys.split() and "Invalidated" in purge.detail


def test_a_signed_in_editor_is_never_served_a_cached_page(varnish, site, editor):
    path = site["article"].get_absolute_url()
    public = cached(varnish, path)
    browser = signed_in(varnish, editor)
    for _ in range(2):
        response = browser.get(varnish.url + path, timeout=5)
        assert response.headers["X-Cache"] == "MISS" and "Edit this article" in response.text
        assert "private" in response.headers["Cache-Control"]
    again = varnish.get(path)
    assert again.headers["X-Cache"] == "HIT" and again.text == public.text, "an editor's page was shared"


def test_a_response_that_sets_a_cookie_is_never_cached(varnish, site):
    path = reverse("partners:request")
    first, second = varnish.get(path), varnish.get(path)
    assert first.status_code == second.status_code == 200
    assert first.headers["X-Cache"] == second.headers["X-Cache"] == "MISS"
    assert first.cookies["csrftoken"] != second.cookies["csrftoken"]


def test_a_page_is_served_stale_while_the_site_is_down(varnish, site, settings):
    settings.EDGE_MAX_AGE = 1  # fresh for a second, then kept for stale-if-error
    path = site["article"].get_absolute_url()
    fresh = cached(varnish, path)
    assert "stale-if-error" in fresh.headers["Cache-Control"]

    varnish.switch.down()
    time.sleep(1.2)  # past s-maxage; the probe (every 0.1 s) has seen the site go

    stale = varnish.get(path)
    assert stale.status_code == 200 and stale.text == fresh.text
    assert int(stale.headers["Age"]) >= 1
    never_cached = varnish.get(site["other"].get_absolute_url())
    assert never_cached.status_code == 503, "the site was not down after all"
