"""Triage in the admin: the list, filters and search, decisions through the services, and who may do what."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from partners.models import PermissionRequest
from partners.models import RequestStatus
from tests.factories import ArticleFactory
from tests.factories import PermissionRequestFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:partners_permissionrequest_changelist")


def change_url(request):
    return reverse("admin:partners_permissionrequest_change", args=[request.pk])


def decision_buttons(soup):
    """The buttons that submit the decide form, wherever the page draws them."""
    return soup.select('button[form="decision-form"]')


def decide_url(request):
    return reverse("admin:partners_permissionrequest_decide", args=[request.pk])


def listed(response):
    return {obj.pk for obj in response.context["cl"].result_list}


@pytest.fixture
def staff(django_user_model):
    """A staff member with no permission on the partners app (e.g. a contributor)."""
    user = django_user_model.objects.create_user("staff", "staff@example.org", "a-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    return user


def with_permissions(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="partners", codename__in=codenames))
    return type(user).objects.get(pk=user.pk)  # fresh permission cache


# --- the list -------------------------------------------------------------------------------------


def test_list_shows_status_article_organisation_medium_date_and_notified(editor_client, article):
    PermissionRequestFactory(article=article, organisation="Partner Press", medium="broadcast", notified_at=None)

    response = editor_client.get(CHANGELIST)

    soup = BeautifulSoup(response.content, "html.parser")
    headers = [" ".join(th.get_text().split()) for th in soup.select("#result_list thead th")][1:]
    assert headers == ["Received", "Organisation", "Name", "Article", "Medium", "Status", "Editors notified"]
    row = " ".join(soup.select_one("#result_list tbody tr").get_text(" ").split())
    for expected in ("Partner Press", "Colombia and NATO", "Broadcast", "New"):
        assert expected in row
    assert soup.select_one("#result_list tbody tr img[alt='False']"), "not yet notified"


def test_list_runs_a_fixed_number_of_queries(editor_client, article, django_assert_max_num_queries):
    PermissionRequestFactory.create_batch(5, article=article)
    editor_client.get(CHANGELIST)  # warm the session and content-type caches
    PermissionRequestFactory.create_batch(15, article=ArticleFactory())

    with django_assert_max_num_queries(12):
        assert editor_client.get(CHANGELIST).status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=new", {"new"}),
        ("status=approved", {"approved"}),
        ("medium__exact=translation", {"approved"}),
        ("notified=no", {"unsent"}),
        ("notified=yes", {"new", "approved"}),
    ],
)
def test_list_filters(editor_client, article, query, expected):
    requests = {
        "new": PermissionRequestFactory(article=article, medium="print"),
        "approved": PermissionRequestFactory(article=article, medium="translation", status=RequestStatus.APPROVED),
        "unsent": PermissionRequestFactory(article=article, medium="print", notified_at=None, status="spam"),
    }

    response = editor_client.get(f"{CHANGELIST}?{query}")

    assert listed(response) == {requests[name].pk for name in expected}


@pytest.mark.parametrize("term", ["Grace", "Harbour Gazette", "grace@harbour.example", "Arctic"])
def test_list_search_by_name_organisation_email_and_article_title(editor_client, article, term):
    wanted = PermissionRequestFactory(
        name="Grace Hopper",
        organisation="Harbour Gazette",
        email="grace@harbour.example",
        article=ArticleFactory(title="Arctic shipping lanes"),
    )
    PermissionRequestFactory(article=article)

    assert listed(editor_client.get(CHANGELIST, {"q": term})) == {wanted.pk}


# --- the change page ------------------------------------------------------------------------------


def test_change_page_shows_everything_read_only_with_the_decision_buttons(editor_client, article):
    request = PermissionRequestFactory(article=article)

    response = editor_client.get(change_url(request))

    soup = BeautifulSoup(response.content, "html.parser")
    main_form = soup.find("form", id="permissionrequest_form")
    # The Decide panel is drawn inside the change form, but its controls submit the decision form (form="...").
    editable = {
        tag["name"]
        for tag in main_form.find_all(["input", "select", "textarea"])
        if tag.get("name") and tag.get("form") != "decision-form"
    }
    assert editable <= {"csrfmiddlewaretoken"}, "the partner's fields and the decision are read-only"
    assert main_form.find(attrs={"name": "_save"}) is None
    assert "Partner Press" in main_form.get_text()
    decision = soup.find("form", id="decision-form")
    assert decision["action"] == decide_url(request)
    assert decision.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert {button["value"] for button in decision_buttons(soup)} == {"approve", "decline", "spam"}
    assert soup.select_one('textarea[name="note"][form="decision-form"]')
    panel = soup.select_one("#content-main #permissionrequest_form #decision-panel")
    assert panel is not None, "the Decide panel sits in the main column, with the request's fieldsets"


def test_links_from_before_the_rename_lead_to_the_same_pages(editor_client, article):
    """Editors' e-mails and bookmarks from when the app was called `syndication` still open the request."""
    request = PermissionRequestFactory(article=article)

    response = editor_client.get(f"/admin/syndication/permissionrequest/{request.pk}/change/", {"_changelist": "1"})

    assert response.status_code == 301
    assert response["Location"] == change_url(request) + "?_changelist=1"
    assert editor_client.get(response["Location"]).status_code == 200
    assert editor_client.get("/admin/syndication/permissionrequest/")["Location"] == CHANGELIST


@pytest.mark.parametrize(
    ("decision", "status", "mail_subject"),
    [
        ("approve", RequestStatus.APPROVED, "Permission granted to republish “Colombia and NATO”"),
        ("decline", RequestStatus.DECLINED, "Your request to republish “Colombia and NATO”: our decision"),
        ("spam", RequestStatus.SPAM, None),
    ],
)
def test_decision_with_a_note_records_who_and_when(editor_client, editor, article, decision, status, mail_subject):
    request = PermissionRequestFactory(article=article)

    response = editor_client.post(decide_url(request), {"decision": decision, "note": "Checked with the author."})

    assert response.status_code == 302 and response["Location"] == change_url(request)
    request.refresh_from_db()
    assert request.status == status
    assert request.decision_note == "Checked with the author."
    assert request.decided_by == editor and request.decided_at is not None
    assert [message.subject for message in mail.outbox] == ([mail_subject] if mail_subject else [])
    assert LogEntry.objects.filter(object_id=str(request.pk), user=editor).exists()

    page = BeautifulSoup(editor_client.get(change_url(request)).content, "html.parser")
    decided = " ".join(page.select_one(".field-decided_by").get_text().split())
    assert "editor" in decided
    assert page.select_one(".field-decided_at .readonly").get_text(strip=True) not in ("", "-")
    assert "Checked with the author." in page.select_one(".field-decision_note").get_text()


def test_a_failed_kit_mail_is_reported_to_the_editor(editor_client, article, settings):
    request = PermissionRequestFactory(article=article)
    settings.EMAIL_BACKEND = "tests.partners.backends.FailingEmailBackend"

    response = editor_client.post(decide_url(request), {"decision": "approve", "note": ""}, follow=True)

    assert "could not be sent now" in response.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED and request.decision_sent_at is None


def test_the_same_decision_twice_shows_an_error_and_changes_nothing(editor_client, editor, article):
    request = PermissionRequestFactory(article=article, status=RequestStatus.DECLINED, decision_note="First.")

    response = editor_client.post(decide_url(request), {"decision": "decline", "note": "Second."}, follow=True)

    assert "already marked" in response.content.decode()
    request.refresh_from_db()
    assert request.decision_note == "First."


def test_revoke_and_reissue_the_kit_from_the_change_page(editor_client, editor, article, client):
    request = PermissionRequestFactory(article=article)
    editor_client.post(decide_url(request), {"decision": "approve"})
    request.refresh_from_db()
    old_kit = request.get_kit_path()
    page = BeautifulSoup(editor_client.get(change_url(request)).content, "html.parser")
    assert page.find("a", href=f"http://testserver{old_kit}"), "the editor sees the partner's link"
    assert {b["value"] for b in decision_buttons(page)} == {"decline", "spam", "revoke_kit"}

    editor_client.post(decide_url(request), {"decision": "revoke_kit"})
    assert client.get(old_kit).status_code == 410
    page = BeautifulSoup(editor_client.get(change_url(request)).content, "html.parser")
    assert "reissue_kit" in {b["value"] for b in decision_buttons(page)}

    mail.outbox.clear()
    editor_client.post(decide_url(request), {"decision": "reissue_kit"})
    request.refresh_from_db()
    assert request.get_kit_path() != old_kit
    assert client.get(request.get_kit_path()).status_code == 200
    assert client.get(old_kit).status_code == 404
    assert [message.to for message in mail.outbox] == [[request.email]]
    assert request.get_kit_path() in mail.outbox[0].body


def test_there_is_no_add_page(editor_client):
    assert editor_client.get(reverse("admin:partners_permissionrequest_add")).status_code == 403


def test_decide_only_accepts_post(editor_client, article):
    request = PermissionRequestFactory(article=article)

    assert editor_client.get(decide_url(request)).status_code == 405


# --- who may do what ------------------------------------------------------------------------------


def test_staff_without_partners_permissions_get_403(client, staff, article):
    request = PermissionRequestFactory(article=article)
    client.force_login(staff)

    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(request)).status_code == 403
    assert client.post(decide_url(request), {"decision": "approve"}).status_code == 403
    request.refresh_from_db()
    assert request.status == RequestStatus.NEW
    assert mail.outbox == []


def test_view_only_staff_see_requests_but_cannot_decide(client, staff, article):
    request = PermissionRequestFactory(article=article)
    client.force_login(with_permissions(staff, "view_permissionrequest"))

    assert client.get(CHANGELIST).status_code == 200
    page = client.get(change_url(request))
    assert page.status_code == 200
    assert BeautifulSoup(page.content, "html.parser").find("form", id="decision-form") is None
    assert client.post(decide_url(request), {"decision": "approve"}).status_code == 403
    request.refresh_from_db()
    assert request.status == RequestStatus.NEW


def test_staff_with_change_permission_can_decide(client, staff, article):
    request = PermissionRequestFactory(article=article)
    client.force_login(with_permissions(staff, "view_permissionrequest", "change_permissionrequest"))

    client.post(decide_url(request), {"decision": "approve", "note": ""})

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED and request.decided_by == staff


def test_anonymous_visitors_are_sent_to_the_login_page(client, article):
    request = PermissionRequestFactory(article=article)

    response = client.post(decide_url(request), {"decision": "approve"})

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert PermissionRequest.objects.get().status == RequestStatus.NEW
