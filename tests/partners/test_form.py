"""The partner form: /republish/ and /republish/<slug>/, good and bad input."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.utils import timezone

from articles.models import Status
from partners.models import Medium
from partners.models import PermissionRequest
from partners.models import RequestStatus
from tests.factories import ArticleFactory
from tests.factories import CrossPostFactory

from .conftest import CONTACT
from .conftest import form_data
from .conftest import request_url

pytestmark = pytest.mark.django_db

# Every way an article stays out of readers' sight, and so out of partners' requests.
hidden_articles = pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT, "published_at": None},
        {"status": Status.PUBLISHED, "published_at": timezone.now() + datetime.timedelta(days=2)},
        {"status": Status.SCHEDULED, "published_at": timezone.now() + datetime.timedelta(hours=1)},
        {"status": Status.WITHDRAWN},
    ],
    ids=["draft", "published-for-later", "scheduled", "withdrawn"],
)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def field_errors(response):
    """{field name: [messages]} as the page shows them, next to each field."""
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def error_shown_next_to(soup, field_id):
    """The error list the field points to with aria-describedby, as a reader of the page meets it."""
    field = soup.find(id=field_id)
    assert field["aria-invalid"] == "true"
    described = field["aria-describedby"].split()
    errors = [soup.find(id=ref) for ref in described if ref.endswith("_error")]
    return " ".join(error.get_text(" ", strip=True) for error in errors if error)


# --- the pages ------------------------------------------------------------------------------------


def test_per_article_form_shows_the_article_its_credits_and_the_source_terms(client, article):
    response = client.get(request_url(article))

    assert response.status_code == 200
    soup = soup_of(response)
    chosen = soup.select_one(".chosen-article")
    assert chosen.find("a", string="Colombia and NATO")["href"] == article.get_absolute_url()
    assert " ".join(chosen.select_one(".byline").get_text().split()) == "By Andrew Korybko and Jane Roe"
    assert chosen.select_one(".original-source a")["href"] == article.original_url
    assert "Non-commercial reprints with a credit and a link." in soup.select_one(".reprint-terms").get_text()
    assert soup.find(id="id_article_url") is None, "the article is already chosen"
    for name in ("name", "organisation", "email", "medium", "publication_name", "publication_url", "planned_date"):
        assert soup.find(id=f"id_{name}") is not None
    assert {value for value, _ in Medium.choices} <= {o["value"] for o in soup.select("#id_medium option")}
    assert soup.find(id="id_audience") and soup.find(id="id_message") and soup.find(id="id_agreed_to_terms")


def test_general_form_asks_for_the_article_address(client, article):
    response = client.get(request_url())

    soup = soup_of(response)
    assert response.status_code == 200
    assert soup.find("label", attrs={"for": "id_article_url"})
    assert soup.select_one(".chosen-article") is None
    assert "once you have given the article's address" in soup.select_one(".reprint-terms").get_text()


@hidden_articles
def test_per_article_form_is_404_for_an_article_readers_cannot_see(client, publication, hidden):
    article = ArticleFactory(**hidden)

    assert client.get(request_url(article)).status_code == 404
    assert client.post(request_url(article), form_data()).status_code == 404
    assert not PermissionRequest.objects.exists()


def test_per_article_form_is_404_for_an_unknown_slug(client, publication):
    assert client.get("/republish/no-such-article/").status_code == 404


# --- a good request -------------------------------------------------------------------------------


def test_valid_per_article_request_is_stored_and_lands_on_the_confirmation(client, article):
    response = client.post(request_url(article), form_data())

    assert response.status_code == 302
    assert response["Location"] == f"/republish/{article.slug}/thank-you/"
    stored = PermissionRequest.objects.get()
    assert stored.article == article
    assert (stored.name, stored.organisation, stored.email) == ("Ada Partner", "Partner Press", "ada@press.example.com")
    assert stored.medium == Medium.COMMERCIAL_WEBSITE
    assert stored.publication_url == "https://weekly.example.com/"
    assert stored.planned_date == timezone.localdate() + datetime.timedelta(days=3)
    assert stored.agreed_to_terms is True
    assert stored.status == RequestStatus.NEW
    assert stored.notified_at is not None and stored.acknowledged_at is not None
    assert len(stored.kit_token) >= 43
    assert stored.client_ip_hash and "127.0.0.1" not in stored.client_ip_hash

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Thank you: your request has been sent" in thanks.content.decode()


@pytest.mark.parametrize(
    "address",
    [
        "http://testserver/articles/colombia-and-nato/",
        "https://testserver/articles/colombia-and-nato/?utm_source=mail#comments",
        "testserver/articles/colombia-and-nato/",
        "/articles/colombia-and-nato",
        "  http://TESTSERVER/articles/colombia-and-nato/  ",
    ],
)
def test_general_form_finds_the_article_from_its_address(client, article, address):
    response = client.post(request_url(), form_data(article_url=address))

    assert response.status_code == 302, field_errors(response)
    assert PermissionRequest.objects.get().article == article


def test_general_form_follows_an_old_address_after_a_slug_change(client, article):
    from articles.services import article_redirect_old_slug

    old_slug = article.slug
    article.slug = "colombia-nato-partnership"
    article.save()
    article_redirect_old_slug(article=article, old_slug=old_slug)

    response = client.post(request_url(), form_data(article_url=f"http://testserver/articles/{old_slug}/"))

    assert response.status_code == 302
    assert PermissionRequest.objects.get().article == article


def test_publication_url_typed_without_scheme_means_https(client, article):
    client.post(request_url(article), form_data(publication_url="weekly.example.com"))

    assert PermissionRequest.objects.get().publication_url == "https://weekly.example.com"


# --- bad input ------------------------------------------------------------------------------------

BAD_INPUT = {
    "missing name": ({"name": ""}, "name", "This field is required."),
    "missing organisation": ({"organisation": None}, "organisation", "This field is required."),
    "missing e-mail": ({"email": ""}, "email", "This field is required."),
    "missing medium": ({"medium": ""}, "medium", "This field is required."),
    "missing publication": ({"publication_name": ""}, "publication_name", "This field is required."),
    "missing date": ({"planned_date": ""}, "planned_date", "This field is required."),
    "not agreed": ({"agreed_to_terms": None}, "agreed_to_terms", "Please agree to the attribution conditions"),
    "name too long": ({"name": "A" * 201}, "name", "at most 200 characters"),
    "organisation too long": ({"organisation": "O" * 201}, "organisation", "at most 200 characters"),
    "publication too long": ({"publication_name": "P" * 201}, "publication_name", "at most 200 characters"),
    "audience too long": ({"audience": "9" * 201}, "audience", "at most 200 characters"),
    "message too long": ({"message": "m" * 5001}, "message", "at most 5000 characters"),
    "e-mail too long": ({"email": "a" * 250 + "@example.com"}, "email", "at most 254 characters"),
    "publication URL too long": (
        {"publication_url": "https://example.com/" + "p" * 500},
        "publication_url",
        "at most 500 characters",
    ),
    "bad e-mail": ({"email": "ada at press"}, "email", "Enter a valid email address."),
    "e-mail with two addresses": ({"email": "ada@press.example.com, eve@example.net"}, "email", "valid email"),
    "unknown medium": ({"medium": "carrier pigeon"}, "medium", "Select a valid choice."),
    "date in the past": (
        {"planned_date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat()},
        "planned_date",
        "This date is in the past",
    ),
    "not a date": ({"planned_date": "next spring"}, "planned_date", "Enter a valid date."),
    "ftp address": ({"publication_url": "ftp://files.example.com/"}, "publication_url", "http:// or https://"),
    "javascript address": ({"publication_url": "javascript:alert(1)"}, "publication_url", "http:// or https://"),
    "mailto address": ({"publication_url": "mailto:ada@press.example.com"}, "publication_url", "http:// or https://"),
}


@pytest.mark.parametrize(("values", "field", "message"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_message_next_to_its_field_and_keeps_what_was_typed(client, article, values, field, message):
    data = form_data(**values)

    response = client.post(request_url(article), data)

    assert response.status_code == 200
    assert list(field_errors(response)) == [field]
    soup = soup_of(response)
    assert message in error_shown_next_to(soup, f"id_{field}")
    assert soup.title.string.startswith("Error: ")
    assert message in soup.select_one(".error-summary").get_text()
    # What was typed is still there, in every field.
    for name in ("name", "organisation", "email", "publication_name", "audience"):
        if data.get(name):
            assert soup.find(id=f"id_{name}")["value"] == data[name].strip()
    if data.get("message"):
        assert soup.find(id="id_message").get_text().strip() == data["message"]
    assert not PermissionRequest.objects.exists()
    assert mail.outbox == []


GENERAL_BAD_ARTICLE = {
    "no address": "",
    "unknown article": "http://testserver/articles/no-such-article/",
    "not an article page": "http://testserver/search/?q=nato",
    "home page": "http://testserver/",
    "another site": "https://elsewhere.example.net/articles/colombia-and-nato/",
    "our path on a look-alike host": "http://testserver.evil.example/articles/colombia-and-nato/",
    "user-info trick": "http://testserver@evil.example/articles/colombia-and-nato/",
    "not http": "ftp://testserver/articles/colombia-and-nato/",
    "broken address": "http://[testserver/articles/colombia-and-nato/",
    "too long": "http://testserver/articles/" + "x" * 500 + "/",
}


@pytest.mark.parametrize("address", GENERAL_BAD_ARTICLE.values(), ids=GENERAL_BAD_ARTICLE.keys())
def test_general_form_rejects_an_address_that_is_not_one_of_our_published_articles(client, article, address):
    response = client.post(request_url(), form_data(article_url=address))

    assert response.status_code == 200
    assert list(field_errors(response)) == ["article_url"]
    assert error_shown_next_to(soup_of(response), "id_article_url")
    if address:
        assert soup_of(response).find(id="id_article_url")["value"] == address.strip()
    assert not PermissionRequest.objects.exists()


@hidden_articles
def test_general_form_rejects_the_address_of_an_article_readers_cannot_see(client, publication, hidden):
    secret = CrossPostFactory(slug="not-yet", **hidden)

    response = client.post(request_url(), form_data(article_url="http://testserver" + secret.get_absolute_url()))

    assert "We have no published article at this address." in field_errors(response)["article_url"][0]
    assert not PermissionRequest.objects.exists()


def test_an_invalid_general_form_with_a_good_address_shows_that_articles_source_terms(client, article):
    response = client.post(
        request_url(), form_data(article_url="http://testserver" + article.get_absolute_url(), name="")
    )

    assert "Non-commercial reprints with a credit and a link." in soup_of(response).select_one(".reprint-terms").text


# --- CSRF, honeypot, header injection -------------------------------------------------------------


def test_post_without_csrf_token_is_refused(article):
    csrf_client = Client(enforce_csrf_checks=True)

    response = csrf_client.post(request_url(article), form_data())

    assert response.status_code == 403
    assert not PermissionRequest.objects.exists()
    assert mail.outbox == []


def test_post_with_the_pages_csrf_token_is_accepted(article):
    csrf_client = Client(enforce_csrf_checks=True)
    page = csrf_client.get(request_url(article))
    token = soup_of(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]

    response = csrf_client.post(request_url(article), form_data(csrfmiddlewaretoken=token))

    assert response.status_code == 302
    assert PermissionRequest.objects.count() == 1


def test_honeypot_looks_like_success_but_stores_and_sends_nothing(client, article):
    real = client.post(request_url(article), form_data())
    PermissionRequest.objects.all().delete()
    mail.outbox.clear()

    robot = client.post(request_url(article), form_data(website="https://cheap-pills.example/"))

    assert (robot.status_code, robot["Location"]) == (real.status_code, real["Location"])
    assert not PermissionRequest.objects.exists()
    assert mail.outbox == []


def test_honeypot_is_hidden_from_people_and_screen_readers(client, article):
    soup = soup_of(client.get(request_url(article)))
    trap = soup.find(id="id_website")

    assert trap.find_parent(class_="hp")["aria-hidden"] == "true"
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"


INJECTIONS = {
    "name, CRLF": {"name": "Ada\r\nBcc: victim@example.net"},
    "name, LF": {"name": "Ada\nCc: victim@example.net"},
    "name, unicode line separator": {"name": "Ada\u2028Bcc: victim@example.net"},
    "organisation, CRLF": {"organisation": "Press\r\nBcc: victim@example.net"},
    "publication, CR": {"publication_name": "Weekly\rBcc: victim@example.net"},
    "e-mail, CRLF": {"email": "ada@press.example.com\r\nBcc: victim@example.net"},
    "e-mail, LF": {"email": "ada@press.example.com\nvictim@example.net"},
    "e-mail, header fold": {"email": "ada@press.example.com\r\n Bcc: victim@example.net"},
}


@pytest.mark.parametrize("values", INJECTIONS.values(), ids=INJECTIONS.keys())
def test_line_breaks_in_single_line_fields_are_rejected_before_any_mail(client, article, values):
    response = client.post(request_url(article), form_data(**values))

    assert response.status_code == 200
    field = next(iter(values))
    assert field in field_errors(response)
    assert not PermissionRequest.objects.exists()
    assert mail.outbox == []


def test_mail_goes_only_to_the_partner_and_the_contact_whatever_was_typed(client, article):
    client.post(
        request_url(article),
        form_data(name="Ada Bcc: victim@example.net", organisation="To: victim@example.net"),
    )

    assert PermissionRequest.objects.count() == 1
    recipients = sorted(address for message in mail.outbox for address in message.recipients())
    assert recipients == sorted(["ada@press.example.com", CONTACT])
    for message in mail.outbox:
        headers = message.message()
        assert headers.get_all("Bcc") is None and headers.get_all("Cc") is None
        assert "\n" not in headers["Subject"] and "\r" not in headers["Subject"]
