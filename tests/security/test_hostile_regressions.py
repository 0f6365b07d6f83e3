"""Requests from outside that used to end in a 500 (issue 14), each answered with a 4xx now.

Run on SQLite and on PostgreSQL: a NUL byte passes SQLite but PostgreSQL refuses it in any text.
The page-number reproductions (a page past the last kept in the page cache) are pinned in
tests/articles/test_archives.py, tests/articles/test_search.py and tests/pagecache.
"""

import time
from wsgiref.util import setup_testing_defaults

import pytest
from axes.models import AccessAttempt
from axes.models import AccessFailureLog
from bs4 import BeautifulSoup
from django.core.management import get_commands
from django.core.management import load_command_class
from django.db import connection
from django.test import Client
from django.test import override_settings
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.partners.conftest import form_data

pytestmark = pytest.mark.django_db

TOO_MANY_PARAMETERS = "&".join(f"p{index}=1" for index in range(1200))


@pytest.fixture
def client():
    """A 500 shows as a status, as a reader would see it, rather than as the exception."""
    return Client(raise_request_exception=False)


def csrf_token_of(client, url):
    page = client.get(url)
    return BeautifulSoup(page.content, "html.parser").find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]


def test_a_search_page_number_beyond_any_offset_is_not_found(client):
    ArticleFactory(title="Fisheries in the North Sea")
    response = client.get(reverse("articles:search"), QUERY_STRING="q=fisheries&page=1000000000000000000")
    assert response.status_code == 404


def test_a_nul_byte_in_a_kit_address_is_a_bad_request(client):
    assert client.get("/republish/kit/%00/").status_code == 400


def test_a_nul_byte_decoded_from_a_pasted_address_never_reaches_the_database():
    article = ArticleFactory()
    csrf_client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    token = csrf_token_of(csrf_client, reverse("partners:request"))
    # Sent as `article_url=/articles/a%2500b/`: the form reads "%00" and decodes it.
    data = form_data(article_url="/articles/a%00b/", csrfmiddlewaretoken=token)
    sent = []

    def record(execute, sql, params, many, context):
        sent.extend(str(param) for param in params or ())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = csrf_client.post(reverse("partners:request"), data)
    assert response.status_code == 200
    assert "We have no published article at this address" in response.content.decode()
    assert not any("\x00" in param for param in sent), "a NUL byte was sent to the database"
    assert article.permission_requests.count() == 0


@pytest.mark.parametrize("url", ["/admin/login/", "/republish/", "/search/"])
@pytest.mark.parametrize(
    "charset", ["utf-16", "UTF-32", "utf-16-le", "cp500", "no-such-charset", "latin-1", "us-ascii", "utf8", ""]
)
def test_a_form_in_a_charset_other_than_utf_8_is_refused(url, charset):
    csrf_client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    token = csrf_token_of(csrf_client, reverse("partners:request"))
    body = f"csrfmiddlewaretoken={token}&username=editor&password=secret".encode("utf-16")
    response = csrf_client.generic(
        "POST",
        url,
        body,
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
        HTTP_REFERER="http://testserver/admin/login/",
    )
    assert response.status_code == 415


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8"])
def test_a_form_in_utf_8_is_read(client, charset):
    response = client.generic(
        "POST",
        "/admin/login/",
        b"username=editor&password=wrong",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 200 and b"Please enter the correct" in response.content


def test_an_overlong_user_name_is_refused_by_the_sign_in_form_before_it_is_recorded(client):
    response = client.post(reverse("admin:login"), {"username": "a" * 10_000, "password": "wrong"})
    assert response.status_code == 200
    assert "Ensure this value has at most 150 characters" in response.content.decode()
    assert not AccessAttempt.objects.exists() and not AccessFailureLog.objects.exists()


def test_a_nul_byte_in_an_admin_filter_is_a_bad_request(editor_client):
    editor_client.raise_request_exception = False
    response = editor_client.get(reverse("admin:articles_article_changelist"), QUERY_STRING="status=%00")
    assert response.status_code == 400


@pytest.mark.parametrize("query", ["q=a%00", "q=%1b[31m", "q=a\x00b", "x=%7F", "%00=1"])
def test_control_characters_in_the_query_string_are_a_bad_request(client, query):
    assert client.get("/", QUERY_STRING=query).status_code == 400


@pytest.mark.parametrize("query", ["q=two%0D%0Alines", "q=tab%09bed", "q=caf%C3%A9"])
def test_tabs_and_line_breaks_in_the_query_string_are_still_read(client, query):
    assert client.get(reverse("articles:search"), QUERY_STRING=query).status_code == 200


@pytest.mark.parametrize("debug", [True, False])
def test_too_many_query_parameters_are_a_quick_bad_request(client, settings, debug):
    settings.DEBUG = debug  # as `make run` (config.settings.local) and production
    started = time.monotonic()
    response = client.get("/", QUERY_STRING=TOO_MANY_PARAMETERS)
    assert response.status_code == 400
    assert time.monotonic() - started < 2


def runserver_response(path):
    """What `manage.py runserver` answers (its handler, static files included, as `make run` starts it)."""
    command = load_command_class(get_commands()["runserver"], "runserver")
    options = vars(command.create_parser("manage.py", "runserver").parse_args([]))
    handler = command.get_handler(**options)
    environ = {"PATH_INFO": path, "HTTP_HOST": "127.0.0.1"}
    setup_testing_defaults(environ)
    statuses = []
    body = b"".join(handler(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    return int(statuses[0].split()[0]), body


# Outside a test transaction: the real handler closes a connection left in one when a request starts.
@pytest.mark.django_db(transaction=True)
@override_settings(DEBUG=True)
@pytest.mark.parametrize("path", ["/static/../", "/static/../../etc/passwd", "/static/..%2f"])
def test_a_static_path_outside_the_static_folders_is_not_found_under_runserver(path):
    status, body = runserver_response(path)
    assert 400 <= status < 500, body[:300]


@pytest.mark.parametrize("path", ["/static/../", "/static/../../etc/passwd"])
def test_a_static_path_outside_the_static_folders_is_not_found(client, path):
    assert 400 <= client.get(path).status_code < 500
