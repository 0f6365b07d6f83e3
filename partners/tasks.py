"""Background work of the permission workflow: its e-mails are sent here, never in a reader's request.

Run by `manage.py db_worker` in production (django-tasks' database backend, on the site's own
database); `make run` and the tests run tasks at once (the immediate backend).
"""

import datetime

from django.utils import timezone
from django_tasks import task

from . import mail
from .models import PermissionRequest

# After a failed attempt the task tries again this much later; after the last, the e-mail stays
# pending (the admin's "Editors notified: no" filter lists it) until `send_pending_notifications`.
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
    retry = send_permission_request_mail
    if failed and attempt <= len(RETRY_DELAYS) and retry.get_backend().supports_defer:
        later = retry.using(run_after=timezone.now() + RETRY_DELAYS[attempt - 1])
        later.enqueue(request_id, attempt=attempt + 1)
    return failed
