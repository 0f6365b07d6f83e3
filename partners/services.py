"""Actions on permission requests: receive one, tell people about it, decide it, manage its kit.

A request is committed before any e-mail is attempted, and no e-mail is sent inside the partner's or
the editor's request: each action queues a background task (partners.tasks) that sends what the
request owes. Every e-mail has its own "sent at" column that stays NULL until the mail server has
accepted the message; the task retries, and `send_pending_notifications` sends whatever is still
NULL. So a mail server that is slow or down holds no one up and loses nothing.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article

from . import tasks
from .models import PermissionRequest, RequestStatus, new_kit_token

logger = logging.getLogger(__name__)


def permission_request_create(*, article: Article, client_fingerprint: str = "", **fields) -> PermissionRequest:
    """Store a partner's request (committed first, in its own transaction), then queue its two e-mails."""
    with transaction.atomic():
        permission_request = PermissionRequest.objects.create(
            article=article, client_ip_hash=client_fingerprint, **fields
        )
    permission_request_queue_mail(permission_request=permission_request)
    return permission_request


def permission_request_queue_mail(*, permission_request: PermissionRequest) -> None:
    """Hand every e-mail the request still owes to the background worker (partners.tasks): no mail server is awaited."""
    tasks.send_permission_request_mail.enqueue(permission_request.pk)


def _decide(*, request: PermissionRequest, by, note: str, status: str) -> PermissionRequest:
    if request.status == status:
        raise ValidationError(f"This request is already marked “{RequestStatus(status).label}”.")
    now = timezone.now()
    request.status = status
    request.decision_note = note
    request.decided_by = by
    request.decided_at = now
    request.decision_sent_at = None
    if status == RequestStatus.APPROVED:
        request.kit_revoked_at = None
    elif request.kit_revoked_at is None:
        # A decision that takes back an approval closes the kit page the partner already has.
        request.kit_revoked_at = now
    with transaction.atomic():
        request.save(
            update_fields=["status", "decision_note", "decided_by", "decided_at", "decision_sent_at", "kit_revoked_at"]
        )
    permission_request_queue_mail(permission_request=request)
    return request


def permission_request_approve(*, request: PermissionRequest, by, note: str = "") -> PermissionRequest:
    """Grant permission and e-mail the partner the republication kit and its private link."""
    return _decide(request=request, by=by, note=note, status=RequestStatus.APPROVED)


def permission_request_decline(*, request: PermissionRequest, by, note: str = "") -> PermissionRequest:
    """Refuse permission and tell the partner, with the note."""
    return _decide(request=request, by=by, note=note, status=RequestStatus.DECLINED)


def permission_request_mark_spam(*, request: PermissionRequest, by, note: str = "") -> PermissionRequest:
    """File the request as spam: no e-mail, and none of its pending ones is ever sent."""
    return _decide(request=request, by=by, note=note, status=RequestStatus.SPAM)


def permission_request_revoke_kit(*, request: PermissionRequest, by) -> PermissionRequest:
    """Close the private kit page (it answers 410 Gone); the approval itself stands."""
    if request.status != RequestStatus.APPROVED or request.kit_revoked_at is not None:
        raise ValidationError("Only the live kit of an approved request can be revoked.")
    request.kit_revoked_at = timezone.now()
    request.save(update_fields=["kit_revoked_at"])
    logger.info("Permission request %s: kit revoked by %s.", request.pk, by)
    return request


def permission_request_reissue_kit(*, request: PermissionRequest, by) -> PermissionRequest:
    """Give an approved request a new private kit link (the old one stops working) and e-mail it to the partner."""
    if request.status != RequestStatus.APPROVED:
        raise ValidationError("Only an approved request has a kit.")
    request.kit_token = new_kit_token()
    request.kit_revoked_at = None
    request.decision_sent_at = None
    with transaction.atomic():
        request.save(update_fields=["kit_token", "kit_revoked_at", "decision_sent_at"])
    logger.info("Permission request %s: new kit link issued by %s.", request.pk, by)
    permission_request_queue_mail(permission_request=request)
    return request
