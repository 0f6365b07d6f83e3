"""The digests' e-mails, in HTML and plain text from templates/digests/email/, and sending one delivery.

Every credit in a digest comes from attribution.credits, the code the article page uses, so an
item credits its article exactly as the page does. Links and pictures are absolute: mail is read
away from the site.
"""

import logging
import smtplib
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

from articles.models import bylines, terms
from attribution.credits import absolute_links, attribution_for, byline_html, join_names
from attribution.models import PublicationSettings

from . import tokens
from .models import DigestSettings, Frequency, TargetKind

logger = logging.getLogger(__name__)

MAIL_ERRORS = (smtplib.SMTPException, OSError)
IMAGE_WIDTH = 600  # the width of the e-mail's column: pictures are shown at most this wide


def absolute_url(path):
    """A full address on the public site."""
    return urljoin(f"{settings.SITE_SCHEME}://{Site.objects.get_current().domain}/", path)


def with_digest_data(articles):
    """What a digest item shows: source and picture joined, bylines, regions and themes in one query each."""
    return (
        articles.defer("body", "body_text", "search_vector", "rank_vector")
        .select_related("source", "lead_image")
        .prefetch_related(bylines(), terms("regions"), terms("themes"))
        .order_by("-published_at", "-pk")
    )


@dataclass
class Item:
    article: object
    url: str
    attribution: object
    byline: str
    byline_html: str
    image: dict | None


@dataclass
class Section:
    heading: str
    items: list


def _image(article):
    image = article.lead_image
    if image is None or not image.file:
        return None
    width = min(IMAGE_WIDTH, image.width or IMAGE_WIDTH)
    height = round(image.height * width / image.width) if image.width and image.height else None
    return {"src": absolute_url(image.preview_url(width)), "width": width, "height": height, "alt": image.alt_text}


def items_for(articles, publication):
    items = []
    for article in articles:
        attribution = attribution_for(article, publication=publication)
        items.append(
            Item(
                article=article,
                url=absolute_url(article.get_absolute_url()),
                attribution=attribution,
                byline=join_names([author.name for author in attribution.authors]),
                byline_html=byline_html(attribution.authors),
                image=_image(article),
            )
        )
    return items


def sections_for(items, kind):
    """Items grouped by their first region (by their first theme in a region's digest), in order of first appearance."""
    group_by = "theme_list" if kind == TargetKind.REGION else "region_list"
    groups = {}
    for item in items:
        first = next(iter(getattr(item.article, group_by)), None)
        groups.setdefault(first.name if first else "", []).append(item)
    named = [Section(heading, items) for heading, items in groups.items() if heading]
    other = groups.get("")
    if other:
        named.append(Section("Other articles" if named else "", other))
    return named


def render_body(articles, *, kind, publication):
    """The digest's list of articles in HTML and text: used by the e-mail and by the archive page alike."""
    sections = sections_for(items_for(articles, publication), kind)
    context = {"sections": sections, "publication": publication, "styled": True}
    html = render_to_string("digests/email/_items.html", context)
    text = render_to_string("digests/email/_items.txt", context)
    return absolute_links(html, absolute_url("/")), text


def title_for(*, kind, subject, frequency, publication):
    what = publication.site_name if kind == TargetKind.PUBLICATION else f"{publication.site_name}: {subject}"
    label = "Daily" if frequency == Frequency.DAILY else "Weekly"
    return f"{what} — {label} digest"


def digest_content(articles, *, kind, subject, frequency, period):
    """The stored parts of a new issue: subject line and the HTML and text of its articles."""
    publication = PublicationSettings.get_solo()
    html, text = render_body(articles, kind=kind, publication=publication)
    title = title_for(kind=kind, subject=subject, frequency=frequency, publication=publication)
    dated = date_format(period[1], "j F Y")
    return {"subject_line": f"{title}, {dated}", "html": html, "text": text}


def sender():
    return DigestSettings.get_solo().sender or settings.DEFAULT_FROM_EMAIL


def _reply_to():
    reply_to = DigestSettings.get_solo().reply_to
    return [reply_to] if reply_to else []


def reader_links(subscriber):
    unsubscribe = tokens.for_subscriber(subscriber, tokens.UNSUBSCRIBE)
    return {
        "preferences_url": absolute_url(
            reverse("digests:preferences", kwargs={"token": tokens.for_subscriber(subscriber, tokens.PREFERENCES)})
        ),
        "unsubscribe_url": absolute_url(reverse("digests:unsubscribe", kwargs={"token": unsubscribe})),
        "unsubscribe_token": unsubscribe,
    }


def list_unsubscribe_headers(links):
    """RFC 2369 and RFC 8058: mail clients show an unsubscribe button and POST to the link with one click."""
    targets = [f"<{links['unsubscribe_url']}>"]
    if settings.DIGEST_UNSUBSCRIBE_MAILTO:
        targets.append(
            f"<mailto:{settings.DIGEST_UNSUBSCRIBE_MAILTO}?subject=unsubscribe%20{links['unsubscribe_token']}>"
        )
    return {"List-Unsubscribe": ", ".join(targets), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _message(template, context, *, to, headers=None):
    subject = " ".join(render_to_string(f"digests/email/{template}_subject.txt", context).split())
    text = render_to_string(f"digests/email/{template}.txt", context)
    html = render_to_string(f"digests/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject, text, from_email=sender(), to=to, reply_to=_reply_to(), headers=headers or {}
    )
    message.attach_alternative(html, "text/html")
    return message


def digest_message(digest, subscriber):
    """One reader's copy of an issue: the stored articles, with their own preferences and unsubscribe links."""
    links = reader_links(subscriber)
    context = {
        "digest": digest,
        "publication": PublicationSettings.get_solo(),
        "items_html": mark_safe(digest.html),  # noqa: S308  # nosec B308 B703 - rendered by an autoescaped template
        "items_text": digest.text,
        # An editor's preview is not stored yet: it links to the archive instead.
        "archive_url": absolute_url(digest.get_absolute_url() if digest.pk else reverse("digests:archive")),
        **links,
    }
    # Our own Message-ID, so the delivery records it (a provider's id replaces it when there is one).
    headers = {**list_unsubscribe_headers(links), "Message-ID": make_msgid("digest", domain=_mail_domain())}
    return _message("digest", context, to=[subscriber.email], headers=headers)


def _mail_domain():
    return Site.objects.get_current().domain.split(":")[0] or "localhost"


def subscription_message(subscriber, *, kind, subject, frequency, already):
    """The confirmation link (double opt-in); to a reader already receiving this very subscription, a note instead."""
    from .models import Frequency as Frequencies

    publication = PublicationSettings.get_solo()
    link = tokens.confirmation(subscriber, kind=kind, subject_id=subject.pk if subject else None, frequency=frequency)
    context = {
        "publication": publication,
        "follows": str(subject) if subject else f"everything {publication.site_name} publishes",
        "frequency": Frequencies(frequency).label.lower(),
        "confirm_url": absolute_url(reverse("digests:confirm", kwargs={"token": link})),
        "preferences_url": reader_links(subscriber)["preferences_url"] if subscriber.confirmed_at else "",
        "expires_days": settings.DIGEST_CONFIRMATION_MAX_AGE // 86400,
    }
    return _message("already" if already else "confirm", context, to=[subscriber.email])


def message_id(message):
    """The id the provider gave the message (django-anymail), else the Message-ID header Django wrote."""
    status = getattr(message, "anymail_status", None)
    if status is not None and status.message_id is not None:
        return str(status.message_id)
    return message.extra_headers.get("Message-ID", "")


def test_message(digest, to):
    """An editor's test copy of the next issue; its reader links are placeholders that lead nowhere."""
    from .models import Subscriber

    stand_in = Subscriber(email=to)  # never saved: its random token matches no one, its links "do not work"
    message = digest_message(digest, stand_in)
    message.subject = f"[Test] {message.subject}"
    return message
