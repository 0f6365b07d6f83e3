"""The policy breaks nothing: in Chromium the admin (rich-text editor included) and the site work, and
not one CSP violation is reported."""

import re

import pytest
import reversion
from django.contrib.auth import get_user_model

from articles.models import Article
from articles.models import Region
from devtools.demo.loader import load_demo_content
from tests.factories import ImageFactory
from tests.factories import PermissionRequestFactory

pytestmark = pytest.mark.browser
PASSWORD = "a-long-browser-password"

# Collects every violation the page reports, before any of the page's own scripts run.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
    + ` at ${event.sourceFile || ''}:${event.lineNumber || ''} ${event.sample || ''}`);
});
"""


class Watcher:
    """Every CSP complaint of a page, from its event and from the console; and any page error."""

    def __init__(self, page):
        self.page = page
        self.problems = []
        page.add_init_script(WATCH_VIOLATIONS)
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: script error: {error}"))

    def console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.problems.append(f"{self.page.url}: console: {text}")

    def collect(self):
        """Violations of the page now shown (its events are lost when it navigates)."""
        for violation in self.page.evaluate("window.__cspViolations || []"):
            self.problems.append(f"{self.page.url}: {violation}")
        self.page.evaluate("window.__cspViolations = []")

    def visit(self, url):
        response = self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        self.collect()
        return response


@pytest.fixture
def site(transactional_db):
    load_demo_content()
    user = get_user_model().objects.create_superuser("csp-editor", "csp@example.org", PASSWORD)
    article = Article.objects.get(slug="colombia-run-off-nato-global-partnership")
    with reversion.create_revision():
        article.save()
    request = PermissionRequestFactory(article=article)
    return {"article": article, "user": user, "request": request, "image": ImageFactory()}


def sign_in(watcher, live_server):
    page = watcher.page
    watcher.visit(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "csp-editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    watcher.collect()


def test_editor_signs_in_writes_and_saves_an_article_under_the_policy(site, live_server, page):
    watcher = Watcher(page)
    sign_in(watcher, live_server)

    watcher.visit(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Written under a strict policy")
    page.locator("#id_dek").click()  # leaving the title fills in the slug: the admin's own script ran
    assert page.input_value("#id_slug") == "written-under-a-strict-policy"
    page.fill("#id_dek", "A standfirst typed in a real browser.")

    editor = page.locator(".field-body .ProseMirror[contenteditable=true]")
    assert editor.is_visible(), "the rich-text editor did not start"
    editor.click()
    page.keyboard.type("Typed into the rich-text editor.")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Bold words.")
    watcher.collect()

    # An autocomplete (select2) field works too: pick a region by typing part of its name.
    region = Region.objects.order_by("name").first()
    page.locator(".field-regions .select2-selection").click()
    page.keyboard.type(region.name[:4])
    page.locator(".select2-results__option", has_text=region.name).first.click()
    watcher.collect()

    page.locator(".article-desk__publishing input[name=_save]").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    watcher.collect()

    article = Article.objects.get(slug="written-under-a-strict-policy")
    assert article.dek == "A standfirst typed in a real browser."
    assert "Typed into the rich-text editor." in article.body
    assert "<strong>Bold words.</strong>" in article.body
    assert list(article.regions.all()) == [region]

    watcher.visit(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editor = page.locator(".field-body .ProseMirror[contenteditable=true]")
    assert "Typed into the rich-text editor." in editor.inner_text()
    assert watcher.problems == []


def test_no_violation_on_any_kind_of_page(site, live_server, page):
    watcher = Watcher(page)
    article, request = site["article"], site["request"]
    public = [
        "/",
        article.get_absolute_url(),
        article.regions.first().get_absolute_url(),
        article.authors.first().get_absolute_url(),
        "/search/?q=Colombia",
        "/search/?q=x&date_from=nonsense",
        f"/republish/{article.slug}/",
        "/republish/",
        "/articles/no-such-article/",
    ]
    for path in public:
        watcher.visit(live_server.url + path)

    sign_in(watcher, live_server)
    admin_pages = [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/?status__exact=published&q=NATO",
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/article/{article.pk}/history/",
        "/admin/articles/article/recover/",
        "/admin/images/image/add/",
        f"/admin/images/image/{site['image'].pk}/change/",
        "/admin/authors/author/add/",
        "/admin/attribution/source/add/",
        "/admin/attribution/publicationsettings/",
        "/admin/partners/permissionrequest/",
        f"/admin/partners/permissionrequest/{request.pk}/change/",
        "/admin/taggit/tag/",
        "/admin/auth/user/",
        f"/admin/auth/user/{site['user'].pk}/password/",
        f"/admin/articles/article/{article.pk}/delete/",
    ]
    for path in admin_pages:
        response = watcher.visit(live_server.url + path)
        assert response.status == 200, path
    assert watcher.problems == []


def test_the_watcher_does_see_a_violation(site, live_server, page):
    """The harness is not blind: an inline script the policy forbids is reported."""
    watcher = Watcher(page)
    watcher.visit(live_server.url + "/")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = '1'; document.body.append(s); }")
    page.wait_for_timeout(100)
    watcher.collect()
    assert any("script-src" in problem for problem in watcher.problems)
