"""The e-mails of the permission workflow, each in plain text and HTML from templates/partners/email/.

Addresses in headers are only ever validated e-mail addresses; what partners typed (names,
organisations, messages) goes in bodies, and subjects are squeezed onto one line.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from attribution.credits import republication_kit
from attribution.models import PublicationSettings

from .models import PermissionRequest, RequestStatus

logger = logging.getLogger(__name__)

# What a failing mail server raises through Django's SMTP backend (refused connections and
# timeouts are OSErrors).
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def absolute_url(path):
    """A full address on the public site, for links that leave it (e-mails, the pasted kit)."""
    return f"{settings.SITE_SCHEME}://{Site.objects.get_current().domain}{path}"


def notification_recipients(publication):
    """Who hears of a new request: the permissions contact; else the site's ADMINS; else DEFAULT_FROM_EMAIL.

    The last is the address the site sends from, which operators must set to a mailbox they read
    (DJANGO_DEFAULT_FROM_EMAIL); a request is never announced to no one.
    """
    if publication.permissions_contact_email:
        return [publication.permissions_contact_email]
    admins = [email for _, email in settings.ADMINS]
    return admins or [settings.DEFAULT_FROM_EMAIL]


def kit_for(permission_request, publication):
    """The request's kit, its HTML ending with the request's own tracking image (the ledger counts its views)."""
    article = permission_request.article
    tracking_url = absolute_url(reverse("reprint_pixel", kwargs={"token": permission_request.pixel_token}))
    return republication_kit(
        article, publication=publication, our_url=absolute_url(article.get_absolute_url()), tracking_url=tracking_url
    )


def _message(template, context, *, to, reply_to=()):
    subject = " ".join(render_to_string(f"partners/email/{template}_subject.txt", context).split())
    text = render_to_string(f"partners/email/{template}.txt", context)
    html = render_to_string(f"partners/email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=to, reply_to=list(reply_to))
    message.attach_alternative(html, "text/html")
    return message


def _context(permission_request, publication, **extra):
    return {
        "permission_request": permission_request,
        "article": permission_request.article,
        "publication": publication,
        "article_url": absolute_url(permission_request.article.get_absolute_url()),
        **extra,
    }


def _partner_reply_to(publication):
    return [publication.permissions_contact_email] if publication.permissions_contact_email else []


def acknowledgement(permission_request, publication):
    """To the partner: what we received, and what happens next."""
    return _message(
        "acknowledgement",
        _context(permission_request, publication),
        to=[permission_request.email],
        reply_to=_partner_reply_to(publication),
    )


def notification(permission_request, publication):
    """To the editors: a new request, with a link to its record in the admin; replies go to the partner."""
    admin_path = reverse("admin:partners_permissionrequest_change", args=[permission_request.pk])
    return _message(
        "notification",
        _context(permission_request, publication, admin_url=absolute_url(admin_path)),
        to=notification_recipients(publication),
        reply_to=[permission_request.email],
    )


def decision(permission_request, publication):
    """To the partner: the approval with the republication kit, or the refusal."""
    if permission_request.status == RequestStatus.APPROVED:
        context = _context(
            permission_request,
            publication,
            kit=kit_for(permission_request, publication),
            kit_url=absolute_url(permission_request.get_kit_path()),
        )
        template = "approved"
    else:
        context = _context(permission_request, publication)
        template = "declined"
    return _message(template, context, to=[permission_request.email], reply_to=_partner_reply_to(publication))


def owed(permission_request):
    """(column, builder) of every e-mail this request still owes, editors first."""
    if permission_request.status == RequestStatus.SPAM:
        return []
    owed = []
    if permission_request.notified_at is None:
        owed.append(("notified_at", notification))
    if permission_request.acknowledged_at is None:
        owed.append(("acknowledged_at", acknowledgement))
    decided = permission_request.status in (RequestStatus.APPROVED, RequestStatus.DECLINED)
    if decided and permission_request.decision_sent_at is None:
        owed.append(("decision_sent_at", decision))
    return owed


def send_owed(permission_request):
    """Send every e-mail the request still owes; returns the columns whose e-mail failed (they stay NULL).

    Each message's column is set the moment the mail server accepts it, so a retry never sends it twice.
    """
    publication = PublicationSettings.get_solo()
    failed = []
    for column, build in owed(permission_request):
        try:
            build(permission_request, publication).send()
        except MAIL_ERRORS:
            logger.exception(
                "Permission request %s: e-mail for %s not sent; it stays pending.", permission_request.pk, column
            )
            failed.append(column)
            continue
        now = timezone.now()
        setattr(permission_request, column, now)
        PermissionRequest.objects.filter(pk=permission_request.pk).update(**{column: now})
    return failed


def reprint_message_draft(reprint, publication):
    """(to, subject, body) of a message asking the partner to complete a copy's credits, for the editor to edit."""
    permission_request = reprint.permission_request
    article = reprint.article
    live_kit = permission_request is not None and permission_request.kit_is_live
    context = {
        "reprint": reprint,
        "permission_request": permission_request,
        "article": article,
        "publication": publication,
        "problems": reprint.credit_problems,
        "kit_url": absolute_url(permission_request.get_kit_path()) if live_kit else "",
        "article_url": absolute_url(article.get_absolute_url()),
    }
    subject = " ".join(render_to_string("partners/email/reprint_credits_subject.txt", context).split())
    body = render_to_string("partners/email/reprint_credits.txt", context)
    return (permission_request.email if permission_request else ""), subject, body


def reprint_message(message, publication):
    """The editor's message about a reprint, exactly as written (plain text); replies go to the permissions contact."""
    subject = " ".join(message.subject.split())
    return EmailMultiAlternatives(subject, message.body, to=[message.to], reply_to=_partner_reply_to(publication))
