"""Every kind of public page: valid HTML (Nu HTML Checker) and no axe-core WCAG 2.1 AA violation."""

import pytest
from django.test import Client

from articles.models import Article
from articles.models import Region
from articles.models import Theme
from attribution.models import Source
from authors.models import Author
from devtools.demo.loader import load_demo_content
from tests.browser.conftest import axe_problems
from tests.browser.conftest import html_problems

pytestmark = [pytest.mark.browser, pytest.mark.frontend]


def public_pages():
    """(name, path, expected status) for one page of every kind, from the demo content."""
    article = Article.objects.get(slug="colombia-run-off-nato-global-partnership")
    tag = article.tags.order_by("name").first()
    return [
        ("home", "/", 200),
        ("home, page 2", "/?page=2", 200),
        ("article", article.get_absolute_url(), 200),
        ("region", Region.objects.get(slug="latin-america-caribbean").get_absolute_url(), 200),
        ("theme", Theme.objects.get(slug="us-nato-war-agenda").get_absolute_url(), 200),
        ("tag", f"/tag/{tag.slug}/", 200),
        ("author", Author.objects.get(slug="andrew-korybko").get_absolute_url(), 200),
        ("source", Source.objects.get(slug="oriental-review").get_absolute_url(), 200),
        ("empty region", Region.objects.create(name="Nowhere", slug="nowhere").get_absolute_url(), 200),
        ("search form", "/search/", 200),
        ("search with results", "/search/?q=Colombia", 200),
        ("search without results", "/search/?q=zzzzqqq", 200),
        ("search with errors", "/search/?q=x&date_from=nonsense", 200),
        ("permission form", "/republish/", 200),
        ("permission form for an article", f"/republish/{article.slug}/", 200),
        ("about", "/about/", 200),
        ("not found", "/articles/no-such-article/", 404),
        *digest_pages(),
    ]


def digest_pages():
    """The digests' pages: sign-up, a reader's own pages (by their signed links), an issue and the archive."""
    import datetime

    from digests import services
    from digests import tokens
    from digests.models import Frequency
    from digests.models import Subscriber

    reader = Subscriber.objects.create(email="reader@example.org", confirmed_at=Article.objects.first().created_at)
    services.subscription_set(subscriber=reader, kind="publication", subject=None, frequency=Frequency.WEEKLY)
    newest = Article.objects.published().order_by("-published_at").first().published_at
    [issue] = services.digests_build(frequency=Frequency.WEEKLY, now=newest + datetime.timedelta(minutes=1))
    confirmation = tokens.confirmation(reader, kind="publication", subject_id=None, frequency="weekly")
    return [
        ("subscribe", "/subscribe/", 200),
        ("check your inbox", "/subscribe/check-your-inbox/", 200),
        ("confirm a subscription", f"/subscribe/confirm/{confirmation}/", 200),
        ("digest preferences", f"/subscriptions/{tokens.for_subscriber(reader, tokens.PREFERENCES)}/", 200),
        ("unsubscribe", f"/unsubscribe/{tokens.for_subscriber(reader, tokens.UNSUBSCRIBE)}/", 200),
        ("digest archive", "/digests/", 200),
        ("digest issue", issue.get_absolute_url(), 200),
        ("broken digest link", "/subscriptions/not-a-link/", 404),
    ]


@pytest.fixture
def demo_pages(transactional_db):
    load_demo_content()
    return public_pages()


def test_pages_are_valid_html(demo_pages, vnu_jar, tmp_path):
    client = Client()
    pages = {}
    for name, path, status in demo_pages:
        response = client.get(path)
        assert response.status_code == status, name
        pages[name] = response.content
    assert html_problems(vnu_jar, tmp_path, pages) == []


@pytest.mark.parametrize(("width", "scheme"), [(360, "light"), (1280, "light"), (360, "dark"), (1280, "dark")], ids=str)
def test_pages_have_no_accessibility_violations(demo_pages, live_server, browser, axe_source, width, scheme):
    """At a phone's width and a desktop's, in light and dark mode (colour contrast included)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    problems = []
    for name, path, status in demo_pages:
        response = page.goto(live_server.url + path)
        assert response.status == status, name
        page.evaluate(axe_source)  # not a <script> tag: the Content-Security-Policy would refuse it
        problems += axe_problems(page, f"{name} at {width} px, {scheme}")
    context.close()
    assert problems == []


def test_article_page_is_readable_on_a_360px_phone_without_javascript(demo_pages, live_server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + demo_pages[2][1])
    # Nothing sticks out sideways: no horizontal scrolling on a small phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("h1").is_visible()
    assert page.locator(".copyright").is_visible()
    context.close()


def test_print_stylesheet_keeps_attribution_and_drops_navigation(demo_pages, live_server, page):
    page.goto(live_server.url + demo_pages[2][1])
    page.emulate_media(media="print")
    assert page.locator(".copyright").is_visible()
    assert page.locator(".original-source").is_visible()
    assert page.locator(".print-only").is_visible()
    for hidden in (".pagination", ".calls-to-action", ".search-box", ".primary-nav", ".share", ".site-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    # The address of the original is printed after its link.
    after = page.evaluate("getComputedStyle(document.querySelector('.original-source a'), '::after').content")
    assert "attr(href)" in after or "http" in after
