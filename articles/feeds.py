"""RSS 2.0, Atom and JSON Feed of published articles: the whole site, and each archive.

Items come from `Article.objects.published()` and their credits from `attribution.credits`
through the same includes as the article page, so a feed never says more, or less, than
the site does.
"""

import json
from dataclasses import dataclass
from urllib.parse import urljoin

from django.contrib.sites.models import Site
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from attribution.context_processors import publication_for
from attribution.credits import absolute_links, attribution_for, iso_datetime
from attribution.models import PublicationSettings
from pagecache.middleware import shows

from .cache_keys import CORRECTIONS, FEEDS, card_keys, key, subject_keys
from .models import Article, Correction, terms

FEED_LENGTH = 20
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


def article_guid(article, domain):
    """A tag: URI (RFC 4151) from the primary key: it survives a change of title or address."""
    return f"tag:{domain},{article.created_at:%Y-%m-%d}:article:{article.pk}"


def article_modified(article):
    """When readers last saw the article change; a scheduled article goes live after its last save."""
    return max(article.updated_at, article.published_at)


@dataclass(frozen=True)
class Credit:
    name: str
    url: str


@dataclass(frozen=True)
class FeedContext:
    """What one request's feed is about; read once per feed, never per item."""

    publication: PublicationSettings
    subject: object = None


# Feed generators: what Django's own lack for every author and the original.


class AbsoluteLinksMixin:
    """Author pages and links in descriptions, made absolute against the feed's own site address."""

    def add_item(self, *, description, authors=(), **kwargs):
        base_url = self.feed["link"]
        super().add_item(
            description=absolute_links(description.strip(), base_url),
            authors=[Credit(author.name, urljoin(base_url, author.url)) for author in authors],
            **kwargs,
        )


class ArticleRssFeed(AbsoluteLinksMixin, Rss201rev2Feed):
    """RSS 2.0 with Dublin Core: one dc:creator per author, dc:source for the original."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author.name)
        if item["original_url"]:
            handler.addQuickElement("dc:source", item["original_url"])


class ArticleAtomFeed(AbsoluteLinksMixin, Atom1Feed):
    """Atom with one <author> per author and <link rel="via"> to the original."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author.name)
            handler.addQuickElement("uri", author.url)
            handler.endElement("author")
        if item["original_url"]:
            handler.addQuickElement("link", "", {"rel": "via", "href": item["original_url"]})


class JsonFeed(AbsoluteLinksMixin, SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), filled by the same Feed class as RSS and Atom."""

    content_type = "application/feed+json"
    version = "https://jsonfeed.org/version/1.1"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=2))

    def as_dict(self):
        feed = {
            "version": self.version,
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "authors": [{"name": self.feed["author_name"]}] if self.feed["author_name"] else None,
            "items": [self.item_dict(item) for item in self.items],
        }
        return _without_empty(feed)

    def item_dict(self, item):
        return _without_empty(
            {
                "id": item["unique_id"],
                "url": item["link"],
                "external_url": item["original_url"],
                "title": item["title"],
                "content_html": item["description"],
                "summary": item["summary"],
                "date_published": iso_datetime(item["pubdate"]),
                "date_modified": iso_datetime(item["updateddate"]),
                "authors": [{"name": author.name, "url": author.url} for author in item["authors"]],
                "tags": item["categories"],
            }
        )


def _without_empty(values):
    return {key: value for key, value in values.items() if value not in (None, "", [], ())}


# Feeds.


class LatestArticlesFeed(Feed):
    """The site's newest published articles, as RSS 2.0."""

    feed_type = ArticleRssFeed
    description_template = "feeds/item_description.html"

    def get_object(self, request, *args, **kwargs):
        shows(request, FEEDS)
        return FeedContext(publication=publication_for(request))

    def title(self, obj):
        return obj.publication.site_name

    def link(self, obj):
        return reverse("home")

    def description(self, obj):
        return obj.publication.tagline or f"The latest articles published by {obj.publication.site_name}."

    def author_name(self, obj):
        # The publisher stands in for an article that names no author (Atom requires one).
        return obj.publication.site_name

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj):
        items = self.articles(obj).with_card_data().prefetch_related(terms("themes"), terms("tags"))
        return items.newest_first()[:FEED_LENGTH]

    def get_context_data(self, *, item, obj, request, **kwargs):
        # Each item shows its card's data, and its themes and tags as categories.
        shows(request, *card_keys(item), *map(key, item.theme_list), *map(key, item.sorted_tags))
        return {"article": item, "attribution": attribution_for(item, publication=obj.publication)}

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        # Feed.get_feed has just looked the site up, so this reads Django's site cache, not the database.
        return article_guid(item, Site.objects.get_current().domain)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return article_modified(item)

    def item_categories(self, item):
        names = [region.name for region in item.region_list]
        names += [theme.name for theme in item.theme_list]
        names += [tag.name for tag in item.sorted_tags]
        return list(dict.fromkeys(names))

    def item_extra_kwargs(self, item):
        return {
            "authors": [Credit(author.name, author.get_absolute_url()) for author in item.ordered_authors],
            "original_url": item.original_url,
            "summary": item.dek,
        }


class PlainTitleMixin:
    def item_title(self, item):
        # Atom and JSON Feed titles are plain text, so the writer's own escaping is all they need;
        # RSS keeps Django's double escaping because readers treat RSS titles as HTML.
        return item.title


class AtomMixin(PlainTitleMixin):
    feed_type = ArticleAtomFeed

    def subtitle(self, obj):
        return self.description(obj)


class LatestArticlesAtomFeed(AtomMixin, LatestArticlesFeed):
    """The site's newest published articles, as Atom."""


class LatestArticlesJsonFeed(PlainTitleMixin, LatestArticlesFeed):
    """The site's newest published articles, as JSON Feed 1.1."""

    feed_type = JsonFeed


class ArchiveFeed(LatestArticlesFeed):
    """The newest published articles filed under one subject (articles.archives), as RSS 2.0."""

    def __init__(self, subject):
        super().__init__()
        self.subject = subject

    def get_object(self, request, slug):
        # DoesNotExist becomes a 404 in Feed.__call__.
        filed_under = self.subject.model.objects.get(slug=slug)
        shows(request, *subject_keys(filed_under))
        return FeedContext(publication=publication_for(request), subject=filed_under)

    def title(self, obj):
        return f"{obj.publication.site_name}: {self.subject.label} {obj.subject.name}"

    def link(self, obj):
        return reverse(self.subject.url_name, kwargs={"slug": obj.subject.slug})

    def description(self, obj):
        filed_under, site_name = obj.subject, obj.publication.site_name
        return (
            getattr(filed_under, "description", "")
            or getattr(filed_under, "short_bio", "")
            or f"The latest articles under {self.subject.label.lower()} {filed_under.name}, from {site_name}."
        )

    def articles(self, obj):
        return super().articles(obj).filter(**{self.subject.filter_field: obj.subject})


class ArchiveAtomFeed(AtomMixin, ArchiveFeed):
    """The same, as Atom."""


class CorrectionsFeed(Feed):
    """/corrections/feed/: the newest corrections to published articles, as RSS 2.0 (what /corrections/ lists)."""

    description_template = "feeds/correction_description.html"

    def get_object(self, request, *args, **kwargs):
        # The list of corrections, and the articles published or withdrawn (as /corrections/ does).
        shows(request, CORRECTIONS, FEEDS)
        return FeedContext(publication=publication_for(request))

    def title(self, obj):
        return f"{obj.publication.site_name}: corrections"

    def link(self, obj):
        return reverse("articles:corrections")

    def description(self, obj):
        return f"Corrections to articles published by {obj.publication.site_name}, newest first."

    def items(self, obj):
        return Correction.objects.published().newest_first().for_listing()[:FEED_LENGTH]

    def get_context_data(self, *, item, obj, request, **kwargs):
        shows(request, f"article-{item.article_id}")
        return {"correction": item}

    def item_title(self, item):
        return f"Correction to “{item.article.title}”"

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        domain = Site.objects.get_current().domain
        return f"tag:{domain},{item.created_at:%Y-%m-%d}:correction:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class CorrectionsAtomFeed(CorrectionsFeed):
    """/corrections/feed/atom/: the same, as Atom, for readers that prefer it; each entry's `updated` is when
    the correction was last reworded."""

    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)

    def author_name(self, obj):
        # Atom wants an author for every entry; the corrections are the publication's own.
        return obj.publication.site_name
