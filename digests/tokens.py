"""The signed links of a subscriber's e-mails: each says what it may do, and the confirmation expires.

Each link carries the subscriber's secret token (Subscriber.token), signed with the site's key and
a salt per purpose, so a preferences link cannot be replayed as a confirmation. Deleting a
subscriber's data deletes the token, and every link they were ever sent stops working.
"""

from django.conf import settings
from django.core import signing

CONFIRM = "digests.confirm"
PREFERENCES = "digests.preferences"
UNSUBSCRIBE = "digests.unsubscribe"


class BadLink(Exception):
    """A link that was altered, is for another purpose, or has expired."""


def confirmation(subscriber, *, kind, subject_id, frequency):
    """The double opt-in link: confirming adds exactly this subscription."""
    return signing.dumps({"t": subscriber.token, "k": kind, "s": subject_id, "f": frequency}, salt=CONFIRM)


def read_confirmation(value):
    try:
        data = signing.loads(value, salt=CONFIRM, max_age=settings.DIGEST_CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise BadLink("expired") from error
    except signing.BadSignature as error:
        raise BadLink("invalid") from error
    if not isinstance(data, dict) or not {"t", "k", "s", "f"} <= data.keys():
        raise BadLink("invalid")
    return data


def for_subscriber(subscriber, purpose):
    """A lasting link for `purpose` (preferences or one-click unsubscribe): it must work in old e-mails."""
    return signing.dumps(subscriber.token, salt=purpose)


def read(value, purpose):
    """The subscriber token a lasting link carries; BadLink if it was not made by us for `purpose`."""
    try:
        token = signing.loads(value, salt=purpose)
    except signing.BadSignature as error:
        raise BadLink("invalid") from error
    if not isinstance(token, str):
        raise BadLink("invalid")
    return token
