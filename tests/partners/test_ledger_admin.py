"""The ledger in the admin, as an editor by group membership (not a superuser) uses it.

Where each article was republished and by whom, how often it was read, whether it credits us; the
article's and the request's pages list their reprints; editors add copies found another way, check
credits again, and write to the partner, whose message a background task sends.
"""

import csv
import datetime
import io
from unittest.mock import ANY

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats
from django.utils import timezone

from partners.models import CreditStatus
from partners.models import FoundBy
from partners.models import Reprint
from partners.models import ReprintDay
from partners.models import ReprintMessage
from partners.services import permission_request_approve
from tests.factories import CrossPostFactory
from tests.factories import PermissionRequestFactory

from .reprint_pages import copy_page

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:partners_reprint_changelist")
ADD = reverse("admin:partners_reprint_add")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a request queues at its commit (tasks run at once in the tests), as the real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def eddie(client, editor_member):
    client.force_login(editor_member)
    return client


def reprint_with_views(article, request, url, views_by_days_ago, **fields):
    reprint = Reprint.objects.create(article=article, permission_request=request, page_url=url, **fields)
    today = timezone.localdate()
    for days_ago, views in views_by_days_ago.items():
        ReprintDay.objects.create(reprint=reprint, day=today - datetime.timedelta(days=days_ago), views=views)
    return reprint


@pytest.fixture
def ledger(crosspost, editor):
    weekly = permission_request_approve(
        request=PermissionRequestFactory(article=crosspost, organisation="Partner Weekly"), by=editor
    )
    other_article = CrossPostFactory(title="Another article")
    daily = permission_request_approve(
        request=PermissionRequestFactory(article=other_article, organisation="Daily Echo"), by=editor
    )
    return {
        "weekly": weekly,
        "daily": daily,
        "ports": reprint_with_views(
            crosspost,
            weekly,
            "https://weekly.example.com/ports/",
            {0: 5, 3: 10, 45: 100},
            credit_status=CreditStatus.MISSING,
            credit_problems=["No link back to the article on our site: http://testserver/articles/ports/"],
        ),
        "echo": reprint_with_views(
            other_article, daily, "https://echo.example.net/a/", {1: 7}, credit_status=CreditStatus.COMPLIANT
        ),
    }


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("#result_list")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td, th")] for row in table.select("tbody tr")]


def test_the_ledger_lists_where_each_article_was_republished_by_whom_and_how_often(eddie, ledger, crosspost):
    response = eddie.get(CHANGELIST)

    assert response.status_code == 200
    by_page = {row[2]: row[1:] for row in rows(response)}
    today = formats.date_format(timezone.localdate())
    assert by_page["weekly.example.com/ports/"] == [
        crosspost.title,
        "weekly.example.com/ports/",
        "Partner Weekly",
        "115",  # in all
        "15",  # in the last 30 days
        today,
        "Credits missing (1)",
    ]
    assert by_page["echo.example.net/a/"][2:] == ["Daily Echo", "7", "7", ANY, "Credits complete"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", href="https://weekly.example.com/ports/") is not None


def test_the_ledgers_queries_do_not_grow_with_its_rows(eddie, ledger, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        eddie.get(CHANGELIST)
    for n in range(10):
        reprint_with_views(ledger["echo"].article, ledger["daily"], f"https://echo.example.net/{n}/", {0: n})
    with django_assert_max_num_queries(12):
        assert eddie.get(CHANGELIST).status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"credit_status__exact": "missing"}, ["ports"]),
        ({"credit_status__exact": "compliant"}, ["echo"]),
        ({"partner": "Daily Echo"}, ["echo"]),
        ({"partner": "-"}, []),
        ({"q": "weekly.example"}, ["ports"]),
    ],
)
def test_the_ledger_filters_by_credits_partner_and_page(eddie, ledger, query, expected):
    response = eddie.get(CHANGELIST, query)
    assert {obj.pk for obj in response.context["cl"].result_list} == {ledger[name].pk for name in expected}


def test_the_ledger_filters_by_article(eddie, ledger, crosspost):
    response = eddie.get(CHANGELIST, {"article__id__exact": crosspost.pk})
    assert [obj.pk for obj in response.context["cl"].result_list] == [ledger["ports"].pk]


def test_a_reprints_page_is_read_only_with_its_views_by_day_and_credits(eddie, ledger):
    response = eddie.get(reverse("admin:partners_reprint_change", args=[ledger["ports"].pk]))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("input[name=_save]") is None
    assert soup.select_one("input[name=page_url]") is None
    assert "No link back" in soup.get_text()
    days = [[cell.get_text(strip=True) for cell in row.select("td")] for row in soup.select("#views-by-day tbody tr")]
    assert [views for _, views in days] == ["5", "10", "100"]
    assert soup.select_one('button[form="check-form"]') is not None
    assert soup.find("a", href=reverse("admin:partners_reprint_write", args=[ledger["ports"].pk])) is not None


def test_a_post_to_a_reprints_page_changes_nothing(eddie, ledger):
    reprint = ledger["ports"]
    url = reverse("admin:partners_reprint_change", args=[reprint.pk])
    eddie.post(url, {"page_url": "https://elsewhere.example/"})
    reprint.refresh_from_db()
    assert reprint.page_url == "https://weekly.example.com/ports/"


def test_the_articles_admin_page_lists_its_reprints(eddie, ledger, crosspost):
    response = eddie.get(reverse("admin:articles_article_change", args=[crosspost.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.select_one("#reprints-panel")
    assert panel is not None
    cells = [cell.get_text(strip=True) for cell in panel.select("tbody td")]
    assert cells[:5] == ["https://weekly.example.com/ports/", "Partner Weekly", "115", "15", cells[4]]
    assert "echo.example.net" not in panel.get_text()
    link = panel.find("a", href=reverse("admin:partners_reprint_change", args=[ledger["ports"].pk]))
    assert link is not None


def test_a_contributor_sees_no_reprints_on_the_article_page(client, contributor, crosspost):
    crosspost.created_by = contributor
    crosspost.status = "draft"
    crosspost.save()
    client.force_login(contributor)
    response = client.get(reverse("admin:articles_article_change", args=[crosspost.pk]))
    assert response.status_code == 200
    assert b"reprints-panel" not in response.content
    assert client.get(CHANGELIST).status_code == 403


def test_the_permission_requests_page_lists_its_reprints(eddie, ledger):
    response = eddie.get(reverse("admin:partners_permissionrequest_change", args=[ledger["weekly"].pk]))
    panel = BeautifulSoup(response.content, "html.parser").select_one("#reprints-panel")
    assert "https://weekly.example.com/ports/" in panel.get_text() and "echo.example.net" not in panel.get_text()


# --- copies found another way ----------------------------------------------------------------------


def test_an_editor_adds_a_copy_found_another_way_and_it_is_checked(eddie, crosspost, origin, committed):
    origin.page("/copy/", copy_page(canonical=None))

    with committed():
        response = eddie.post(
            ADD, {"article": crosspost.pk, "page_url": origin.url("/copy/"), "permission_request": ""}
        )

    assert response.status_code == 302
    reprint = Reprint.objects.get()
    assert (reprint.article, reprint.found_by, reprint.permission_request) == (crosspost, FoundBy.EDITOR, None)
    assert reprint.credit_status == CreditStatus.MISSING and "canonical" in reprint.credit_problems[0]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"page_url": ""}, "Enter the address"),
        ({"page_url": "javascript:alert(1)"}, "Enter a valid URL"),
        ({"page_url": "https://weekly.example.com/ports/"}, "already"),
    ],
)
def test_a_bad_copy_is_refused_with_a_clear_error(eddie, ledger, crosspost, data, error):
    Reprint.objects.create(article=crosspost, page_url="https://weekly.example.com/ports/", found_by="editor")
    before = Reprint.objects.count()
    response = eddie.post(ADD, {"article": crosspost.pk, "permission_request": "", **data})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert Reprint.objects.count() == before


def test_a_request_for_another_article_is_refused(eddie, ledger, crosspost):
    response = eddie.post(
        ADD, {"article": crosspost.pk, "permission_request": ledger["daily"].pk, "page_url": "https://x.example/"}
    )
    assert response.status_code == 200 and "another article" in response.content.decode()
    assert not Reprint.objects.filter(page_url="https://x.example/").exists()


# --- check now, and write to the partner ------------------------------------------------------------


def test_check_now_reads_the_copy_again(eddie, crosspost, origin, committed):
    origin.page("/copy/", copy_page())
    reprint = Reprint.objects.create(
        article=crosspost, page_url=origin.url("/copy/"), found_by="editor", credit_status=CreditStatus.MISSING
    )

    with committed():
        response = eddie.post(reverse("admin:partners_reprint_check", args=[reprint.pk]))

    assert response.status_code == 302
    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.COMPLIANT and reprint.credit_problems == []


def test_check_now_as_an_action_on_the_list(eddie, crosspost, origin, committed):
    origin.page("/copy/", copy_page(title="Another title"))
    reprint = Reprint.objects.create(article=crosspost, page_url=origin.url("/copy/"), found_by="editor")

    with committed():
        eddie.post(CHANGELIST, {"action": "check_now", "_selected_action": [reprint.pk]})

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.MISSING and "title" in reprint.credit_problems[0]


def test_writing_to_the_partner_starts_from_what_is_missing(eddie, ledger):
    reprint = ledger["ports"]
    response = eddie.get(reverse("admin:partners_reprint_write", args=[reprint.pk]))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["to"] == ledger["weekly"].email
    assert "No link back to the article on our site" in form.initial["body"]
    assert "https://weekly.example.com/ports/" in form.initial["body"]
    assert ledger["weekly"].get_kit_path() in form.initial["body"]  # the kit is still live: its page is offered
    assert "Ports, power and politics" in form.initial["subject"]


def test_the_message_is_sent_by_the_task_as_the_editor_wrote_it_and_logged(eddie, ledger, editor_member, committed):
    reprint = ledger["ports"]
    mail.outbox.clear()
    with committed() as callbacks:
        response = eddie.post(
            reverse("admin:partners_reprint_write", args=[reprint.pk]),
            {
                "to": "desk@weekly.example.com",
                "subject": "Our credits,\nplease",
                "body": "Please add the link back:\nhttp://testserver/articles/ports/",
            },
        )

    assert response.status_code == 302
    assert len(callbacks) == 1  # queued once the message was committed, not inside the request's transaction
    [sent] = mail.outbox
    assert sent.to == ["desk@weekly.example.com"]
    assert sent.subject == "Our credits, please"
    assert "Please add the link back" in sent.body and "http://testserver/articles/ports/" in sent.body
    message = ReprintMessage.objects.get()
    assert message.sent_at is not None and message.written_by == editor_member and message.reprint == reprint
    assert LogEntry.objects.filter(object_id=str(reprint.pk), change_message__contains="desk@weekly").exists()
    page = eddie.get(reverse("admin:partners_reprint_change", args=[reprint.pk]))
    assert "Our credits, please" in page.content.decode()


def test_a_message_without_an_address_is_refused_and_nothing_is_sent(eddie, ledger):
    mail.outbox.clear()
    response = eddie.post(
        reverse("admin:partners_reprint_write", args=[ledger["ports"].pk]),
        {"to": "not an address", "subject": "x", "body": "y"},
    )
    assert response.status_code == 200 and "valid email" in response.content.decode()
    assert not ReprintMessage.objects.exists() and mail.outbox == []


def test_a_message_the_mail_server_refuses_stays_unsent(ledger, settings, editor_member):
    from partners import tasks
    from partners.services import reprint_message_send

    settings.EMAIL_BACKEND = "tests.partners.backends.FailingEmailBackend"
    message = reprint_message_send(reprint=ledger["ports"], to="a@b.example", subject="s", body="b", by=editor_member)

    assert tasks.send_reprint_message.enqueue(message.pk).return_value is False
    message.refresh_from_db()
    assert message.sent_at is None


# --- the ledger as a spreadsheet -------------------------------------------------------------------------


def download(client, reprints):
    return client.post(CHANGELIST, {"action": "download_csv", "_selected_action": [reprint.pk for reprint in reprints]})


def test_an_editor_downloads_the_chosen_rows_of_the_ledger_as_a_spreadsheet(eddie, ledger):
    response = download(eddie, [ledger["ports"], ledger["echo"]])

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="reprints-')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert header[:3] == ["Article", "Article address", "Page"] and "Views, last 30 days" in header
    by_page = {row[2]: dict(zip(header, row, strict=True)) for row in rows}
    ports = by_page["https://weekly.example.com/ports/"]
    assert ports["Article"] == "Ports, power and politics"
    assert ports["Article address"] == "http://testserver" + ledger["ports"].article.get_absolute_url()
    assert (ports["Partner"], ports["Views"], ports["Views, last 30 days"]) == ("Partner Weekly", "115", "15")
    assert ports["Last seen"] == timezone.localdate().isoformat()
    assert ports["Credits"] == "Credits missing" and ports["Missing credits"].startswith("No link back")
    assert by_page["https://echo.example.net/a/"]["Partner"] == "Daily Echo"


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(eddie, ledger):
    request = ledger["daily"]
    request.organisation = '=HYPERLINK("https://evil.example/","Click")'
    request.save()

    text = download(eddie, [ledger["echo"]]).content.decode("utf-8").removeprefix("\ufeff")

    (_, row) = list(csv.reader(io.StringIO(text)))
    assert '\'=HYPERLINK("https://evil.example/","Click")' in row
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row)


def test_select_all_downloads_every_row_the_filters_show(eddie, ledger):
    data = {"action": "download_csv", "select_across": "1", "_selected_action": [ledger["ports"].pk]}
    response = eddie.post(CHANGELIST + "?credit_status__exact=compliant", data)

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").removeprefix("\ufeff"))))[1:]
    assert [row[2] for row in rows] == ["https://echo.example.net/a/"]


def test_the_spreadsheet_costs_the_same_for_one_row_or_twenty(eddie, ledger):
    def cost(reprints):
        with CaptureQueriesContext(connection) as queries:
            assert download(eddie, reprints).status_code == 200
        return len(queries)

    one = cost([ledger["ports"]])
    many = [
        reprint_with_views(ledger["ports"].article, ledger["weekly"], f"https://weekly.example.com/{number}/", {1: 2})
        for number in range(20)
    ]
    assert cost(many) == one
