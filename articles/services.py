"""Actions on articles that have effects beyond one row.

Every writer of articles goes through here: the admin and the demo loader one article at a time
(`article_save`), the WordPress importer and the benchmark corpus many at a time
(`articles_write_many`), a restore from a content export once it has written the rows as they
were (`articles_reindex`). Each cleans the body and derives the columns that come from it, keeps the
search index current and tells the page cache, so no caller tidies up after itself: one article's
index at once, many articles' by a background task once the write is committed (articles.tasks).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from taggit.models import TaggedItem

from pagecache.store import content_changed

from .models import Article, ArticleAuthor, Correction, CorrectionAmendment, Status
from .publishing import article_problems, live_status_for
from .search import refresh_search_vectors, refreshes_collected
from .tasks import reindex_after_commit

# Columns save() derives from the body and the original URL (Article.derive_columns).
DERIVED_FIELDS = ("body", "body_text", "original_url_key")


def _articles_changed(article_ids, *, what=Article) -> None:
    """The search index of these articles, and then the cached pages, follow what was just written."""
    refresh_search_vectors(article_ids)
    content_changed(what)


def article_path(slug):
    return reverse("articles:detail", kwargs={"slug": slug})


@transaction.atomic
def article_redirect_old_slug(*, article: Article, old_slug: str) -> Redirect | None:
    """Keep a public article's old address answering with a 301 to its new one."""
    if not old_slug or old_slug == article.slug:
        return None
    site = Site.objects.get_current()
    old_path, new_path = article_path(old_slug), article.get_absolute_url()
    # Earlier addresses of the same article now point straight at the newest one: no chains.
    Redirect.objects.filter(site=site, new_path=old_path).update(new_path=new_path)
    # The new address is real again: a redirect away from it would never fire, and would loop.
    Redirect.objects.filter(site=site, old_path=new_path).delete()
    redirect, _ = Redirect.objects.update_or_create(site=site, old_path=old_path, defaults={"new_path": new_path})
    return redirect


def _replace_bylines(bylines) -> None:
    """`bylines`: (article id, author ids in byline order) pairs; each article's byline becomes that."""
    bylines = list(bylines)
    if not bylines:
        return
    ArticleAuthor.objects.filter(article_id__in=[article_id for article_id, _ in bylines]).delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article_id=article_id, author_id=author_id, order=order)
        for article_id, author_ids in bylines
        for order, author_id in enumerate(author_ids)
    )


@transaction.atomic
def article_set_authors(*, article: Article, authors) -> None:
    """Replace an article's byline with `authors`, in that order."""
    with refreshes_collected():  # each deleted byline row's signal: the article is indexed once, below
        _replace_bylines([(article.pk, [author.pk for author in authors])])
    _articles_changed([article.pk], what=article)


@transaction.atomic
def article_save(
    *,
    article: Article,
    authors: Sequence | None = None,
    regions: Iterable | None = None,
    themes: Iterable | None = None,
    tags: Iterable | None = None,
    user=None,
    comment: str = "",
) -> Article:
    """Save one article, with its byline, regions, themes and tags where given, as one revision.

    save() cleans the body and derives its plain text and the original URL's key; the revision
    (django-reversion) joins the one the admin has open, or is a revision of its own; then the
    search index and the cached pages follow. None leaves that part of the filing as it is.
    """
    # The article's and each byline row's signals ask for a refresh too: one, at the end, does for all.
    with refreshes_collected() as asked, reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        if comment:
            reversion.set_comment(comment)
        article.save()
        if authors is not None:
            _replace_bylines([(article.pk, [author.pk for author in authors])])
        if regions is not None:
            article.regions.set(regions)
        if themes is not None:
            article.themes.set(themes)
        if tags is not None:
            article.tags.set(list(tags))
        # Again, now that the byline and tags are written: the revision keeps them as they are now.
        reversion.add_to_revision(article)
    _articles_changed({article.pk, *asked}, what=article)
    return article


@dataclass(frozen=True)
class Filing:
    """What `articles_write_many` files an article under, by primary key; None leaves that part as it is."""

    authors: Sequence[int] | None = None  # in byline order
    regions: Iterable[int] | None = None
    themes: Iterable[int] | None = None
    tags: Iterable[int] | None = None


def _write_filings(filings) -> set:
    """Replace the parts of each article's filing that its Filing names, in one statement per part and kind."""
    filings = [(article.pk, filing) for article, filing in filings]
    _replace_bylines((pk, filing.authors) for pk, filing in filings if filing.authors is not None)
    for part, through, column in (
        ("regions", Article.regions.through, "region_id"),
        ("themes", Article.themes.through, "theme_id"),
    ):
        wanted = [(pk, getattr(filing, part)) for pk, filing in filings if getattr(filing, part) is not None]
        if wanted:
            through.objects.filter(article_id__in=[pk for pk, _ in wanted]).delete()
            through.objects.bulk_create(
                through(article_id=pk, **{column: term_id}) for pk, term_ids in wanted for term_id in sorted(term_ids)
            )
    tagged = [(pk, filing.tags) for pk, filing in filings if filing.tags is not None]
    if tagged:
        article_type = ContentType.objects.get_for_model(Article)
        TaggedItem.objects.filter(content_type=article_type, object_id__in=[pk for pk, _ in tagged]).delete()
        TaggedItem.objects.bulk_create(
            TaggedItem(content_type=article_type, object_id=pk, tag_id=tag_id)
            for pk, tag_ids in tagged
            for tag_id in sorted(tag_ids)
        )
    return {pk for pk, _ in filings}


@transaction.atomic
def articles_write_many(
    *,
    create: Sequence[Article] = (),
    update: Sequence[Article] = (),
    fields: Iterable[str] = (),
    filings: Iterable[tuple[Article, Filing]] = (),
    index_now: bool = False,
) -> list[Article]:
    """Write many articles in a few statements: `create` new ones, `update` the `fields` of others, and
    file any of them (new ones included) under what `filings` pairs them with; returns the created.

    Each body is cleaned and the derived columns filled as save() does, the updated ones are
    stamped with the time, and the cached pages are told. The search index of every article written
    or filed is refreshed in one set-based statement by a background task once the write is
    committed, or here with `index_now` (the benchmark corpus, whose statistics need it). No
    revision is recorded: a bulk write is an import or generated content, whose own records say
    where each row came from.
    """
    for article in (*create, *update):
        article.derive_columns()
    # Re-filing deletes byline rows, each of whose signals would index its article on its own.
    with refreshes_collected():
        created = Article.objects.bulk_create(create) if create else []
        if update:
            now = timezone.now()
            for article in update:
                article.updated_at = now
            fields = [*dict.fromkeys([*fields, *DERIVED_FIELDS, "updated_at"])]
            Article.objects.bulk_update(update, fields, batch_size=100)
        written = {article.pk for article in (*created, *update)} | _write_filings(filings)
    if written:
        if index_now:
            refresh_search_vectors(written)
        else:
            reindex_after_commit(article_ids=written)
        content_changed(Article)
    return created


def articles_reindex() -> None:
    """Index every article afresh, by a background task once committed, and tell the cached pages.

    For rows written as they were: a restore from a content export writes each article's columns
    exactly as exported, timestamps included, as loaddata does: neither save() nor bulk_create
    (which stamps the time) can.
    """
    reindex_after_commit(everything=True)
    content_changed(Article)


def article_set_original_status(*, article: Article, gone: bool, archived_url: str) -> Article:
    """Record whether the article's original is gone and where its archived copy is (the original watch's findings).

    What readers see of the original changes (the credits offer the archived copy), not the article: its
    modification time stays as it was.
    """
    if article.original_gone == gone and article.archived_url == archived_url:
        return article
    article.original_gone, article.archived_url = gone, archived_url
    Article.objects.filter(pk=article.pk).update(original_gone=gone, archived_url=archived_url)
    content_changed(article)
    return article


class PublishBlocked(Exception):
    """The article is missing something readers need; `problems` says what."""

    def __init__(self, problems):
        super().__init__(" ".join(problems))
        self.problems = problems


@transaction.atomic
def article_publish(*, article: Article, at=None) -> Article:
    """Publish now (or at `at`, or at the time already set): scheduled when that time is ahead."""
    problems = article_problems(article)
    if problems:
        raise PublishBlocked(problems)
    article.published_at = at or article.published_at or timezone.now()
    article.status = live_status_for(article.published_at)
    article.save(update_fields=["status", "published_at", "updated_at"])
    return article


@transaction.atomic
def article_unpublish(*, article: Article) -> Article:
    """Back to draft: readers no longer see it; its publication time is kept for next time."""
    article.status = Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def article_withdraw(*, article: Article) -> Article:
    """Withdrawn: its address answers 410 Gone with a short notice."""
    article.status = Status.WITHDRAWN
    article.save(update_fields=["status", "updated_at"])
    return article


# --- corrections ---------------------------------------------------------------------------------


def _correction_shown(correction: Correction) -> None:
    """A correction is a change readers see: the article's modified date (feeds, sitemaps, JSON-LD) moves
    on, and every page showing the article, /corrections/ and its feed are purged."""
    Article.objects.filter(pk=correction.article_id).update(updated_at=timezone.now())
    content_changed(correction)


NOT_PUBLISHED = "Only a published article can be corrected: readers have not seen this one yet, so edit it instead."


def correction_refused(article: Article | None) -> str | None:
    """Why `article` cannot take a new correction (it is not published), or None when it can."""
    if article is None or article.pk is None or not Article.objects.published().filter(pk=article.pk).exists():
        return NOT_PUBLISHED
    return None


def correction_date_refused(article: Article, corrected_on) -> str | None:
    """Why `corrected_on` cannot be a correction's date (before the article was published, or ahead), or None."""
    if corrected_on is None:
        return None
    if corrected_on > timezone.localdate():
        return "The date of a correction cannot be in the future."
    if article.published_at and corrected_on < timezone.localdate(article.published_at):
        published = timezone.localdate(article.published_at)
        return f"The date of a correction cannot be before the article was published ({published:%-d %B %Y})."
    return None


def _check_date(correction: Correction) -> None:
    refused = correction_date_refused(correction.article, correction.corrected_on)
    if refused:
        raise ValidationError({"corrected_on": refused})


@transaction.atomic
def correction_add(
    *,
    article: Article,
    what_was_wrong: str,
    what_is_right: str,
    corrected_on=None,
    user=None,
) -> Correction:
    """Publish a correction to a published article (ValidationError otherwise, nothing stored)."""
    refused = correction_refused(article)
    if refused:
        raise ValidationError(refused)
    correction = Correction(
        article=article,
        what_was_wrong=what_was_wrong.strip(),
        what_is_right=what_is_right.strip(),
        corrected_on=corrected_on or timezone.localdate(),
        created_by=user,
    )
    correction.full_clean()
    _check_date(correction)
    correction.save()
    _correction_shown(correction)
    return correction


WORDING = ("corrected_on", "what_was_wrong", "what_is_right")


@transaction.atomic
def correction_change(
    *,
    correction: Correction,
    what_was_wrong: str | None = None,
    what_is_right: str | None = None,
    corrected_on=None,
    user=None,
) -> Correction:
    """Amend a correction's wording (None keeps a part as it is); the wording it replaces is kept, and shown.

    The stored row is read afresh (and locked), so the earlier wording is what readers saw, whatever
    the caller's copy says; a save that changes nothing records nothing.
    """
    stored = Correction.objects.select_for_update().get(pk=correction.pk)
    for name, value in zip(WORDING, (corrected_on, what_was_wrong, what_is_right), strict=True):
        if value is not None:
            setattr(correction, name, value.strip() if isinstance(value, str) else value)
    correction.article_id = stored.article_id  # a correction belongs to the article it was published on
    if all(getattr(correction, name) == getattr(stored, name) for name in WORDING):
        return correction
    correction.full_clean()
    _check_date(correction)
    CorrectionAmendment.objects.create(
        correction=stored, replaced_by=user, **{name: getattr(stored, name) for name in WORDING}
    )
    correction.save()
    _correction_shown(correction)
    return correction
