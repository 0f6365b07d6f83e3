"""Keep derived data (search vectors, old-address redirects, the page cache) current whatever saves a record.

articles.services does the same for its own writes; inside them these handlers' search refreshes
are collected (search.refreshes_collected) and made once, by the service.
"""

from django.contrib.sites.models import Site
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from attribution.models import FooterLink, PublicationSettings, Source
from authors.models import Author
from images.models import Image
from pagecache.store import content_changed

from . import search
from .models import Article, ArticleAuthor, Region, Theme
from .search import refresh_search_vectors
from .services import article_redirect_old_slug
from .tasks import reindex_after_commit


@receiver(pre_save, sender=Article)
def remember_public_slug(sender, instance, raw=False, **kwargs):
    instance._public_slug_before_save = (
        None
        if raw or not instance.pk
        else Article.objects.published().filter(pk=instance.pk).values_list("slug", flat=True).first()
    )


@receiver(post_save, sender=Article)
def article_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    old_slug = getattr(instance, "_public_slug_before_save", None)
    if old_slug and old_slug != instance.slug:
        article_redirect_old_slug(article=instance, old_slug=old_slug)
    refresh_search_vectors([instance.pk])


@receiver(post_delete, sender=Article)
def article_deleted(sender, instance, **kwargs):
    search.forget(Article.objects.filter(pk=instance.pk))


@receiver([post_save, post_delete], sender=ArticleAuthor)
def byline_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_vectors([instance.article_id])


@receiver(pre_save, sender=Author)
@receiver(pre_save, sender=Source)
def remember_name(sender, instance, raw=False, **kwargs):
    instance._name_before_save = (
        None if raw or not instance.pk else sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    )


# A renamed author or source can be in thousands of articles: their index is refreshed by a task,
# once the rename is committed, not in the editor's request. A bio or a policy edit changes no index.
@receiver(post_save, sender=Author)
def author_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created and instance.name != getattr(instance, "_name_before_save", instance.name):
        reindex_after_commit(author_id=instance.pk)


@receiver(post_save, sender=Source)
def source_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created and instance.name != getattr(instance, "_name_before_save", instance.name):
        reindex_after_commit(source_id=instance.pk)


# Everything a public page shows: a change to any of them makes the cached pages and fragments showing it
# stale (articles.cache_keys says which).
SHOWN_ON_PAGES = [
    Article,
    ArticleAuthor,
    Author,
    Source,
    Region,
    Theme,
    Tag,
    TaggedItem,
    Image,
    PublicationSettings,
    FooterLink,
    Site,
]
FILINGS = [Article.regions.through, Article.themes.through, ArticleAuthor, TaggedItem]


def pages_changed(sender, instance=None, reverse=False, model=None, pk_set=None, **kwargs):
    changed = [instance if instance is not None else sender]
    if reverse and model is Article:
        # Filed from the other side (region.articles.add(...)): the articles changed too.
        changed += [Article(pk=pk) for pk in pk_set or ()]
    content_changed(*changed)


for model in SHOWN_ON_PAGES:
    post_save.connect(pages_changed, sender=model, dispatch_uid=f"page_cache.save.{model._meta.label}")
    # Before the delete: what the record was filed under can still be read, to purge those lists.
    pre_delete.connect(pages_changed, sender=model, dispatch_uid=f"page_cache.delete.{model._meta.label}")
for through in FILINGS:
    m2m_changed.connect(pages_changed, sender=through, dispatch_uid=f"page_cache.m2m.{through._meta.label}")
