"""Background work of the permission workflow: its e-mails are sent here, never in a reader's request.

Run by `manage.py db_worker` in production (django-tasks' database backend, on the site's own
database); `make run` and the tests run tasks at once (the immediate backend).
"""

import datetime
import logging

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from attribution.credits import republication_kit
from attribution.models import PublicationSettings
from core import fetching
from core.tasks import retry_later

from . import mail
from .credit_check import check_credits
from .models import CreditStatus, PermissionRequest, Reprint, ReprintMessage

logger = logging.getLogger(__name__)

# After a failed attempt the task tries again this much later; after the last, the e-mail stays
# pending (the admin's "Editors notified: no" filter lists it) until `send_pending_notifications`
# next runs (queued hourly by `manage.py send_pending_notifications`, from a systemd timer or cron).
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=10),
    datetime.timedelta(hours=1),
    datetime.timedelta(hours=6),
)


@task()
def send_permission_request_mail(request_id: int, attempt: int = 1) -> list[str]:
    """Send what request `request_id` still owes; returns the columns still pending after this attempt."""
    permission_request = PermissionRequest.objects.select_related("article").filter(pk=request_id).first()
    if permission_request is None:
        return []  # deleted in the meantime: nothing is owed to anyone
    failed = mail.send_owed(permission_request)
    if failed:
        retry_later(send_permission_request_mail, attempt, RETRY_DELAYS, request_id)
    return failed


class MailStillPending(Exception):
    """Some requests' e-mail was refused again: the sweep is recorded as failed, saying how many."""


@task()
def send_pending_notifications() -> int:
    """Send every permission-request e-mail still pending, oldest first; returns how many requests had some.

    The safety net after each request's own retries, and for requests stored while no worker ran.
    Running it twice sends nothing twice: each message's "sent at" column is set once it has gone.
    """
    pending = PermissionRequest.objects.needing_mail().select_related("article").order_by("created_at", "pk")
    attempted = failed = 0
    for permission_request in pending.iterator():
        attempted += 1
        if mail.send_owed(permission_request):
            failed += 1
    if failed:
        raise MailStillPending(f"{failed} of {attempted} requests still have unsent e-mail; they stay pending.")
    return attempted


# --- The republication ledger: credit checks and messages to partners -------------------------------

# A page that could not be read for a reason that may pass (a timeout, the host's request limit) is
# tried again this much later; one refused for good (robots.txt, a private address) is not.
CHECK_RETRY_DELAYS = (datetime.timedelta(minutes=10), datetime.timedelta(hours=2))


def _kit(article):
    publication = PublicationSettings.get_solo()
    return republication_kit(article, publication=publication, our_url=mail.absolute_url(article.get_absolute_url()))


@task()
def check_reprint(reprint_id: int, attempt: int = 1) -> str:
    """Fetch a republished copy and record whether it carries every credit our terms require; returns the status."""
    reprint = Reprint.objects.select_related("article", "article__source").filter(pk=reprint_id).first()
    if reprint is None or not reprint.page_url:
        return ""  # deleted, or a page whose address we never learnt: nothing to read
    outcome = {"credit_checked_at": timezone.now(), "credit_problems": [], "credit_error": ""}
    try:
        page = fetching.fetch(reprint.page_url)
    except fetching.FetchRefused as refused:
        outcome.update(credit_status=CreditStatus.FETCH_FAILED, credit_error=refused.reason)
        if refused.transient:
            retry_later(check_reprint, attempt, CHECK_RETRY_DELAYS, reprint_id)
    else:
        if page.status != 200:
            error = f"The page answered with HTTP status {page.status}."
            outcome.update(credit_status=CreditStatus.FETCH_FAILED, credit_error=error)
        else:
            report = check_credits(page.text, page_url=page.final_url, kit=_kit(reprint.article))
            status = CreditStatus.COMPLIANT if report.compliant else CreditStatus.MISSING
            outcome.update(credit_status=status, credit_problems=report.messages)
    Reprint.objects.filter(pk=reprint_id).update(**outcome)
    return outcome["credit_status"]


@task()
def check_reprints_due() -> int:
    """Queue a credit check of every copy not checked for REPRINT_CHECK_INTERVAL_DAYS; returns how many."""
    due = timezone.now() - datetime.timedelta(days=settings.REPRINT_CHECK_INTERVAL_DAYS)
    reprints = Reprint.objects.checkable().filter(Q(credit_checked_at=None) | Q(credit_checked_at__lt=due))
    queued = 0
    for reprint_id in reprints.order_by("credit_checked_at", "pk").values_list("pk", flat=True).iterator():
        check_reprint.enqueue(reprint_id)
        queued += 1
    return queued


@task()
def send_reprint_message(message_id: int, attempt: int = 1) -> bool:
    """Send an editor's message about a reprint's credits to the partner; True once the mail server took it."""
    message = ReprintMessage.objects.filter(pk=message_id).first()
    if message is None or message.sent_at is not None:
        return message is not None  # deleted, or already sent: never twice
    try:
        mail.reprint_message(message, PublicationSettings.get_solo()).send()
    except mail.MAIL_ERRORS:
        logger.exception("Reprint message %s not sent; trying again later.", message_id)
        retry_later(send_reprint_message, attempt, RETRY_DELAYS, message_id)
        return False
    ReprintMessage.objects.filter(pk=message_id).update(sent_at=timezone.now())
    return True
