"""Everything that changes a subscription or sends a digest; views, tasks and commands call these."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, Region, Theme
from authors.models import Author
from pagecache import store

from . import tokens
from .models import (
    Delivery,
    DeliveryStatus,
    Digest,
    DigestSettings,
    Frequency,
    Subscriber,
    SubscriberStatus,
    Subscription,
    TargetKind,
    target_key,
)

SUBJECT_MODELS = {TargetKind.REGION: Region, TargetKind.THEME: Theme, TargetKind.AUTHOR: Author}
PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}
# Addresses we never write to unasked: the provider told us they bounce, or the reader called us spam.
DO_NOT_MAIL = (SubscriberStatus.BOUNCED, SubscriberStatus.COMPLAINED)


def subject_for(kind, subject_id):
    """The region, theme or author `kind` and `subject_id` name (None for the publication); LookupError if gone."""
    if kind == TargetKind.PUBLICATION:
        return None
    model = SUBJECT_MODELS.get(kind)
    subject = model.objects.filter(pk=subject_id).first() if model is not None else None
    if subject is None:
        raise LookupError(f"No {kind} {subject_id!r} to follow.")
    return subject


def subscriber_for(email):
    """The subscriber with this address, in any case; made (unconfirmed) when there is none."""
    subscriber = Subscriber.objects.filter(email__iexact=email).first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email)
    except IntegrityError:  # the same address sent twice at once: the other request made it
        return Subscriber.objects.get(email__iexact=email)


def subscription_request(*, email, kind, subject_id, frequency, now=None):
    """A reader asked to follow something: write to the address (confirmation, or a note), or stay silent.

    The form answers the same whatever happens here, so no one learns whether an address is
    subscribed. Nothing but the confirmation is ever sent to an unconfirmed address, at most one
    message per DIGEST_PROMPT_INTERVAL to any address, and nothing to one that bounced or complained.
    """
    from .tasks import send_subscription_mail  # tasks imports this module

    now = now or timezone.now()
    subscriber = subscriber_for(email)
    if subscriber.status in DO_NOT_MAIL:
        return False
    quiet_since = now - datetime.timedelta(seconds=settings.DIGEST_PROMPT_INTERVAL)
    # Claimed in one UPDATE, so two requests at once cannot both send.
    claimed = (
        Subscriber.objects.filter(pk=subscriber.pk)
        .filter(Q(last_prompted_at__isnull=True) | Q(last_prompted_at__lt=quiet_since))
        .update(last_prompted_at=now)
    )
    if not claimed:
        return False
    # With the database backend the task is stored in this transaction: it runs only if the request commits.
    send_subscription_mail.enqueue(subscriber.pk, kind=kind, subject_id=subject_id, frequency=frequency)
    return True


def subscription_confirm(*, link, now=None):
    """The reader opened their confirmation link: the address is confirmed and the subscription exists."""
    data = tokens.read_confirmation(link)
    subscriber = Subscriber.objects.filter(token=data["t"]).first()
    if subscriber is None or data["f"] not in Frequency.values or data["k"] not in TargetKind.values:
        raise tokens.BadLink("invalid")
    try:
        subject = subject_for(data["k"], data["s"])
    except LookupError as error:
        raise tokens.BadLink("gone") from error
    with transaction.atomic():
        # A click on the link is the reader's own consent, after an unsubscription or a complaint too.
        subscriber.confirmed_at = subscriber.confirmed_at or now or timezone.now()
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.save(update_fields=["confirmed_at", "status"])
        subscription = subscription_set(subscriber=subscriber, kind=data["k"], subject=subject, frequency=data["f"])
    return subscription


def subscription_set(*, subscriber, kind, subject, frequency):
    """Follow `subject` (None: the whole publication) at `frequency`; an existing subscription changes frequency."""
    subscription = subscriber.subscriptions.filter(target_key=target_key(kind, subject)).first()
    if subscription is None:
        subscription = Subscription(subscriber=subscriber, kind=kind)
        if subject is not None:
            setattr(subscription, kind, subject)
    subscription.frequency = frequency
    subscription.save()
    return subscription


def subscriber_unsubscribe(*, subscriber):
    """Stop every digest to this reader at once: deliveries still queued for them are skipped too."""
    with transaction.atomic():
        if subscriber.status == SubscriberStatus.ACTIVE:
            subscriber.status = SubscriberStatus.UNSUBSCRIBED
            subscriber.save(update_fields=["status"])
        subscriber.deliveries.filter(status=DeliveryStatus.QUEUED).update(status=DeliveryStatus.SKIPPED)


def subscriber_mark_undeliverable(*, email, status, message_id=""):
    """The provider reported a bounce or a complaint: never send to this address again."""
    if message_id:
        Delivery.objects.filter(message_id=message_id, subscriber__email__iexact=email).update(
            status=DeliveryStatus.BOUNCED
        )
    subscribers = Subscriber.objects.filter(email__iexact=email)
    for subscriber in subscribers:
        subscriber.status = status
        subscriber.save(update_fields=["status"])
        subscriber.deliveries.filter(status=DeliveryStatus.QUEUED).update(status=DeliveryStatus.SKIPPED)
    return len(subscribers)


def subscriber_soft_bounced(*, email, message_id):
    """The provider could not deliver one digest for now (a full mailbox, a server down): that delivery is
    marked bounced, and the address stops only once the last DIGEST_SOFT_BOUNCE_LIMIT digests sent to it
    all bounced. Returns whether it stopped; a report naming no delivery of ours changes nothing."""
    if not message_id:
        return False
    deliveries = Delivery.objects.filter(message_id=message_id, subscriber__email__iexact=email)
    delivery = deliveries.select_related("subscriber").first()
    if delivery is None:
        return False
    delivery.status = DeliveryStatus.BOUNCED
    delivery.save(update_fields=["status"])
    limit = settings.DIGEST_SOFT_BOUNCE_LIMIT
    latest = list(
        delivery.subscriber.deliveries.filter(status__in=[DeliveryStatus.SENT, DeliveryStatus.BOUNCED])
        .order_by("-pk")
        .values_list("status", flat=True)[:limit]
    )
    if len(latest) < limit or any(status != DeliveryStatus.BOUNCED for status in latest):
        return False
    subscriber_mark_undeliverable(email=email, status=SubscriberStatus.BOUNCED)
    return True


def subscriber_data(*, subscriber):
    """Everything we hold about a reader, as they may download it."""
    return {
        "email": subscriber.email,
        "status": subscriber.status,
        "subscribed_at": subscriber.created_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "subscriptions": [
            {"follows": s.target_name, "kind": s.kind, "frequency": s.frequency, "since": s.created_at.isoformat()}
            for s in subscriber.subscriptions.select_related("region", "theme", "author")
        ],
        "deliveries": [
            {
                "digest": d.digest.subject_line,
                "status": d.status,
                "sent_at": d.sent_at.isoformat() if d.sent_at else None,
            }
            for d in subscriber.deliveries.select_related("digest").order_by("pk")
        ],
    }


def subscriber_delete(*, subscriber):
    """Forget the reader: their address, subscriptions and delivery records; every link they hold dies."""
    subscriber.delete()


def subscribers_expire(*, now=None):
    """Delete addresses never confirmed within DIGEST_UNCONFIRMED_DAYS; returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.DIGEST_UNCONFIRMED_DAYS)
    _, deleted = Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted.get(Subscriber._meta.label, 0)


# --- Building digests ---


def articles_for(kind, subject_id):
    """Published articles a subscription to this target would receive."""
    articles = Article.objects.published()
    if kind == TargetKind.REGION:
        articles = articles.filter(regions=subject_id)
    elif kind == TargetKind.THEME:
        articles = articles.filter(themes=subject_id)
    elif kind == TargetKind.AUTHOR:
        articles = articles.filter(authors=subject_id)
    return articles


def active_targets(frequency):
    """(kind, subject id) of every target at least one receiving reader follows at `frequency`."""
    rows = (
        Subscription.objects.filter(frequency=frequency, subscriber__in=Subscriber.objects.receiving())
        .values_list("target_key", "kind", "region_id", "theme_id", "author_id")
        .distinct()
        .order_by("target_key")
    )
    return [(kind, region or theme or author) for _, kind, region, theme, author in rows]


def period_start(*, kind, subject_id, frequency, now):
    """Where the next issue starts: where the last one for this target ended, or one period back."""
    subject = subject_for(kind, subject_id)
    last = (
        Digest.objects.filter(target_key=target_key(kind, subject), frequency=frequency).order_by("-period_end").first()
    )
    return last.period_end if last else now - PERIODS[frequency]


def next_issue(*, kind, subject_id, frequency, now):
    """(unsaved Digest, its articles) of the issue a target would get now; None when nothing is new."""
    from . import mail  # mail renders with the models this module writes

    subject = subject_for(kind, subject_id)
    start = period_start(kind=kind, subject_id=subject_id, frequency=frequency, now=now)
    new = articles_for(kind, subject_id).filter(published_at__gt=start, published_at__lte=now)
    articles = list(mail.with_digest_data(new))
    if not articles:
        return None
    built = mail.digest_content(articles, kind=kind, subject=subject, frequency=frequency, period=(start, now))
    digest = Digest(kind=kind, frequency=frequency, period_start=start, period_end=now, **built)
    if subject is not None:
        setattr(digest, kind, subject)
    return digest, articles


def digest_preview(*, kind, subject_id, frequency, now=None):
    """The next issue for a target as an unsaved Digest (for editors' preview and test send); None if nothing new."""
    issue = next_issue(kind=kind, subject_id=subject_id, frequency=frequency, now=now or timezone.now())
    return None if issue is None else issue[0]


def digest_build(*, kind, subject_id, frequency, now=None):
    """Build and store the next issue for one target, with a queued delivery per reader; None when nothing is new."""
    now = now or timezone.now()
    issue = next_issue(kind=kind, subject_id=subject_id, frequency=frequency, now=now)
    if issue is None:
        return None
    digest, articles = issue
    subject = subject_for(kind, subject_id)
    receiving = Subscriber.objects.receiving().filter(
        subscriptions__target_key=target_key(kind, subject), subscriptions__frequency=frequency
    )
    try:
        with transaction.atomic():
            digest.save()
            digest.articles.set(articles)
            Delivery.objects.bulk_create(
                [Delivery(digest=digest, subscriber_id=pk) for pk in receiving.values_list("pk", flat=True)],
                batch_size=1000,
            )
            store.content_changed("digests")
    except IntegrityError:
        return None  # another builder made this very issue a moment ago
    return digest


def digests_build(*, frequency, now=None):
    """Build every issue due at `frequency`; returns the digests built (targets with nothing new get none)."""
    now = now or timezone.now()
    built = []
    for kind, subject_id in active_targets(frequency):
        digest = digest_build(kind=kind, subject_id=subject_id, frequency=frequency, now=now)
        if digest is not None:
            built.append(digest)
    return built


# --- Sending ---


def deliveries_claimable(*, now=None):
    """Deliveries a sender may take: queued, failed with attempts left, or claimed by a worker that died.

    A claim older than DIGEST_CLAIM_TIMEOUT seconds belongs to a worker that stopped between claiming
    and recording the result; taking it again may, in that one narrow window, send the issue twice,
    which we prefer to never sending it.
    """
    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=settings.DIGEST_CLAIM_TIMEOUT)
    return Delivery.objects.filter(
        Q(status=DeliveryStatus.QUEUED)
        | Q(status=DeliveryStatus.FAILED, attempts__lt=settings.DIGEST_MAX_ATTEMPTS)
        | Q(status=DeliveryStatus.SENDING, claimed_at__lt=stale)
    )


def delivery_send(*, delivery_id, now=None, connection=None):
    """Send one delivery if no one else is; returns its status afterwards (None if another worker has it).

    The row is claimed (queued → sending) in one UPDATE before the message leaves and marked sent the
    moment the mail server or provider accepts it, so a rerun after a crash skips what has gone.
    """
    from . import mail

    now = now or timezone.now()
    claimed = deliveries_claimable(now=now).filter(pk=delivery_id).update(status=DeliveryStatus.SENDING, claimed_at=now)
    if not claimed:
        return None
    delivery = Delivery.objects.select_related("digest", "subscriber").get(pk=delivery_id)
    subscriber = delivery.subscriber
    if not Subscriber.objects.receiving().filter(pk=subscriber.pk).exists():
        Delivery.objects.filter(pk=delivery_id).update(status=DeliveryStatus.SKIPPED)
        return DeliveryStatus.SKIPPED
    message = mail.digest_message(delivery.digest, subscriber)
    message.connection = connection  # a batch shares one connection to the mail server
    try:
        message.send()
    except mail.MAIL_ERRORS as error:
        mail.logger.warning("Digest delivery %s not sent: %s", delivery_id, error)
        Delivery.objects.filter(pk=delivery_id).update(
            status=DeliveryStatus.FAILED, attempts=delivery.attempts + 1, error=str(error)[:1000]
        )
        return DeliveryStatus.FAILED
    Delivery.objects.filter(pk=delivery_id).update(
        status=DeliveryStatus.SENT,
        attempts=delivery.attempts + 1,
        sent_at=timezone.now(),
        error="",
        message_id=mail.message_id(message)[:255],
    )
    return DeliveryStatus.SENT


def subscriber_resume(*, subscriber):
    """The reader, through their own signed link, asks for digests again."""
    if subscriber.status != SubscriberStatus.ACTIVE:
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.save(update_fields=["status"])


def digests_due(*, now=None):
    """The frequencies whose digest should start now by the schedule in DigestSettings; each is marked as run.

    `send_digests` runs hourly; the daily digest starts at the first run after the set time each day,
    the weekly one at the first run after it on the set weekday.
    """
    now = now or timezone.now()
    local = timezone.localtime(now)
    due = []
    with transaction.atomic():
        schedule = DigestSettings.objects.select_for_update().get(pk=DigestSettings.get_solo().pk)
        if local.time() < schedule.daily_at:
            return due
        ran_today = {
            Frequency.DAILY: schedule.daily_run_at and timezone.localtime(schedule.daily_run_at).date() == local.date(),
            Frequency.WEEKLY: schedule.weekly_run_at
            and timezone.localtime(schedule.weekly_run_at).date() == local.date(),
        }
        if not ran_today[Frequency.DAILY]:
            due.append(Frequency.DAILY)
            schedule.daily_run_at = now
        if local.weekday() == schedule.weekly_on and not ran_today[Frequency.WEEKLY]:
            due.append(Frequency.WEEKLY)
            schedule.weekly_run_at = now
        schedule.save(update_fields=["daily_run_at", "weekly_run_at"])
    return due
