"""Providers' reports through django-anymail's tracking webhooks: bounces and complaints stop sending."""

from .models import SubscriberStatus
from .services import subscriber_mark_undeliverable

# Anymail's normalised event types, and what each makes of the address.
STOPS = {
    "bounced": SubscriberStatus.BOUNCED,
    "rejected": SubscriberStatus.BOUNCED,  # the provider refuses to send to it (an earlier hard bounce)
    "complained": SubscriberStatus.COMPLAINED,
    "unsubscribed": SubscriberStatus.UNSUBSCRIBED,  # the provider's own unsubscribe link or list
}


def provider_event(sender, event, esp_name, **kwargs):
    """anymail.signals.tracking receiver."""
    status = STOPS.get(event.event_type)
    if status is None or not event.recipient:
        return
    subscriber_mark_undeliverable(email=event.recipient, status=status, message_id=event.message_id or "")
