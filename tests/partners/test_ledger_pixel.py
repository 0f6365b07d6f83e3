"""The kit's tracking image, /r/<token>.gif: one GIF for all, views counted per day and page, nothing personal kept."""

import datetime
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse

from partners.ledger import TRACKING_GIF
from partners.ledger import page_address
from partners.models import FoundBy
from partners.models import Reprint
from partners.models import ReprintDay
from partners.services import permission_request_approve
from partners.services import permission_request_decline
from partners.services import permission_request_reissue_kit
from partners.services import permission_request_revoke_kit
from tests.factories import PermissionRequestFactory

pytestmark = pytest.mark.django_db

PARTNER_PAGE = "https://weekly.example.com/2026/ports/"


@pytest.fixture
def grant(article, editor):
    request = PermissionRequestFactory(article=article, organisation="Partner Press")
    return permission_request_approve(request=request, by=editor)


def pixel_url(grant):
    return reverse("reprint_pixel", kwargs={"token": grant.pixel_token})


def view(client, grant_or_token, referer=PARTNER_PAGE, ip="203.0.113.5", **headers):
    token = grant_or_token if isinstance(grant_or_token, str) else grant_or_token.pixel_token
    url = reverse("reprint_pixel", kwargs={"token": token})
    if referer is not None:
        headers["HTTP_REFERER"] = referer
    return client.get(url, REMOTE_ADDR=ip, **headers)


def views_by_page():
    return {(day.reprint.page_url, day.day): day.views for day in ReprintDay.objects.select_related("reprint")}


def assert_is_the_gif(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content == TRACKING_GIF and response.content.startswith(b"GIF89a")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.cookies and "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")
    assert "X-Page-Cache" not in response and "Surrogate-Key" not in response


# --- the kit carries it ---------------------------------------------------------------------------


def test_the_kit_html_ends_with_the_grants_tracking_image_and_the_previews_have_none(client, grant):
    response = client.get(grant.get_kit_path())
    soup = BeautifulSoup(response.content, "html.parser")
    pasted = BeautifulSoup(soup.find("textarea", id="kit-html").string, "html.parser")
    image = pasted.find_all("img")[-1]
    assert image["src"] == "http://testserver" + pixel_url(grant)
    assert (image["width"], image["height"], image["alt"]) == ("1", "1", "")
    assert image["referrerpolicy"] == "no-referrer-when-downgrade"
    # The kit page's own preview must not count the partner's visit as a view.
    assert soup.select_one(".kit-preview img") is None
    # The partner is told what the image does, and what it does not.
    assert "records nothing about your readers" in soup.select_one("#kit-tracking").get_text()
    # The canonical link is in the kit beside it.
    assert soup.find("textarea", id="kit-canonical").string.startswith('<link rel="canonical"')

    approval = mail.outbox[-1]
    html = approval.alternatives[0][0]
    assert BeautifulSoup(html, "html.parser").select_one(".kit-preview img") is None
    assert pixel_url(grant) in approval.body and pixel_url(grant) in html
    assert "records nothing about your readers" in approval.body and "records nothing about your readers" in html


def test_the_tracking_token_is_not_the_private_kit_token(grant):
    assert grant.pixel_token and grant.pixel_token not in grant.get_kit_path()


# --- counting -------------------------------------------------------------------------------------


def on_day(day):
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def test_views_are_counted_per_page_and_day(client, grant):
    with on_day(datetime.date(2026, 3, 1)):
        for ip in ("203.0.113.1", "203.0.113.2"):
            assert_is_the_gif(view(client, grant, ip=ip))
        assert_is_the_gif(view(client, grant, referer="https://weekly.example.com/elsewhere/", ip="203.0.113.3"))
    with on_day(datetime.date(2026, 3, 2)):
        assert_is_the_gif(view(client, grant, ip="203.0.113.4"))

    assert views_by_page() == {
        (PARTNER_PAGE, datetime.date(2026, 3, 1)): 2,
        ("https://weekly.example.com/elsewhere/", datetime.date(2026, 3, 1)): 1,
        (PARTNER_PAGE, datetime.date(2026, 3, 2)): 1,
    }
    reprint = Reprint.objects.get(page_url=PARTNER_PAGE)
    assert (reprint.article, reprint.permission_request, reprint.found_by) == (grant.article, grant, FoundBy.PIXEL)


def test_only_the_pages_address_is_kept_never_its_query_or_who_read_it(client, grant):
    view(
        client,
        grant,
        referer="HTTPS://reader:secret@Weekly.Example.com:443/2026/ports/?utm_source=mail&session=abc#comments",
        ip="198.51.100.77",
        HTTP_USER_AGENT="Mozilla/5.0 (Reader's Browser)",
        HTTP_COOKIE="tracking=reader-42",
    )
    reprint = Reprint.objects.get()
    assert reprint.page_url == PARTNER_PAGE
    stored = " ".join(str(value) for row in Reprint.objects.values() for value in row.values()) + " ".join(
        str(value) for row in ReprintDay.objects.values() for value in row.values()
    )
    for personal in ("198.51.100.77", "Reader's Browser", "reader-42", "secret", "utm_source"):
        assert personal not in stored


@pytest.mark.parametrize(
    ("referer", "expected"),
    [
        ("https://weekly.example.com/a/b?c=d#e", "https://weekly.example.com/a/b"),
        ("http://weekly.example.com:8080/a", "http://weekly.example.com:8080/a"),
        ("https://weekly.example.com", "https://weekly.example.com/"),
        ("https://[2001:db8::1]/a", "https://[2001:db8::1]/a"),
        ("", ""),
        ("android-app://com.example", ""),
        ("not a url", ""),
        ("https://[broken/", ""),
        ("https://weekly.example.com:99999/", ""),
        ("https://weekly.example.com/\x00", ""),
        ("https://testserver/articles/colombia-and-nato/", None),
        ("http://TESTSERVER/republish/kit/abc/", None),
    ],
)
def test_page_address_normalises_the_referer_and_recognises_our_own_pages(referer, expected):
    assert page_address(referer, own_hosts={"testserver"}) == expected


def test_a_very_long_address_is_cut_to_the_columns_length(client, grant):
    view(client, grant, referer="https://weekly.example.com/" + "a" * 2000)
    assert len(Reprint.objects.get().page_url) == 500


def test_views_from_our_own_pages_are_not_counted(client, grant):
    assert_is_the_gif(view(client, grant, referer="http://testserver" + grant.article.get_absolute_url()))
    assert not Reprint.objects.exists()


def test_views_without_a_usable_referer_count_for_an_unknown_page_of_that_partner(client, grant):
    view(client, grant, referer=None, ip="203.0.113.1")
    view(client, grant, referer="about:blank", ip="203.0.113.2")
    reprint = Reprint.objects.get()
    assert reprint.page_url == "" and reprint.permission_request == grant
    assert reprint.days.get().views == 2


@pytest.mark.parametrize("token", ["nope", "x" * 22, "A" * 200, "-_-", "a.b", "é", "%00", "' OR 1=1 --"])
def test_a_bad_token_gets_the_same_gif_and_records_nothing(client, token):
    assert_is_the_gif(view(client, token))
    assert not Reprint.objects.exists() and not ReprintDay.objects.exists()


def test_a_revoked_or_declined_grant_is_not_counted_and_a_reissued_kit_counts_again(client, grant, editor):
    permission_request_revoke_kit(request=grant, by=editor)
    assert_is_the_gif(view(client, grant, ip="203.0.113.1"))
    assert not Reprint.objects.exists()

    permission_request_reissue_kit(request=grant, by=editor)
    view(client, grant, ip="203.0.113.2")
    assert Reprint.objects.get().days.get().views == 1

    permission_request_decline(request=grant, by=editor, note="Withdrawn.")
    view(client, grant, ip="203.0.113.3")
    assert Reprint.objects.get().days.get().views == 1


def test_a_request_never_approved_is_not_counted(client):
    pending = PermissionRequestFactory()
    assert_is_the_gif(view(client, pending))
    assert not Reprint.objects.exists()


def test_one_reader_reloading_adds_at_most_the_hours_budget(client, grant, settings):
    settings.REPRINT_VIEWS_PER_CLIENT_PER_HOUR = 3
    for _ in range(10):
        assert_is_the_gif(view(client, grant, ip="203.0.113.9"))
    view(client, grant, ip="203.0.113.10")  # another reader still counts
    assert Reprint.objects.get().days.get().views == 4


def test_the_budget_is_per_grant(client, grant, editor, settings):
    settings.REPRINT_VIEWS_PER_CLIENT_PER_HOUR = 1
    other = permission_request_approve(request=PermissionRequestFactory(article=grant.article), by=editor)
    view(client, grant, ip="203.0.113.9")
    view(client, grant, ip="203.0.113.9")
    view(client, other, referer="https://other.example.net/ports/", ip="203.0.113.9")
    assert sorted(Reprint.objects.values_list("page_url", "days__views")) == [
        ("https://other.example.net/ports/", 1),
        (PARTNER_PAGE, 1),
    ]


def test_a_signed_in_editors_view_touches_no_session(client, grant, editor):
    client.force_login(editor)
    sessions = Session.objects.count()
    response = view(client, grant)
    assert_is_the_gif(response)
    assert Session.objects.count() == sessions
    assert "private" in response["Cache-Control"]


def test_the_page_cache_never_keeps_it(client, grant):
    first = view(client, grant, ip="203.0.113.1")
    second = view(client, grant, ip="203.0.113.2")
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert Reprint.objects.get().days.get().views == 2


def test_only_a_get_counts(client, grant):
    assert client.post(pixel_url(grant), HTTP_REFERER=PARTNER_PAGE).status_code in (403, 405)
    assert client.head(pixel_url(grant), HTTP_REFERER=PARTNER_PAGE).status_code == 200  # a link checker
    assert not Reprint.objects.exists()
    view(client, grant)
    assert Reprint.objects.get().days.get().views == 1


def test_a_view_of_a_known_page_costs_two_queries(client, grant, django_assert_num_queries):
    view(client, grant, ip="203.0.113.1")  # the page's first view today adds its rows
    with django_assert_num_queries(2):  # the grant, then one UPDATE ... views = views + 1
        view(client, grant, ip="203.0.113.2")
    assert Reprint.objects.get().days.get().views == 2


def test_a_first_view_of_a_page_is_bounded_too(client, grant, django_assert_max_num_queries):
    # The grant, the UPDATE finding no row, the page looked up, the partner's pages counted, then the
    # page's and the day's rows made (a savepoint each, so a racing view is caught), and the UPDATE.
    with django_assert_max_num_queries(13):
        view(client, grant)
    assert Reprint.objects.get().days.get().views == 1


def test_a_flood_of_made_up_pages_adds_no_rows_past_the_limit(client, grant, settings):
    settings.REPRINT_PAGES_PER_REQUEST = 3
    for n in range(6):
        view(client, grant, referer=f"https://spam{n}.example/", ip=f"203.0.113.{n}")
    view(client, grant, referer="https://spam0.example/", ip="203.0.113.99")  # a page already known still counts
    counts = dict(Reprint.objects.values_list("page_url", "days__views"))
    assert counts == {"https://spam0.example/": 2, "https://spam1.example/": 1, "https://spam2.example/": 1, "": 3}
