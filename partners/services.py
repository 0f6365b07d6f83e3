"""Actions on permission requests: receive one, tell people about it, decide it, manage its kit.

A request is committed before any e-mail is attempted, and no e-mail is sent inside the partner's or
the editor's request: each action queues a background task (partners.tasks) that sends what the
request owes. Every e-mail has its own "sent at" column that stays NULL until the mail server has
accepted the message; the task retries, and `send_pending_notifications` sends whatever is still
NULL. So a mail server that is slow or down holds no one up and loses nothing.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article

from . import ledger, tasks
from .models import (
    FoundBy,
    PermissionRequest,
    Reprint,
    ReprintDay,
    ReprintMessage,
    RequestStatus,
    new_kit_token,
)

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


# --- The republication ledger ---------------------------------------------------------------------


def reprint_view_record(*, token: str, page_url: str, client: str) -> bool:
    """Count one view of a republished copy, seen by its tracking image; True when it was counted.

    Nothing is counted for an unknown token, a kit no longer live (revoked, or the approval taken
    back), or a reader over their hour's budget (`REPRINT_VIEWS_PER_CLIENT_PER_HOUR`). The usual
    case is two queries: the grant, then one UPDATE adding 1 in the database (`F("views") + 1`),
    so concurrent views are never lost. A page's first view of the day adds its rows first.
    """
    grant = (
        PermissionRequest.objects.filter(pixel_token=token, status=RequestStatus.APPROVED, kit_revoked_at=None)
        .values_list("pk", "article_id")
        .first()
    )
    if grant is None or not ledger.budget_spend(token, client):
        return False
    request_id, article_id = grant
    today = timezone.localdate()
    counted = ReprintDay.objects.filter(
        reprint__permission_request_id=request_id, reprint__page_url=page_url, day=today
    ).update(views=F("views") + 1)
    if counted:
        return True
    pages = Reprint.objects.filter(permission_request_id=request_id)
    reprint, created = pages.filter(page_url=page_url).first(), False
    if reprint is None:
        # Anyone can send any Referer: past REPRINT_PAGES_PER_REQUEST pages, new ones count as the unknown
        # page, so a forged flood adds no rows (and queues no credit checks) beyond that.
        if page_url and pages.count() >= settings.REPRINT_PAGES_PER_REQUEST:
            page_url = ""
        reprint, created = Reprint.objects.get_or_create(
            permission_request_id=request_id,
            page_url=page_url,
            defaults={"article_id": article_id, "found_by": FoundBy.PIXEL},
        )
    day, _ = ReprintDay.objects.get_or_create(reprint=reprint, day=today)
    ReprintDay.objects.filter(pk=day.pk).update(views=F("views") + 1)
    if created and reprint.page_url:
        reprint_queue_check(reprint=reprint)
    return True


def reprint_add(*, article: Article, page_url: str, permission_request: PermissionRequest | None = None) -> Reprint:
    """Record a copy an editor found (a search, a partner's message), and queue its credit check."""
    if permission_request is not None and permission_request.article_id != article.pk:
        raise ValidationError("That permission request is for another article.", code="other_article")
    try:
        with transaction.atomic():
            reprint = Reprint.objects.create(
                article=article, permission_request=permission_request, page_url=page_url, found_by=FoundBy.EDITOR
            )
    except IntegrityError:
        raise ValidationError("This page is already in the ledger for this article.", code="duplicate") from None
    reprint_queue_check(reprint=reprint)
    return reprint


def reprint_queue_check(*, reprint: Reprint) -> None:
    """Check the copy's credits in the background, once the reprint is committed."""
    if reprint.page_url:
        reprint_id = reprint.pk
        transaction.on_commit(lambda: tasks.check_reprint.enqueue(reprint_id))


def reprint_message_send(*, reprint: Reprint, to: str, subject: str, body: str, by) -> ReprintMessage:
    """Store an editor's message to the partner about a reprint's credits; a background task sends it."""
    with transaction.atomic():
        message = ReprintMessage.objects.create(reprint=reprint, to=to, subject=subject, body=body, written_by=by)
    message_id = message.pk
    transaction.on_commit(lambda: tasks.send_reprint_message.enqueue(message_id))
    return message
