"""core.mail: an SMTP conversation ends by its deadline, and error reports are mailed by a task."""

import smtplib
import time

import pytest
from django.core.mail import EmailMessage

from core.mail import DeadlineEmailBackend
from tests.smtp_server import smtp_server


def backend(server, settings, *, deadline, timeout=10):
    settings.EMAIL_DEADLINE = deadline
    return DeadlineEmailBackend(host="127.0.0.1", port=server.port, use_tls=False, timeout=timeout)


def message():
    return EmailMessage("Hello", "A body.", "site@example.org", ["ana@example.org"])


def test_a_prompt_server_gets_the_message(settings):
    with smtp_server() as server:
        sent = backend(server, settings, deadline=5).send_messages([message()])

    assert sent == 1
    assert "Subject: Hello" in server.messages[0]
    assert "A body." in server.messages[0]


def test_a_server_answering_each_step_in_time_is_still_cut_off_at_the_deadline(settings):
    # Each reply after 0.5 s, well inside the 10 s step timeout; the conversation needs about 3.5 s.
    with smtp_server(delay=0.5) as server:
        connection = backend(server, settings, deadline=1.2)
        started = time.monotonic()
        with pytest.raises(smtplib.SMTPServerDisconnected):
            connection.send_messages([message()])
        elapsed = time.monotonic() - started

    assert server.messages == []
    assert elapsed < 2.5, f"held {elapsed:.1f} s by a 1.2 s deadline"


def test_without_the_deadline_the_same_server_would_have_taken_the_message(settings):
    """The control for the test above: the server is slow, not broken."""
    with smtp_server(delay=0.5) as server:
        sent = backend(server, settings, deadline=30).send_messages([message()])

    assert sent == 1
