"""The credit check: a republished copy's page against the credits our terms require.

The rules are pure functions of the page's HTML and the article's kit (partners.credit_check); the
task (partners.tasks.check_reprint) reads the copy from a local HTTP server (tests/origin_server.py)
through core.fetching, so nothing leaves the machine.
"""

import datetime

import pytest

from attribution.credits import republication_kit
from attribution.models import CanonicalPolicy
from partners import tasks
from partners.credit_check import check_credits
from partners.models import CreditStatus
from partners.models import Reprint
from partners.services import permission_request_approve
from partners.services import reprint_add
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import PermissionRequestFactory
from tests.origin_server import origin_server

from .reprint_pages import ORIGINAL
from .reprint_pages import OUR_URL
from .reprint_pages import copy_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def kit(crosspost, publication):
    return republication_kit(crosspost, publication=publication, our_url=OUR_URL)


def codes(report):
    return [problem.code for problem in report.problems]


# --- the rules, on strings ------------------------------------------------------------------------


def test_a_copy_with_every_credit_is_compliant(kit):
    report = check_credits(copy_page(), page_url="https://weekly.example.com/ports/", kit=kit)
    assert report.compliant and report.problems == []


def test_the_kits_own_html_pasted_into_a_page_is_compliant(kit):
    head = f'<link rel="canonical" href="{kit.canonical_url}">'
    html = f"<html><head>{head}</head><body><h1>{kit.title}</h1>{kit.html}</body></html>"
    assert check_credits(html, page_url="https://weekly.example.com/ports/", kit=kit).compliant


@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        ({"title": "Ports and politics"}, "title", "Ports, power and politics"),
        ({"byline": "By Ada Lovelace"}, "author", "Bo Zhang"),
        ({"byline": "By Bo Zhang and Ada Lovelace"}, "author_order", "order"),
        ({"original": None}, "original_link", ORIGINAL),
        ({"back": None}, "our_link", OUR_URL),
        ({"copyright_line": None}, "copyright", "Copyright © Harbour Review, 2019"),
        ({"canonical": None}, "canonical", ORIGINAL),
        ({"canonical": "https://weekly.example.com/ports/"}, "canonical", "should point to " + ORIGINAL),
    ],
    ids=["title", "author", "author-order", "original", "link-back", "copyright", "no-canonical", "wrong-canonical"],
)
def test_each_missing_credit_alone_is_named(kit, change, code, words):
    report = check_credits(copy_page(**change), page_url="https://weekly.example.com/ports/", kit=kit)
    assert codes(report) == [code]
    assert words in report.messages[0]


def test_typography_spacing_and_scheme_do_not_count_as_changes(kit):
    html = copy_page(
        title="Ports,\n  power and politics",
        original=ORIGINAL.replace("https:", "http:").rstrip("/") + "#top",
        back="/articles/ports-power-and-politics",
        copyright_line="Copyright ©  Harbour   Review, 2019",
    ).replace("<head>", '<head><base href="http://testserver/">')
    assert check_credits(html, page_url="https://weekly.example.com/ports/", kit=kit).compliant


def test_text_in_scripts_and_comments_is_no_credit(kit):
    html = copy_page(copyright_line=None).replace(
        "</body>",
        "<script>var c = 'Copyright © Harbour Review, 2019';</script><!-- Copyright © Harbour Review, 2019 -->",
    )
    assert codes(check_credits(html, page_url="https://weekly.example.com/ports/", kit=kit)) == ["copyright"]


def test_the_canonical_follows_the_articles_policy(crosspost, publication):
    crosspost.canonical_policy = CanonicalPolicy.SELF
    crosspost.save()
    kit = republication_kit(crosspost, publication=publication, our_url=OUR_URL)
    assert codes(check_credits(copy_page(), page_url="https://weekly.example.com/", kit=kit)) == ["canonical"]
    assert check_credits(copy_page(canonical=OUR_URL), page_url="https://weekly.example.com/", kit=kit).compliant


def test_an_article_of_our_own_needs_no_link_to_an_original(publication):
    ours = CrossPostFactory(
        title="Our own", slug="our-own", source=None, original_url="", authors=[AuthorFactory(name="Ada Lovelace")]
    )
    our_url = "http://testserver/articles/our-own/"
    kit = republication_kit(ours, publication=publication, our_url=our_url)
    html = copy_page(
        title="Our own",
        byline="By Ada Lovelace",
        original=None,
        back=our_url,
        canonical=our_url,
        copyright_line=kit.attribution.copyright_line,
    )
    assert check_credits(html, page_url="https://weekly.example.com/", kit=kit).compliant


def test_a_page_that_is_not_html_misses_everything_without_failing(kit):
    report = check_credits("\x00\x01 not html at all", page_url="https://weekly.example.com/", kit=kit)
    assert set(codes(report)) >= {"title", "author", "original_link", "our_link", "copyright", "canonical"}


# --- the task, against a local server -------------------------------------------------------------


@pytest.fixture
def reprint_at(crosspost, settings):
    settings.SITE_DOMAIN = "testserver"

    def make(url):
        return Reprint.objects.create(article=crosspost, page_url=url, found_by="editor")

    return make


def test_the_task_records_a_compliant_copy(origin, reprint_at):
    origin.page("/ports/", copy_page())
    reprint = reprint_at(origin.url("/ports/"))

    assert tasks.check_reprint.enqueue(reprint.pk).return_value == CreditStatus.COMPLIANT

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.COMPLIANT
    assert reprint.credit_problems == [] and reprint.credit_error == "" and reprint.credit_checked_at


def test_the_task_records_what_is_missing(origin, reprint_at):
    origin.page("/ports/", copy_page(byline="By Bo Zhang and Ada Lovelace", canonical=None))
    reprint = reprint_at(origin.url("/ports/"))

    tasks.check_reprint.enqueue(reprint.pk)

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.MISSING
    assert len(reprint.credit_problems) == 2
    assert "order" in reprint.credit_problems[0] and "canonical" in reprint.credit_problems[1]


def test_a_copy_that_was_put_right_is_compliant_at_the_next_check(origin, reprint_at):
    origin.page("/ports/", copy_page(back=None))
    reprint = reprint_at(origin.url("/ports/"))
    tasks.check_reprint.enqueue(reprint.pk)
    origin.page("/ports/", copy_page())
    tasks.check_reprint.enqueue(reprint.pk)
    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.COMPLIANT and reprint.credit_problems == []


@pytest.mark.parametrize("status", [404, 410, 500])
def test_a_page_that_answers_an_error_is_a_fetch_failure(origin, reprint_at, status):
    origin.status("/ports/", status)
    reprint = reprint_at(origin.url("/ports/"))

    assert tasks.check_reprint.enqueue(reprint.pk).return_value == CreditStatus.FETCH_FAILED

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.FETCH_FAILED and str(status) in reprint.credit_error


def test_a_page_nobody_answers_is_a_fetch_failure_with_the_reason(reprint_at):
    with origin_server() as closed:
        url = closed.url("/ports/")
    reprint = reprint_at(url)  # the server is gone: the connection is refused

    tasks.check_reprint.enqueue(reprint.pk)

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.FETCH_FAILED and reprint.credit_error


def test_a_page_outside_the_allowed_hosts_is_never_fetched(reprint_at):
    reprint = reprint_at("https://weekly.example.com/ports/")  # the test settings allow 127.0.0.1 only

    tasks.check_reprint.enqueue(reprint.pk)

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.FETCH_FAILED and reprint.credit_error


def test_an_editors_reprint_is_checked_once_committed(origin, crosspost, django_capture_on_commit_callbacks):
    origin.page("/ports/", copy_page(back=None))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        reprint = reprint_add(article=crosspost, page_url=origin.url("/ports/"))
    assert len(callbacks) == 1
    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.MISSING and "link back" in reprint.credit_problems[0]


def test_a_page_first_seen_by_the_tracking_image_is_checked_once_committed(
    client, origin, crosspost, editor, django_capture_on_commit_callbacks
):
    grant = permission_request_approve(request=PermissionRequestFactory(article=crosspost), by=editor)
    origin.page("/ports/", copy_page())
    pixel = f"/r/{grant.pixel_token}.gif"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get(pixel, HTTP_REFERER=origin.url("/ports/?from=home"), REMOTE_ADDR="203.0.113.1")
    assert len(callbacks) == 1
    reprint = Reprint.objects.get()
    assert reprint.page_url == origin.url("/ports/") and reprint.credit_status == CreditStatus.COMPLIANT

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get(pixel, HTTP_REFERER=origin.url("/ports/"), REMOTE_ADDR="203.0.113.2")
    assert callbacks == []  # a page already known is not checked on every view


def test_the_periodic_sweep_checks_copies_not_checked_lately(origin, reprint_at, settings):
    from django.core.management import call_command
    from django.utils import timezone

    settings.REPRINT_CHECK_INTERVAL_DAYS = 7
    origin.page("/a/", copy_page())
    origin.page("/b/", copy_page())
    stale, fresh, never = reprint_at(origin.url("/a/")), reprint_at(origin.url("/b/")), reprint_at(origin.url("/c/"))
    now = timezone.now()
    Reprint.objects.filter(pk=stale.pk).update(credit_checked_at=now - datetime.timedelta(days=8))
    Reprint.objects.filter(pk=fresh.pk).update(credit_checked_at=now - datetime.timedelta(days=1))
    Reprint.objects.create(article=stale.article, page_url="", permission_request=None, found_by="editor")

    call_command("check_reprints", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123

    statuses = dict(Reprint.objects.exclude(page_url="").values_list("pk", "credit_status"))
    assert statuses == {
        stale.pk: CreditStatus.COMPLIANT,
        fresh.pk: CreditStatus.UNCHECKED,  # checked yesterday: left alone
        never.pk: CreditStatus.FETCH_FAILED,  # /c/ is not set: 404
    }
    assert sorted(origin.paths_requested()) == ["/a/", "/c/", "/robots.txt"]
