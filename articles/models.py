from html import unescape

import reversion
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from attribution.models import CanonicalPolicy, CopyrightHolders, Source
from authors.models import Author
from images.models import Image

from .original_urls import normalise_url
from .sanitizer import sanitize_html


def html_to_text(html):
    """Plain text of a stored body: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(unescape(strip_tags(html.replace("<", " <"))).split())


class Term(models.Model):
    """An editor-managed vocabulary entry (a region or a theme)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True, help_text="Shown at the top of this archive page.")

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Region(Term):
    class Meta(Term.Meta):
        verbose_name = "region"
        verbose_name_plural = "regions"

    def get_absolute_url(self):
        return reverse("articles:region", kwargs={"slug": self.slug})


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = "theme"
        verbose_name_plural = "themes"

    def get_absolute_url(self):
        return reverse("articles:theme", kwargs={"slug": self.slug})


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Statuses whose articles readers may see once their publication time has come.
LIVE_STATUSES = (Status.SCHEDULED, Status.PUBLISHED)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The one definition of what readers may see: live status and a publication time now past."""
        return self.filter(status__in=LIVE_STATUSES, published_at__lte=timezone.now())

    def scheduled(self, after=None):
        """Articles that will become visible by themselves when their publication time (after `after`) comes."""
        return self.filter(status__in=LIVE_STATUSES, published_at__gt=after or timezone.now())

    def indexable(self):
        """Articles whose canonical policy lets search engines index our copy (not 'noindex')."""
        return self.exclude(
            Q(canonical_policy=CanonicalPolicy.NOINDEX)
            | Q(canonical_policy="", source__canonical_policy=CanonicalPolicy.NOINDEX)
        )

    def canonical_here(self):
        """Indexable articles whose canonical address is our own page (attribution.credits decides the same
        way): a cross-post pointing search engines to its original is not ours to list in a sitemap."""
        points_to_original = (
            Q(canonical_policy=CanonicalPolicy.ORIGINAL)
            | Q(canonical_policy="", source__canonical_policy=CanonicalPolicy.ORIGINAL)
            | Q(canonical_policy="", source__isnull=True)
        ) & ~Q(original_url="")
        return self.indexable().exclude(points_to_original)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def with_card_data(self):
        """Everything a listing card shows: the source joined, bylines and regions in one query each."""
        # Cards never show the body: leave the heavy columns in the database.
        cards = self.defer("body", "body_text", "search_vector", "rank_vector").select_related("source", "lead_image")
        return cards.prefetch_related(bylines(), terms("regions"))

    def with_result_data(self):
        """A search result: its card, and the plain text its snippet is cut from."""
        return self.with_card_data().defer(None).defer("body", "search_vector", "rank_vector")

    def with_page_data(self):
        """Everything the article page shows."""
        return (
            self.defer("search_vector", "rank_vector")
            .select_related("source", "lead_image")
            .prefetch_related(bylines(), terms("regions"), terms("themes"), terms("tags"))
        )


# The prefetches below fill plain lists (`to_attr`), read through Article's properties (ordered_authors,
# region_list, theme_list, sorted_tags). Filling each article's related manager instead makes Django build
# a queryset per article and relation, which costs more than the queries themselves: taggit's most.


def bylines():
    """Each article's byline links in order, with their authors, as `article.loaded_byline`."""
    return Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author"), to_attr="loaded_byline")


def terms(relation):
    """An article's regions, themes or tags, as `article.loaded_regions` (`loaded_themes`, `loaded_tags`)."""
    return Prefetch(relation, to_attr=f"loaded_{relation}")


@reversion.register(follow=["author_links", "tag_links"])
class Article(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The last part of the article's web address, e.g. /articles/this-part/."
    )
    dek = models.TextField(
        "standfirst",
        blank=True,
        help_text="One or two sentences under the title that say what the article argues.",
    )
    body = models.TextField(
        blank=True,
        help_text="To place a picture, press the picture button and pick one from the library or upload a new "
        "one; its caption and credit come with it. Scripts, styles and unsafe links are removed when you save.",
    )
    body_text = models.TextField(editable=False, blank=True, help_text="The body as plain text, for search.")
    # Kept current by articles.search on every save; PostgreSQL only (NULL on SQLite).
    search_vector = SearchVectorField(null=True, editable=False)
    # Its weighted heading (title, standfirst, authors, source) alone: a few hundred bytes that stay
    # in the row, so ranking a search's matches never reads their bodies' vectors (articles.search).
    rank_vector = SearchVectorField(null=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="Visible to readers from this time when the status is Published or Scheduled; "
        "leave empty to keep it hidden.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Contributors may edit only the drafts they created.",
    )

    authors = models.ManyToManyField(Author, through="ArticleAuthor", related_name="articles", blank=True)
    regions = models.ManyToManyField(Region, related_name="articles", blank=True)
    themes = models.ManyToManyField(Theme, related_name="articles", blank=True)
    tags = TaggableManager(blank=True, help_text="Keywords, separated by commas.")
    lead_image = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="Where this article first appeared; leave empty for an original article.",
    )
    original_url = models.URLField("original URL", max_length=500, blank=True)
    # The original URL without scheme, "www.", trailing slash or tracking parameters, to spot duplicates.
    original_url_key = models.CharField(max_length=500, blank=True, editable=False, db_index=True)
    original_published_on = models.DateField("original publication date", null=True, blank=True)
    # Kept by the original watch (originals/): readers are offered the archived copy once the original is gone.
    original_gone = models.BooleanField(
        "original gone",
        default=False,
        editable=False,
        help_text="The original's address no longer answers (checked twice in a row).",
    )
    archived_url = models.URLField(
        "archived copy of the original",
        max_length=1000,
        blank=True,
        editable=False,
        help_text="A web archive's snapshot of the original, shown to readers when the original is gone.",
    )
    copyright_holders = models.CharField(
        max_length=20,
        choices=CopyrightHolders.choices,
        blank=True,
        help_text="Leave empty to use the source's default.",
    )
    copyright_holder_other = models.CharField(
        "other copyright holder",
        max_length=200,
        blank=True,
        help_text="Only when the copyright holder is “someone else”.",
    )
    copyright_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Leave empty to use the year of the original publication (or ours).",
    )
    canonical_policy = models.CharField(
        max_length=10,
        choices=CanonicalPolicy.choices,
        blank=True,
        help_text="Leave empty to use the source's policy.",
    )
    disclaimer = models.TextField(
        "reprint disclaimer override",
        blank=True,
        help_text="Replaces the source's or the site-wide disclaimer on this article only.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = "article"
        verbose_name_plural = "articles"
        permissions = [("publish_article", "Can publish, schedule, unpublish and withdraw articles")]
        indexes = [
            # Every public listing filters on the live statuses and sorts by publication time.
            # PostgreSQL walks this partial index backwards and stops after a page.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status__in=LIVE_STATUSES),
                name="article_live_recent_idx",
            ),
            # SQLite cannot prove a query with bound parameters matches a partial index, and given a
            # (status, date) index it sorts every live row instead: this one serves it in order,
            # with the status to check in the index itself.
            models.Index(fields=["-published_at", "-id", "status"], name="article_recent_idx"),
            # A source's archive, newest first, without sorting all its articles.
            models.Index(fields=["source", "-published_at", "-id", "status"], name="article_source_recent_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_columns()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "body", "body_text", "original_url_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def derive_columns(self):
        """Fill the columns derived from this row: the cleaned body, its plain text and the original's key.

        save() calls it, and so does articles.services.articles_write_many, which writes without save().
        """
        self.body = sanitize_html(self.body)
        self.body_text = html_to_text(self.body)
        self.original_url_key = normalise_url(self.original_url)

    @property
    def tag_links(self):
        """The tag rows of this article, so each revision keeps the tags as they were."""
        return TaggedItem.objects.filter(
            content_type__app_label="articles", content_type__model="article", object_id=self.pk
        )

    def _loaded(self, relation):
        """The objects of `relation` that the queryset prefetched (see `terms`), else a query of their own."""
        loaded = getattr(self, f"loaded_{relation}", None)
        return loaded if loaded is not None else list(getattr(self, relation).all())

    @property
    def region_list(self):
        return self._loaded("regions")

    @property
    def theme_list(self):
        return self._loaded("themes")

    @property
    def sorted_tags(self):
        """Tags by name."""
        return sorted(self._loaded("tags"), key=lambda tag: (tag.name, tag.pk))

    @property
    def ordered_authors(self):
        """Authors in byline order; from the links `bylines()` prefetched, else one query."""
        links = getattr(self, "loaded_byline", None)
        if links is None:
            links = self.author_links.select_related("author")
        return [link.author for link in links]

    @property
    def effective_copyright_year(self):
        """The editor's year, else the original's year, else ours; follows date corrections."""
        if self.copyright_year:
            return self.copyright_year
        date = self.original_published_on or self.published_at
        return date.year if date else None

    @property
    def is_cross_post(self):
        return self.source_id is not None or bool(self.original_url)

    @property
    def original_date(self):
        return self.original_published_on or (self.published_at.date() if self.published_at else None)

    @property
    def is_future(self):
        return self.published_at is None or self.published_at > timezone.now()


@reversion.register()
class ArticleAuthor(models.Model):
    """One author's place in an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="article_links")
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first in the byline.")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "author"
        verbose_name_plural = "authors (in byline order)"
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_author_per_article"),
        ]
        indexes = [models.Index(fields=["author", "article"], name="articleauthor_author_idx")]

    def __str__(self):
        return f"{self.author} on {self.article}"


class FullTextMatch(models.TextField):
    """An FTS5 table's hidden column named after the table: `field__match="..."` runs `MATCH` on every column."""


@FullTextMatch.register_lookup
class Match(models.Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class ArticleSearchDocument(models.Model):
    """SQLite's full-text index of articles: an FTS5 table (migration 0009 makes it, on SQLite only).

    One row per article, under the article's id: title, standfirst, names (authors and source)
    and body text, kept by articles.search wherever PostgreSQL's stored vectors are. PostgreSQL
    has no such table and never queries this model.
    """

    article = models.OneToOneField(
        Article,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        related_name="search_document",
    )
    document = FullTextMatch(db_column="articles_article_fts")
    rank = models.FloatField()

    class Meta:
        managed = False
        db_table = "articles_article_fts"

    def __str__(self):
        return f"Search document of article {self.article_id}"


class CorrectionQuerySet(models.QuerySet):
    def published(self):
        """Corrections readers may see: those of published articles (Article.objects.published() decides)."""
        return self.filter(article__in=Article.objects.published())

    def newest_first(self):
        return self.order_by("-corrected_on", "-created_at", "-pk")

    def with_history(self):
        """Each correction with its earlier wordings, oldest first (one query for all of them)."""
        return self.prefetch_related("amendments")

    def for_listing(self):
        """What /corrections/ and its feed show: each correction, its history, its article's title and address."""
        wording = ["corrected_on", "what_was_wrong", "what_is_right", "created_at", "updated_at"]
        return self.select_related("article").only(*wording, "article__title", "article__slug").with_history()


class Correction(models.Model):
    """A published correction to an article: what was wrong and what is right, shown wherever the article is.

    Never deleted through the admin, and never edited silently: articles.services.correction_change
    keeps the wording it replaces as a CorrectionAmendment, which readers see under the correction.
    """

    article = models.ForeignKey(
        Article,
        on_delete=models.PROTECT,  # a corrected article is withdrawn, not deleted: its record stays
        related_name="corrections",
    )
    corrected_on = models.DateField(
        "date of the correction",
        default=timezone.localdate,
        help_text="Shown to readers beside the correction; today unless the correction was made earlier.",
    )
    what_was_wrong = models.TextField(
        help_text="What the article said that was wrong, e.g. “An earlier version of this article said the port "
        "opened in 2019.”"
    )
    what_is_right = models.TextField(help_text="What is right, e.g. “It opened in 2018.”")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-corrected_on", "-created_at", "-pk"]
        get_latest_by = "corrected_on"
        verbose_name = "correction"
        verbose_name_plural = "corrections"
        # /corrections/ and its feed list every correction newest first.
        indexes = [models.Index(fields=["-corrected_on", "-created_at", "-id"], name="correction_recent_idx")]

    def __str__(self):
        return f"Correction of {self.corrected_on:%d %B %Y} to “{self.article}”" if self.article_id else "Correction"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"

    @property
    def earlier_wordings(self):
        """Its wording before each amendment, oldest first (loaded with the correction by with_history())."""
        return list(self.amendments.all())

    @property
    def text(self):
        """The correction in one paragraph, for feeds and structured data."""
        return f"What was wrong: {self.what_was_wrong.strip()} What is right: {self.what_is_right.strip()}"


class CorrectionAmendment(models.Model):
    """A correction's wording as it was before an editor amended it: kept, and shown to readers, for good."""

    correction = models.ForeignKey(Correction, on_delete=models.CASCADE, related_name="amendments")
    corrected_on = models.DateField("date of the correction")
    what_was_wrong = models.TextField()
    what_is_right = models.TextField()
    replaced_at = models.DateTimeField("amended at", default=timezone.now)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["replaced_at", "pk"]
        verbose_name = "earlier wording"
        verbose_name_plural = "earlier wordings"

    def __str__(self):
        return f"Wording of {self.correction} until {self.replaced_at:%d %B %Y}"

    @property
    def text(self):
        return f"What was wrong: {self.what_was_wrong.strip()} What is right: {self.what_is_right.strip()}"
