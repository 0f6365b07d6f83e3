"""A cross-post going live is watched from then on: its first check is queued once the save is committed."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from articles.models import LIVE_STATUSES, Article


@receiver(post_save, sender=Article, dispatch_uid="originals.article_saved")
def article_saved(sender, instance, raw=False, **kwargs):
    # Decided from the saved row alone, so saving any other article costs no query here.
    if raw or not settings.ORIGINALS_WATCH or not instance.original_url:
        return
    if instance.status not in LIVE_STATUSES or not instance.published_at or instance.published_at > timezone.now():
        return  # a scheduled article is watched by the sweep once it is live
    article_id = instance.pk
    transaction.on_commit(lambda: _watch(article_id))


def _watch(article_id):
    from . import services
    from .tasks import check_original

    article = Article.objects.filter(pk=article_id).first()
    if article is None or not services.is_watchable(article):
        return
    _watch_record, owed = services.watch_for_article(article=article)
    if owed:
        check_original.enqueue(article_id)
