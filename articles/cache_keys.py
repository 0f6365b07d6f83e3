"""Surrogate keys: the names of what a page shows, and the one mapping from what changed to them.

Pages declare what they show (`pagecache.middleware.shows`) with the keys made here; writers name
what changed (`pagecache.store.content_changed(article)`), which `keys_changed` turns into the
same keys (settings.PAGE_CACHE_KEYS). The page cache forgets, and the shared caches in front
purge, exactly the pages carrying them.

- An object: "article-12", "author-3", "source-2", "region-5", "theme-6", "tag-7", "image-8" on
  every page that shows it (its page, each card of it, each byline or credit naming it).
- An archive, the list of articles filed under a subject: "region-5-archive" on the subject's
  archive pages and feeds, and on the pages of its articles (their "more by" and "related").
- The site's own listings, of every article: "home", "feeds", "sitemap", "search"; and the list of
  corrections, "corrections" (/corrections/ and its feed).

Publishing, correcting (a Correction too) or withdrawing an article purges its own key (wherever it is shown), the
archives of everything it is filed under (where it appears or disappears) and the site's listings.
Anything else (the publication settings, the site's address, a bulk change named by its model)
purges every page.
"""

from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag, TaggedItem

from attribution.models import Source
from authors.models import Author
from images.models import Image
from pagecache.store import EVERY_PAGE

from .models import Article, ArticleAuthor, Correction, Region, Theme

HOME, FEEDS, SITEMAP, SEARCH = "home", "feeds", "sitemap", "search"
SITE_LISTINGS = (HOME, FEEDS, SITEMAP, SEARCH)
MENU = "menu"  # every page's menu (curation)
CORRECTIONS = "corrections"  # /corrections/ and its feed: the list of every correction

KINDS = {
    Article: "article",
    Author: "author",
    Source: "source",
    Region: "region",
    Theme: "theme",
    Tag: "tag",
    Image: "image",
}


def key(obj):
    """The key of one object any page shows: "author-3"."""
    return f"{KINDS[type(obj)]}-{obj.pk}"


def archive_key(obj):
    """The key of the list of articles filed under `obj` (a region, theme, tag, author or source)."""
    return f"{key(obj)}-archive"


def _filed_under(article_id):
    """Archive keys of everything an article is filed under, read now (a few small queries)."""
    article_type = ContentType.objects.get_for_model(Article)
    filings = {
        "author": ArticleAuthor.objects.filter(article_id=article_id).values_list("author_id", flat=True),
        "source": Article.objects.filter(pk=article_id, source__isnull=False).values_list("source_id", flat=True),
        "region": Article.regions.through.objects.filter(article_id=article_id).values_list("region_id", flat=True),
        "theme": Article.themes.through.objects.filter(article_id=article_id).values_list("theme_id", flat=True),
        "tag": TaggedItem.objects.filter(content_type=article_type, object_id=article_id).values_list(
            "tag_id", flat=True
        ),
    }
    return {f"{kind}-{pk}-archive" for kind, ids in filings.items() for pk in ids}


def _article_changed(article_id):
    return {f"article-{article_id}", *_filed_under(article_id), *SITE_LISTINGS}


def keys_changed(thing):
    """What a change to `thing` (a saved or deleted object, or a model for a bulk change) purges."""
    if isinstance(thing, Article):
        return _article_changed(thing.pk)
    if isinstance(thing, ArticleAuthor):
        # A byline link: the article's pages, and the author's archive even after the link is gone.
        return _article_changed(thing.article_id) | {f"author-{thing.author_id}-archive"}
    if isinstance(thing, Correction):
        # Shown on the article's page and in its JSON-LD, and its modified date moved on (feeds, sitemaps).
        return _article_changed(thing.article_id) | {CORRECTIONS}
    if isinstance(thing, TaggedItem):
        return _article_changed(thing.object_id) | {f"tag-{thing.tag_id}-archive"}
    if type(thing) in KINDS:
        # Renamed, re-described or moved: every page showing it, and the sitemap listing its archive.
        # Regions and themes are also the search form's choices.
        return {key(thing), SITEMAP, *([SEARCH] if isinstance(thing, Region | Theme) else [])}
    return {EVERY_PAGE}


# What pages show, made from data the page has already loaded (never a query of its own).


def card_keys(article, *, bare=False):
    """A card of `article`: its title, picture and source; unless `bare`, its byline and regions too."""
    keys = [key(article)]
    if article.source_id:
        keys.append(f"source-{article.source_id}")
    if article.lead_image_id:
        keys.append(f"image-{article.lead_image_id}")
    if not bare:
        keys += [key(author) for author in article.ordered_authors]
        keys += [key(region) for region in article.region_list]
    return keys


def filed_keys(article):
    """Everything `article` is filed under, as the article page shows it: each object and its archive."""
    terms = [*article.ordered_authors, *article.region_list, *article.theme_list, *article.sorted_tags]
    if article.source_id:
        terms.append(article.source)
    return [name for term in terms for name in (key(term), archive_key(term))]


def subject_keys(subject):
    """An archive page or feed of `subject`: the subject as shown (name, bio) and its list of articles."""
    return [key(subject), archive_key(subject)]
