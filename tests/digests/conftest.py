import re

import pytest
from django.core import mail
from django.urls import reverse

from digests.models import Subscriber


def subscribe_data(**values):
    data = {"email": "reader@example.org", "follow": "publication", "frequency": "weekly", "website": ""}
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


def link_in(message, name):
    """The first link to the route `name` (digests:confirm...) in a message's plain text."""
    prefix = reverse(name, kwargs={"token": "TOKEN"}).split("TOKEN")[0]
    match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s]+/)", message.body)
    assert match, f"no {name} link in:\n{message.body}"
    return match[1]


@pytest.fixture
def subscribe(client):
    def post(**values):
        return client.post(reverse("digests:subscribe"), subscribe_data(**values))

    return post


@pytest.fixture
def confirmed(client, subscribe, publication):
    """Subscribe and confirm: returns a function making a receiving reader of `email` for `follow`."""

    def make(email="reader@example.org", **values):
        mail.outbox.clear()
        Subscriber.objects.filter(email__iexact=email).update(last_prompted_at=None)
        subscribe(email=email, **values)
        client.post(link_in(mail.outbox[-1], "digests:confirm"))
        mail.outbox.clear()
        # Subscribed a while ago: the hour in which the address is written to only once is over.
        Subscriber.objects.filter(email__iexact=email).update(last_prompted_at=None)
        return Subscriber.objects.get(email__iexact=email)

    return make


from tests.browser.conftest import axe_source  # noqa: E402, F401 - the shared tool fixture
from tests.partners.conftest import chromium  # noqa: E402, F401 - Chromium on a thread of its own
