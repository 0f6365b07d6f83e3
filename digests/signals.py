"""Providers' reports through django-anymail's tracking webhooks: bounces and complaints stop sending."""

from .models import SubscriberStatus
from .services import subscriber_mark_undeliverable, subscriber_soft_bounced

# Anymail's normalised event types, and what each makes of the address.
STOPS = {
    "bounced": SubscriberStatus.BOUNCED,
    "rejected": SubscriberStatus.BOUNCED,  # the provider refuses to send to it (an earlier hard bounce)
    "complained": SubscriberStatus.COMPLAINED,
    "unsubscribed": SubscriberStatus.UNSUBSCRIBED,  # the provider's own unsubscribe link or list
}


def is_soft_bounce(event):
    """Whether a "bounced" report is a temporary failure in the provider's own words.

    Postmark ("SoftBounce"), Brevo and Mandrill ("soft_bounce") and MailerSend ("activity.soft_bounced") send a
    full mailbox as a bounce, and anymail normalises it to "bounced"; their raw event says "soft". (Mailgun,
    Postal and others report it as "deferred", which changes nothing here.)
    """
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    names = (raw.get("Type"), raw.get("event"), raw.get("type"))
    return any(isinstance(name, str) and "soft" in name.lower() for name in names)


def provider_event(sender, event, esp_name, **kwargs):
    """anymail.signals.tracking receiver."""
    status = STOPS.get(event.event_type)
    if status is None or not event.recipient:
        return
    if event.event_type == "bounced" and is_soft_bounce(event):
        subscriber_soft_bounced(email=event.recipient, message_id=event.message_id or "")
        return
    subscriber_mark_undeliverable(email=event.recipient, status=status, message_id=event.message_id or "")
