"""E-mail backends that fail the way a real mail server does, for the "nothing lost" tests."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection


class FailingEmailBackend(BaseEmailBackend):
    """The mail server answers with an SMTP error."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class RefusingEmailBackend(BaseEmailBackend):
    """Nothing listens on the mail port."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class WitnessEmailBackend(BaseEmailBackend):
    """Records, at the moment of sending, whether a transaction was still open and what the database held."""

    sightings = []

    def send_messages(self, email_messages):
        from partners.models import PermissionRequest

        for message in email_messages:
            self.sightings.append(
                {
                    "in_transaction": connection.in_atomic_block,
                    "stored": PermissionRequest.objects.count(),
                    "subject": message.subject,
                }
            )
        return len(email_messages)
