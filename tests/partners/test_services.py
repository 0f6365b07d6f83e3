"""Nothing lost: a request is committed before any e-mail, and unsent e-mail is retried."""

import pytest
from django.core import mail
from django.core.management import CommandError
from django.core.management import call_command
from django.test import Client

from partners.models import PermissionRequest
from partners.models import RequestStatus
from partners.services import permission_request_approve
from partners.services import permission_request_decline
from partners.services import permission_request_mark_spam
from tests.factories import PermissionRequestFactory

from .backends import WitnessEmailBackend
from .conftest import CONTACT
from .conftest import form_data
from .conftest import request_url

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
FAILING = ["tests.partners.backends.FailingEmailBackend", "tests.partners.backends.RefusingEmailBackend"]


@pytest.mark.django_db(transaction=True)
def test_the_request_is_committed_before_any_email_is_sent(article, settings):
    settings.EMAIL_BACKEND = "tests.partners.backends.WitnessEmailBackend"
    WitnessEmailBackend.sightings.clear()

    response = Client().post(request_url(article), form_data())

    assert response.status_code == 302
    assert len(WitnessEmailBackend.sightings) == 2
    for sighting in WitnessEmailBackend.sightings:
        assert sighting == {**sighting, "in_transaction": False, "stored": 1}


@pytest.mark.django_db
@pytest.mark.parametrize("backend", FAILING, ids=["smtp error", "connection refused"])
def test_a_mail_failure_keeps_the_request_marked_not_yet_notified(client, article, settings, backend, caplog):
    settings.EMAIL_BACKEND = backend

    response = client.post(request_url(article), form_data())

    # The partner still sees the confirmation: the request is safe with us.
    assert response.status_code == 302
    assert response["Location"].endswith("/thank-you/")
    stored = PermissionRequest.objects.get()
    assert stored.notified_at is None
    assert stored.acknowledged_at is None
    assert "stays pending" in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("backend", FAILING, ids=["smtp error", "connection refused"])
def test_send_pending_notifications_sends_what_failed_and_only_that(client, article, settings, backend):
    settings.EMAIL_BACKEND = backend
    client.post(request_url(article), form_data())
    PermissionRequestFactory(article=article)  # its e-mails went long ago

    with pytest.raises(CommandError, match="1 of 1 requests still have unsent e-mail"):
        call_command("send_pending_notifications")
    assert PermissionRequest.objects.filter(notified_at__isnull=True).count() == 1

    settings.EMAIL_BACKEND = LOCMEM
    call_command("send_pending_notifications")

    assert sorted(message.to[0] for message in mail.outbox) == sorted([CONTACT, "ada@press.example.com"])
    assert not PermissionRequest.objects.filter(notified_at__isnull=True).exists()
    assert not PermissionRequest.objects.filter(acknowledged_at__isnull=True).exists()

    mail.outbox.clear()
    call_command("send_pending_notifications")
    assert mail.outbox == [], "nothing is sent twice"


@pytest.mark.django_db
def test_only_the_failed_mail_is_retried(client, article, settings):
    """The editors' notice went, the partner's acknowledgement did not: the retry sends just that one."""
    PermissionRequestFactory(article=article, email="ada@press.example.com", acknowledged_at=None)

    call_command("send_pending_notifications")

    assert [message.to for message in mail.outbox] == [["ada@press.example.com"]]


@pytest.mark.django_db
def test_spam_is_never_mailed_by_the_retry(article, editor, settings):
    request = PermissionRequestFactory(article=article, notified_at=None, acknowledged_at=None)
    permission_request_mark_spam(request=request, by=editor)

    call_command("send_pending_notifications")

    assert mail.outbox == []


@pytest.mark.django_db
def test_a_failed_kit_email_is_retried_and_the_approval_stands(article, editor, settings):
    request = PermissionRequestFactory(article=article)
    settings.EMAIL_BACKEND = FAILING[0]

    permission_request_approve(request=request, by=editor, note="Go ahead.")

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert request.decision_sent_at is None
    settings.EMAIL_BACKEND = LOCMEM
    call_command("send_pending_notifications")
    assert [message.subject for message in mail.outbox] == ["Permission granted to republish “Colombia and NATO”"]
    request.refresh_from_db()
    assert request.decision_sent_at is not None


# --- decisions ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_approve_records_who_when_and_the_note(article, editor):
    request = PermissionRequestFactory(article=article)

    permission_request_approve(request=request, by=editor, note="Please credit the photo too.")

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert request.decided_by == editor
    assert request.decided_at is not None
    assert request.decision_note == "Please credit the photo too."
    assert request.decision_sent_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("decide", "status", "mails"),
    [(permission_request_decline, RequestStatus.DECLINED, 1), (permission_request_mark_spam, RequestStatus.SPAM, 0)],
)
def test_decline_tells_the_partner_and_spam_tells_no_one(article, editor, decide, status, mails):
    request = PermissionRequestFactory(article=article)

    decide(request=request, by=editor, note="Out of scope.")

    request.refresh_from_db()
    assert (request.status, request.decided_by, request.decision_note) == (status, editor, "Out of scope.")
    assert len(mail.outbox) == mails


@pytest.mark.django_db
def test_the_same_decision_twice_is_refused(article, editor):
    from django.core.exceptions import ValidationError

    request = PermissionRequestFactory(article=article)
    permission_request_approve(request=request, by=editor)

    with pytest.raises(ValidationError, match="already"):
        permission_request_approve(request=request, by=editor)
