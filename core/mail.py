"""Mail that cannot hold anyone up: an SMTP backend with an overall deadline, and error reports sent by a task.

`EMAIL_TIMEOUT` bounds each step of an SMTP conversation; a server that answers every command just
inside it (connect, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, QUIT…) could still keep a sender for
minutes. `DeadlineEmailBackend` also ends the whole conversation after `EMAIL_DEADLINE` seconds, by
giving every read and write on the socket only the time left.
"""

import functools
import smtplib
import time

from django.conf import settings
from django.core.mail import mail_admins
from django.core.mail.backends.smtp import EmailBackend
from django.utils.log import AdminEmailHandler
from django_tasks import task


class DeadlineMixin:
    """An smtplib client whose conversation must be over by `deadline` (a time.monotonic() value)."""

    def __init__(self, *args, deadline, **kwargs):
        self.deadline = deadline
        super().__init__(*args, **kwargs)

    def time_left(self):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise smtplib.SMTPServerDisconnected("The mail server took longer than EMAIL_DEADLINE; gave up.")
        return left

    def bound_next_step(self):
        """The socket waits no longer than the step's own timeout (EMAIL_TIMEOUT), nor past the deadline."""
        if self.sock:
            step = self.timeout if isinstance(self.timeout, int | float) else None  # None: smtplib's "no timeout"
            left = self.time_left()
            self.sock.settimeout(left if step is None else min(left, step))

    def send(self, s):
        self.bound_next_step()
        return super().send(s)

    def getreply(self):
        self.bound_next_step()
        return super().getreply()


class DeadlineSMTP(DeadlineMixin, smtplib.SMTP):
    pass


class DeadlineSMTPSSL(DeadlineMixin, smtplib.SMTP_SSL):
    pass


class DeadlineEmailBackend(EmailBackend):
    """Django's SMTP backend, each connection ending within `EMAIL_DEADLINE` seconds of being opened."""

    @property
    def connection_class(self):
        smtp = DeadlineSMTPSSL if self.use_ssl else DeadlineSMTP
        return functools.partial(smtp, deadline=time.monotonic() + settings.EMAIL_DEADLINE)


@task()
def send_error_report(subject: str, message: str, html_message: str | None = None) -> None:
    """Mail an error report to ADMINS (queued by QueuedAdminEmailHandler)."""
    mail_admins(subject, message, html_message=html_message)


class QueuedAdminEmailHandler(AdminEmailHandler):
    """Django's error reports to ADMINS, sent by a background task rather than inside the failing request.

    If the task cannot even be queued (the database is what failed), the report is sent at once, as
    Django would.
    """

    def send_mail(self, subject, message, *args, **kwargs):
        try:
            send_error_report.enqueue(subject, message, html_message=kwargs.get("html_message"))
        except Exception:  # noqa: BLE001 - an error report must never raise inside error handling
            super().send_mail(subject, message, *args, **kwargs)
