"""Background work of the permission workflow: its e-mails are sent here, never in a reader's request.

Run by `manage.py db_worker` in production (django-tasks' database backend, on the site's own
database); `make run` and the tests run tasks at once (the immediate backend).
"""

import datetime

from django_tasks import task

from core.tasks import retry_later

from . import mail
from .models import PermissionRequest

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
