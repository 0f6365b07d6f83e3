"""Turn a WordPress export into articles, authors, terms, library images and redirects.

The file is read three times, each time streaming: once to check all of it and learn the channel
(users, categories, guest authors) without writing anything, once for attachments, which go to the
image library first so that posts can name them as lead images, and once for posts.

Posts are prepared one by one (pure Python: a bad item fails here alone) and written in chunks,
each chunk one transaction made of bulk queries. If a chunk fails, it is rolled back whole and its
posts are written again one transaction each, so the bad one is reported and the rest go on, and no
item is ever half stored. Articles and their filing are written through
`articles.services.articles_write_many`, which cleans, derives, indexes and tells the page cache.

Records (`ImportRecord`) key every post, attachment and author on the WordPress site and id, with
the GUID as a second key, so importing the same export again updates what it made and duplicates
nothing. What the export leaves empty (no source, no lead image, no categories) never erases what
editors have added since.
"""

import datetime
import hashlib
import re
import time
from collections import Counter, defaultdict
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from dateutil import parser as dateutil_parser
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import reset_queries, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from articles.models import LIVE_STATUSES, Article, ArticleAuthor, Region, Status, Theme
from articles.original_urls import normalise_url
from articles.services import Filing, articles_write_many
from attribution.models import Source
from authors.models import Author
from images.services import image_create
from images.validators import inspect_image

from .mapping import Mapping, normalise_slug
from .models import ImportRecord
from .parser import WXRReader, parse_rss_date, parse_wp_datetime
from .post_html import convert_body, plain_text
from .report import Report

CHUNK = 250  # posts per transaction: few queries per post, and a failed chunk is cheap to redo one by one
PICTURE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
UPLOADS = "wp-content/uploads/"
# A picture or link in a body pointing into the old site's uploads: (attribute=")(url)(")
UPLOAD_LINK = re.compile(r"""(\s(?:src|href)\s*=\s*["'])([^"'<>]*?/wp-content/uploads/[^"'<>]+)(["'])""", re.I)
# WordPress's resized copies: photo-300x200.jpg is photo.jpg made smaller.
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
STATUSES = {
    "publish": Status.PUBLISHED,
    "future": Status.SCHEDULED,
    "draft": Status.DRAFT,
    "pending": Status.REVIEW,
    "private": Status.DRAFT,
}
# Statuses whose date is the real publication time (a draft's date is only when it was last touched).
DATED = {"publish", "future", "private"}
ARTICLE_FIELDS = [
    "title",
    "dek",
    "body",
    "status",
    "published_at",
    "source_id",
    "original_url",
    "original_published_on",
    "lead_image_id",
]
is_web_url = URLValidator(schemes=["http", "https"])
NOTHING_FILED = {"authors": [], "regions": set(), "themes": set(), "tags": set()}


class ItemError(Exception):
    """One item cannot be imported; the message says why."""


@dataclass
class Post:
    """A WordPress post made ready to write: every value already in Crosspost's terms."""

    label: str
    wp_id: str
    guid: str
    trashed: bool
    title: str
    slug: str
    dek: str
    body: str
    status: str
    published_at: datetime.datetime | None
    authors: list  # (key, display name), in byline order
    regions: list  # (slug, name)
    themes: list  # (slug, name)
    tags: list  # names
    source_name: str
    original_url: str
    original_date: datetime.date | None
    thumbnail: str
    old_path: str
    notes: list = field(default_factory=list)
    # Notes found while writing: started afresh on every attempt, so a retried post is not noted twice.
    write_notes: list = field(default_factory=list)

    @property
    def live(self):
        return self.status in LIVE_STATUSES


class _NoProgress:
    def update(self, count=1):
        pass


@contextmanager
def no_progress(total):
    yield _NoProgress()


class Importer:
    def __init__(self, path, *, media_dir=None, mapping=None, dry_run=False, progress=no_progress, chunk_size=CHUNK):
        self.reader = WXRReader(path)
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.mapping = mapping or Mapping()
        self.dry_run = dry_run
        self.progress = progress
        self.chunk_size = chunk_size
        self.report = Report(dry_run=dry_run)
        self.vocabulary = Vocabulary(self)
        # Attachments a dry run found importable: posts may name them as lead images without a note.
        self.importable_attachments = set()

    def run(self) -> Report:
        started = time.monotonic()
        self.export = export = self.reader.scan()
        self.site = normalise_url(export.site_url or export.blog_url or export.link)[:200] or "wordpress"
        self.parents = {normalise_slug(slug): parent for slug, (_name, parent) in export.categories.items()}
        self.category_names = {normalise_slug(slug): name for slug, (name, _parent) in export.categories.items()}
        self.user_logins = {slugify(login): login for login in export.users}
        self.site_hosts = {
            (urlsplit(url).hostname or "").removeprefix("www.")
            for url in (export.site_url, export.blog_url, export.link)
            if url
        }
        self.report.source = (
            f"{self.reader.path.name}: WXR {export.version} from {export.site_url or export.link or 'an unnamed site'}"
        )
        with self.progress(export.items) as bar, transaction.atomic() if self.dry_run else nullcontext():
            self._import_attachments(bar)
            self._import_posts(bar)
            if self.dry_run:
                transaction.set_rollback(True)
        self.report.seconds = time.monotonic() - started
        return self.report

    # --- attachments --------------------------------------------------------------------------------

    def _import_attachments(self, bar):
        for item in self.reader.items():
            if item.post_type == "attachment":
                reset_queries()
                self._import_attachment(item)
                bar.update(1)

    def _import_attachment(self, item):
        report, label = self.report, item.label
        if not item.post_id.isdigit():
            report.add("attachment", "failed", label, "it has no numeric <wp:post_id>")
            return
        alt_text = (
            plain_text(item.meta.get("_wp_attachment_image_alt")) or plain_text(item.title) or f"Picture {item.post_id}"
        )[:300]
        caption = plain_text(item.excerpt)
        record = ImportRecord.objects.filter(
            site=self.site, kind=ImportRecord.Kind.ATTACHMENT, wp_id=item.post_id
        ).first()
        if record is not None:
            self._refresh_image(record, label, alt_text, caption)
            return
        upload = upload_path(item)
        if upload is None:
            report.add("attachment", "skipped", label, "its address is not under wp-content/uploads")
            return
        # As the report shows it: a NUL or a control character in a hostile path is written out, not printed.
        relative = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in upload[:300])
        if self.media_dir is None:
            report.add("attachment", "skipped", label, f"no --media-dir given, so {relative} was not looked for")
            return
        path = resolve_under(self.media_dir, upload)
        if path is None:
            report.add(
                "attachment", "failed", label, f"its path “{relative[:120]}” leads outside --media-dir; not read"
            )
            return
        if not path.is_file():
            report.add("attachment", "skipped", label, f"file not found under --media-dir: {relative}")
            return
        if path.suffix.lower() not in PICTURE_EXTENSIONS:
            report.add(
                "attachment",
                "skipped",
                label,
                f"not a picture ({path.suffix or 'no extension'}); the image library takes JPEG, PNG, WebP and GIF",
            )
            return
        try:
            if self.dry_run:
                with path.open("rb") as file:
                    inspect_image(File(file, name=path.name))
                self.importable_attachments.add(item.post_id)
            else:
                with transaction.atomic(), path.open("rb") as file:
                    image = image_create(file=File(file, name=path.name), alt_text=alt_text, caption=caption)
                    ImportRecord.objects.create(
                        site=self.site,
                        kind=ImportRecord.Kind.ATTACHMENT,
                        wp_id=item.post_id,
                        guid=item.guid.strip()[:500],
                        old_path=upload[:500],
                        image=image,
                    )
        except ValidationError as exc:
            report.add("attachment", "failed", label, f"{relative}: {' '.join(exc.messages)}")
            return
        except Exception as exc:  # noqa: BLE001 - one bad file is reported and the import goes on
            report.add("attachment", "failed", label, f"{relative}: {describe(exc)}")
            return
        report.add("attachment", "created", label)

    def _refresh_image(self, record, label, alt_text, caption):
        if record.image_id is None:
            self.report.add(
                "attachment",
                "skipped",
                label,
                "its library image was deleted here after an earlier import; not brought back",
            )
            return
        image = record.image
        if (image.alt_text, image.caption) == (alt_text, caption):
            self.report.add("attachment", "unchanged", label)
            return
        image.alt_text, image.caption = alt_text, caption
        image.save(update_fields=["alt_text", "caption"])
        self.report.add("attachment", "updated", label)

    # --- posts --------------------------------------------------------------------------------------

    def _import_posts(self, bar):
        pending, seen = [], set()
        for item in self.reader.items():
            kind = item.post_type
            if kind == "attachment":
                continue
            bar.update(1)
            if kind == "post":
                try:
                    post = self._prepare(item)
                except ItemError as exc:
                    self.report.add("post", "failed", item.label, str(exc))
                    continue
                if post is None:
                    continue
                if post.wp_id in seen:
                    self.report.add("post", "failed", post.label, "its post id appears twice in the export")
                    continue
                seen.add(post.wp_id)
                pending.append(post)
                if len(pending) >= self.chunk_size:
                    self._write_chunk(pending)
                    pending = []
            elif kind == "page":
                self.report.add(
                    "page", "skipped", item.label, "pages are not imported: recreate policy pages in the admin"
                )
            elif kind == "guest-author":
                continue  # read by the scan for the bylines of posts
            elif not kind:
                self.report.add("item", "failed", item.label, "it has no <wp:post_type>")
            else:
                self.report.add(kind[:40], "skipped", item.label, f"the post type “{kind[:40]}” is not imported")
        if pending:
            self._write_chunk(pending)

    def _prepare(self, item):
        """The post in Crosspost's terms, or None when it is skipped (and reported); ItemError when it cannot be."""
        label = item.label
        if not item.post_id:
            raise ItemError("it has no <wp:post_id>")
        if not item.post_id.isdigit():
            raise ItemError(f"its <wp:post_id> “{item.post_id[:40]}” is not a number")
        wp_status = item.status
        if not wp_status:
            raise ItemError("it has no <wp:status>")
        if wp_status == "auto-draft":
            self.report.add("post", "skipped", label, "an auto-draft WordPress made by itself, never written")
            return None
        if wp_status == "inherit":
            self.report.add("post", "skipped", label, "status “inherit”: a revision, not a post")
            return None
        notes = []
        try:
            when = parse_wp_datetime(item.post_date_gmt)
            if when is None and wp_status in DATED:
                # Some importers into WordPress leave the GMT date empty; the RSS date, then the local one, will do.
                when = parse_rss_date(item.pub_date) or parse_wp_datetime(item.post_date)
        except ValueError as exc:
            raise ItemError(f"its publication date {exc}") from None

        status = STATUSES.get(wp_status)
        if status is None and wp_status != "trash":
            status = Status.DRAFT
            notes.append(f"its WordPress status “{wp_status[:40]}” is unknown here: kept as a draft")
        if wp_status == "private":
            notes.append("private in WordPress: kept as a draft, never public")
        if item.post_password.strip() and wp_status != "trash":
            status = Status.DRAFT
            notes.append("password-protected in WordPress: kept as a draft, never public (the password is not kept)")
        if status in LIVE_STATUSES and when is None:
            status = Status.DRAFT
            notes.append("the export gives no publication date: kept as a draft")

        title = plain_text(item.title)[:300]
        if not title:
            title = f"(untitled WordPress post {item.post_id})"
            notes.append(f"it has no title: called “{title}” so editors can find it")
        slug = (
            slugify(unquote(item.post_name.strip()))[:180].strip("-")
            or slugify(title)[:180].strip("-")
            or f"wordpress-post-{item.post_id}"
        )
        guid = item.guid.strip()
        if len(guid) > 500:
            guid = ""
            notes.append("its GUID is longer than 500 characters: matched by post id only")

        regions, themes, tags = [], [], []
        for domain, nicename, text in item.terms:
            if domain == "category":
                key = normalise_slug(nicename) or normalise_slug(text)
                target = self.mapping.category_target(key, self.parents)
                name = (plain_text(text) or self.category_names.get(key) or key)[:200]
                if target.kind == "tag":
                    tags.append(name)
                elif target.kind in ("region", "theme"):
                    slug_here = target.slug or ascii_slug(key, name, prefix="term")
                    (regions if target.kind == "region" else themes).append((slug_here, name))
            elif domain == "post_tag":
                name = plain_text(text) or unquote(nicename)
                if name:
                    tags.append(name[:100])

        original_url = self.mapping.field_value("original_url", item.meta)
        if original_url:
            try:
                if len(original_url) > 500:
                    raise ValidationError("too long")
                is_web_url(original_url)
            except ValidationError:
                notes.append(f"its original URL “{original_url[:80]}” is not a web address: left empty")
                original_url = ""
        original_date = None
        raw_date = self.mapping.field_value("original_date", item.meta)
        if raw_date:
            original_date = parse_loose_date(raw_date)
            if original_date is None:
                notes.append(f"its original date “{raw_date[:40]}” is not a date: left empty")

        return Post(
            label=label,
            wp_id=item.post_id,
            guid=guid,
            trashed=wp_status == "trash",
            title=title,
            slug=slug,
            dek=plain_text(item.excerpt),
            body=convert_body(item.content),
            status=status or Status.DRAFT,
            published_at=when if wp_status in DATED else None,
            authors=self._byline(item),
            regions=regions,
            themes=themes,
            tags=tags,
            source_name=" ".join(self.mapping.field_value("source_name", item.meta).split())[:200],
            original_url=original_url,
            original_date=original_date,
            thumbnail=(item.meta.get("_thumbnail_id") or "").strip(),
            old_path=permalink_path(item.link),
            notes=notes,
        )

    def _byline(self, item):
        """(key, display name) of each author in order: Co-Authors Plus terms when present, else dc:creator."""
        export = self.export
        byline = []
        co_authors = [(nicename, text) for domain, nicename, text in item.terms if domain == "author"]
        for nicename, text in co_authors:
            slug = unquote(nicename.strip()) or f"cap-{slugify(text)}"
            login = slug.removeprefix("cap-")
            user = login if login in export.users else self.user_logins.get(login)
            if slug in export.guest_authors:
                byline.append((f"guest:{login}", export.guest_authors[slug]))
            elif user:
                byline.append((f"user:{user}", export.users[user]))
            else:
                name = export.author_terms.get(slug) or " ".join(text.split()) or login
                byline.append((f"guest:{login}", name))
        if not byline:
            login = item.creator.strip()
            if login:
                byline.append((f"user:{login}", export.users.get(login, login)))
        unique = {}
        for key, name in byline:
            if name:
                unique.setdefault(key[:200], name[:200])
        return list(unique.items())

    # --- writing posts ------------------------------------------------------------------------------

    def _write_chunk(self, posts):
        # With DEBUG on, Django keeps every query it ran; thousands of bulk inserts would pile up.
        reset_queries()
        try:
            with transaction.atomic():
                outcomes = self._write(posts)
        except Exception as exc:  # noqa: BLE001 - a failed item is reported; the others are written one by one
            self.vocabulary.forget()
            if len(posts) == 1:
                self.report.add("post", "failed", posts[0].label, describe(exc))
            else:
                for post in posts:
                    self._write_chunk([post])
            return
        self.vocabulary.keep()
        # Counted only now that the transaction holding them has committed (or, in a dry run, its savepoint).
        for outcome in outcomes:
            if outcome[0] == "note":
                self.report.note(*outcome[1:])
            else:
                self.report.add(*outcome)

    def _write(self, posts):
        """Write `posts` with bulk queries; returns the report lines, to be counted once committed."""
        outcomes = []
        records = self._records_for(posts)
        kept, trashed = [], []
        for post in posts:
            post.write_notes = []
            record = records.get(post.wp_id)
            if record is not None and record.article_id is None:
                outcomes.append(
                    (
                        "post",
                        "skipped",
                        post.label,
                        "its article was deleted here after an earlier import; not brought back",
                    )
                )
            elif post.trashed:
                if record is None:
                    outcomes.append(("post", "skipped", post.label, "in the WordPress trash"))
                else:
                    trashed.append((post, record))
            else:
                kept.append((post, record))
        if trashed:
            self._withdraw_trashed(trashed, outcomes)
        if not kept:
            return outcomes

        vocabulary = self.vocabulary
        author_ids = vocabulary.authors([ref for post, _ in kept for ref in post.authors], outcomes)
        region_ids = vocabulary.terms(Region, "region", [ref for post, _ in kept for ref in post.regions], outcomes)
        theme_ids = vocabulary.terms(Theme, "theme", [ref for post, _ in kept for ref in post.themes], outcomes)
        tag_ids = vocabulary.tags([name for post, _ in kept for name in post.tags], outcomes)
        source_ids = vocabulary.sources([post.source_name for post, _ in kept if post.source_name], outcomes)
        image_ids = self._images_for([post.thumbnail for post, _ in kept if post.thumbnail])
        self._use_library_pictures([post for post, _ in kept])

        existing = Article.objects.only("pk", "slug", *[name.removesuffix("_id") for name in ARTICLE_FIELDS]).in_bulk(
            [record.article_id for _, record in kept if record is not None]
        )
        new_slugs = unique_slugs(Article, {post.wp_id: post.slug for post, record in kept if record is None}, 200)
        now = timezone.now()
        rows, new_articles, changed_articles = [], [], []
        for post, record in kept:
            article = existing.get(record.article_id) if record else None
            values = {
                "title": post.title,
                "dek": post.dek,
                "body": post.body,
                "status": post.status,
                "published_at": post.published_at,
            }
            # What the export leaves empty never erases what editors have added since an earlier import.
            if post.source_name:
                values["source_id"] = source_ids[post.source_name.lower()]
            if post.original_url:
                values["original_url"] = post.original_url
            if post.original_date:
                values["original_published_on"] = post.original_date
            if post.thumbnail:
                if post.thumbnail in image_ids:
                    values["lead_image_id"] = image_ids[post.thumbnail]
                elif post.thumbnail not in self.importable_attachments:
                    post.write_notes.append(
                        f"its featured image (attachment {post.thumbnail[:20]}) is not in the image library: "
                        "no lead image"
                    )
            if article is None:
                article = Article(slug=new_slugs[post.wp_id], **values)
                new_articles.append(article)
                changed = True
            else:
                before = [getattr(article, name) for name in ARTICLE_FIELDS]
                for name, value in values.items():
                    setattr(article, name, value)
                # Compared as it would be stored (the body cleaned), or every re-run would rewrite every post.
                article.derive_columns()
                changed = before != [getattr(article, name) for name in ARTICLE_FIELDS]
                if changed:
                    changed_articles.append(article)
            rows.append([post, record, article, changed])

        filings, links_changed = self._filings(rows, author_ids, region_ids, theme_ids, tag_ids)
        articles_write_many(create=new_articles, update=changed_articles, fields=ARTICLE_FIELDS, filings=filings)
        self._write_records(rows, now)
        self._write_redirects(rows, outcomes)

        for post, record, _article, changed in rows:
            status = (
                "created" if record is None else ("updated" if changed or post.wp_id in links_changed else "unchanged")
            )
            outcomes.append(("post", status, post.label, ""))
            outcomes.extend(("note", "post", post.label, note) for note in post.notes + post.write_notes)
        return outcomes

    def _records_for(self, posts):
        """Earlier imports of these posts: by site and post id, else by GUID (the site may have moved)."""
        records = {
            record.wp_id: record
            for record in ImportRecord.objects.filter(
                site=self.site, kind=ImportRecord.Kind.POST, wp_id__in=[post.wp_id for post in posts]
            )
        }
        guids = {post.guid: post for post in posts if post.wp_id not in records and post.guid}
        if guids:
            for record in ImportRecord.objects.filter(kind=ImportRecord.Kind.POST, guid__in=list(guids)):
                post = guids[record.guid]
                if post.wp_id not in records:
                    # Found by GUID: the site moved or renumbered its posts; the record follows.
                    record.site, record.wp_id = self.site, post.wp_id
                    record.moved = True
                    records[post.wp_id] = record
        return records

    def _withdraw_trashed(self, trashed, outcomes):
        """A post trashed in WordPress since the last import stops being public here."""
        ids = [record.article_id for _, record in trashed]
        unpublished = list(Article.objects.filter(pk__in=ids, status__in=LIVE_STATUSES))
        for article in unpublished:
            article.status = Status.DRAFT
        articles_write_many(update=unpublished, fields=["status"])
        live = {article.pk for article in unpublished}
        # Its old address stops answering too (only where it still points at this article).
        gone = Q()
        for article in unpublished:
            record = next(record for _, record in trashed if record.article_id == article.pk)
            if record.old_path:
                gone |= Q(old_path=record.old_path, new_path=article.get_absolute_url())
        if gone:
            Redirect.objects.filter(gone, site=self.current_site).delete()
        for post, record in trashed:
            if record.article_id in live:
                outcomes.append(("post", "updated", post.label, ""))
                outcomes.append(("note", "post", post.label, "in the WordPress trash: made a draft, no longer public"))
            else:
                outcomes.append(("post", "skipped", post.label, "in the WordPress trash"))

    def _use_library_pictures(self, posts):
        """Pictures and links into the old site's uploads point at the library's copy, when it has one.

        The old site may not outlive the move; a picture imported into the library is served from here.
        """
        wanted = {}
        for post in posts:
            for match in UPLOAD_LINK.finditer(post.body):
                path = self._upload_path_of(match[2])
                if path:
                    wanted.setdefault(path, None)
                    wanted.setdefault(SIZE_SUFFIX.sub("", path), None)
        if not wanted:
            return
        records = ImportRecord.objects.filter(
            site=self.site, kind=ImportRecord.Kind.ATTACHMENT, old_path__in=list(wanted), image__isnull=False
        ).select_related("image")
        urls = {record.old_path: record.image.file.url for record in records}
        if not urls:
            return

        def swap(match):
            path = self._upload_path_of(match[2])
            url = path and (urls.get(path) or urls.get(SIZE_SUFFIX.sub("", path)))
            return f"{match[1]}{url}{match[3]}" if url else match[0]

        for post in posts:
            post.body = UPLOAD_LINK.sub(swap, post.body)

    def _upload_path_of(self, url):
        """The path under wp-content/uploads of an address on the old site (or a relative one), else None."""
        parts = urlsplit(url.strip())
        if parts.hostname and parts.hostname.removeprefix("www.") not in self.site_hosts:
            return None
        path = unquote(parts.path)
        return path.split(f"/{UPLOADS}", 1)[1] if f"/{UPLOADS}" in path else None

    def _images_for(self, thumbnails):
        if not thumbnails:
            return {}
        return dict(
            ImportRecord.objects.filter(
                site=self.site, kind=ImportRecord.Kind.ATTACHMENT, wp_id__in=set(thumbnails), image__isnull=False
            ).values_list("wp_id", "image_id")
        )

    def _filings(self, rows, author_ids, region_ids, theme_ids, tag_ids):
        """What to file each article under: the bylines, regions, themes and tags the export names where they
        differ from what the article has (new articles have nothing yet). Also the posts whose filing changed."""
        article_type = ContentType.objects.get_for_model(Article)
        old_ids = [article.pk for _, record, article, _ in rows if record is not None]
        current = {"authors": defaultdict(list), "regions": defaultdict(set), "themes": defaultdict(set)}
        current["tags"] = defaultdict(set)
        if old_ids:
            for article_id, author_id in (
                ArticleAuthor.objects.filter(article_id__in=old_ids)
                .order_by("order", "pk")
                .values_list("article_id", "author_id")
            ):
                current["authors"][article_id].append(author_id)
            for relation, through, column in (
                ("regions", Article.regions.through, "region_id"),
                ("themes", Article.themes.through, "theme_id"),
            ):
                for article_id, term_id in through.objects.filter(article_id__in=old_ids).values_list(
                    "article_id", column
                ):
                    current[relation][article_id].add(term_id)
            for article_id, tag_id in TaggedItem.objects.filter(
                content_type=article_type, object_id__in=old_ids
            ).values_list("object_id", "tag_id"):
                current["tags"][article_id].add(tag_id)

        filings, changed_posts = [], set()
        for post, record, article, _ in rows:  # a new article has no key yet, and nothing in `current`
            desired = {
                "authors": list(dict.fromkeys(author_ids[key] for key, _ in post.authors)),
                "regions": {region_ids[slug] for slug, _ in post.regions},
                "themes": {theme_ids[slug] for slug, _ in post.themes},
                "tags": {tag_ids[name.lower()] for name in post.tags},
            }
            had = {relation: current[relation].get(article.pk, empty) for relation, empty in NOTHING_FILED.items()}
            wanted = {relation: value for relation, value in desired.items() if value and value != had[relation]}
            if wanted:
                filings.append((article, Filing(**wanted)))
                if record is not None:
                    changed_posts.add(post.wp_id)
        return filings, changed_posts

    def _write_records(self, rows, now):
        new, moved, seen = [], [], []
        for post, record, article, _ in rows:
            if record is None:
                new.append(
                    ImportRecord(
                        site=self.site,
                        kind=ImportRecord.Kind.POST,
                        wp_id=post.wp_id,
                        guid=post.guid,
                        old_path=post.old_path[:500],
                        article=article,
                        first_imported_at=now,
                        last_imported_at=now,
                    )
                )
                continue
            seen.append(record.pk)
            if (record.guid, record.old_path) != (post.guid, post.old_path[:500]) or getattr(record, "moved", False):
                record.guid, record.old_path = post.guid, post.old_path[:500]
                moved.append(record)
        ImportRecord.objects.bulk_create(new)
        if moved:
            ImportRecord.objects.bulk_update(moved, ["site", "wp_id", "guid", "old_path"], batch_size=100)
        if seen:
            ImportRecord.objects.filter(pk__in=seen).update(last_imported_at=now)

    @property
    def current_site(self):
        if not hasattr(self, "_current_site"):
            self._current_site = Site.objects.get_current()
        return self._current_site

    def _write_redirects(self, rows, outcomes):
        """Each live post's old permalink path answers 301 with its new address (django.contrib.redirects)."""
        wanted, withdrawn = {}, Q()
        for post, record, article, _ in rows:
            if not post.old_path:
                continue
            new_path = article.get_absolute_url()
            if not post.live:
                if record is not None:
                    # Unpublished in WordPress since the last import: its old address stops answering.
                    withdrawn |= Q(old_path=post.old_path, new_path=new_path)
                continue
            if post.old_path == new_path:
                continue
            if urlsplit(post.old_path).path == "/":
                post.write_notes.append(
                    f"its old address {post.old_path[:60]} is a query on the home page, which no redirect can answer"
                )
            elif len(post.old_path) > Redirect._meta.get_field("old_path").max_length:
                post.write_notes.append("its old address is longer than 200 characters: no redirect")
            elif post.old_path in wanted:
                post.write_notes.append(f"its old address {post.old_path} is another post's too: that one keeps it")
            else:
                wanted[post.old_path] = new_path
        site = self.current_site
        if withdrawn:
            Redirect.objects.filter(withdrawn, site=site).delete()
        if not wanted:
            return
        existing = {
            redirect.old_path: redirect for redirect in Redirect.objects.filter(site=site, old_path__in=list(wanted))
        }
        changed = []
        for old_path, new_path in wanted.items():
            redirect = existing.get(old_path)
            if redirect is None:
                outcomes.append(("redirect", "created", old_path, ""))
            elif redirect.new_path != new_path:
                redirect.new_path = new_path
                changed.append(redirect)
                outcomes.append(("redirect", "updated", old_path, ""))
            else:
                outcomes.append(("redirect", "unchanged", old_path, ""))
        Redirect.objects.bulk_create(
            Redirect(site=site, old_path=old_path, new_path=new_path)
            for old_path, new_path in wanted.items()
            if old_path not in existing
        )
        if changed:
            Redirect.objects.bulk_update(changed, ["new_path"])


class Vocabulary:
    """Authors, regions, themes, tags and sources by their WordPress names, found or made once per import.

    What a chunk made is remembered only once that chunk has committed: a rolled-back chunk's rows
    are gone, so `forget()` drops them and the next attempt makes them again.
    """

    def __init__(self, importer):
        self.importer = importer
        self.known = defaultdict(dict)
        self.fresh = []

    def forget(self):
        for kind, key in self.fresh:
            self.known[kind].pop(key, None)
        self.fresh.clear()

    def keep(self):
        self.fresh.clear()

    def _remember(self, kind, key, pk):
        self.known[kind][key] = pk
        self.fresh.append((kind, key))

    def authors(self, refs, outcomes):
        known = self.known["author"]
        missing = {key: name for key, name in refs if key not in known}
        if missing:
            site = self.importer.site
            records = ImportRecord.objects.filter(site=site, kind=ImportRecord.Kind.AUTHOR, wp_id__in=list(missing))
            for wp_id, author_id in records.exclude(author=None).values_list("wp_id", "author_id"):
                self._remember("author", wp_id, author_id)
                del missing[wp_id]
        if missing:
            # Records whose author was deleted since: made again below.
            ImportRecord.objects.filter(
                site=self.importer.site, kind=ImportRecord.Kind.AUTHOR, wp_id__in=list(missing)
            ).delete()
            slugs = {key: ascii_slug(name, key.partition(":")[2], prefix="author") for key, name in missing.items()}
            # An author already here under the same slug is the same person: an editor added them, or another login did.
            by_slug = dict(Author.objects.filter(slug__in=set(slugs.values())).values_list("slug", "pk"))
            created = {}
            for key, name in missing.items():
                slug = slugs[key]
                if slug not in by_slug and slug not in created:
                    created[slug] = Author(name=name, slug=slug)
            Author.objects.bulk_create(created.values())
            for slug, author in created.items():
                by_slug[slug] = author.pk
                outcomes.append(("author", "created", author.name, ""))
            ImportRecord.objects.bulk_create(
                ImportRecord(
                    site=self.importer.site, kind=ImportRecord.Kind.AUTHOR, wp_id=key, author_id=by_slug[slugs[key]]
                )
                for key in missing
            )
            for key in missing:
                self._remember("author", key, by_slug[slugs[key]])
        return known

    def terms(self, model, kind, refs, outcomes):
        known = self.known[kind]
        missing = {}
        for slug, name in refs:
            if slug not in known:
                missing.setdefault(slug, name)
        if missing:
            found = dict(model.objects.filter(slug__in=list(missing)).values_list("slug", "pk"))
            new = [model(name=name, slug=slug) for slug, name in missing.items() if slug not in found]
            model.objects.bulk_create(new)
            for term in new:
                found[term.slug] = term.pk
                outcomes.append((kind, "created", term.name, ""))
            for slug, pk in found.items():
                self._remember(kind, slug, pk)
        return known

    def tags(self, names, outcomes):
        return self._by_name(Tag, "tag", names, outcomes, slug_length=100)

    def sources(self, names, outcomes):
        return self._by_name(Source, "source", names, outcomes, slug_length=200)

    def _by_name(self, model, kind, names, outcomes, *, slug_length):
        """name.lower() → pk of the `model` row with that name in any case (the oldest, if several), made if none."""
        known = self.known[kind]
        missing = {}
        for name in names:
            if name.lower() not in known:
                missing.setdefault(name.lower(), name)
        if missing:
            query = model.objects.annotate(lowered=Lower("name")).filter(
                Q(name__in=list(missing.values())) | Q(lowered__in=list(missing))
            )
            found = {}
            for name, pk in query.order_by("pk").values_list("name", "pk"):
                found.setdefault(name.lower(), pk)
            to_make = {lowered: name for lowered, name in missing.items() if lowered not in found}
            slugs = unique_slugs(
                model, {lowered: ascii_slug(name, prefix=kind) for lowered, name in to_make.items()}, slug_length
            )
            new = [model(name=name, slug=slugs[lowered]) for lowered, name in to_make.items()]
            model.objects.bulk_create(new)
            for row in new:
                found[row.name.lower()] = row.pk
                outcomes.append((kind, "created", row.name, ""))
            for lowered, pk in found.items():
                self._remember(kind, lowered, pk)
        return known


# --- helpers ------------------------------------------------------------------------------------------


def describe(exc):
    text = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def ascii_slug(*candidates, prefix):
    """A slug the site's URLs accept (ASCII letters, digits, hyphens), from the first candidate that gives one.

    Names in other scripts give none: they get `<prefix>-` and a short hash of the name instead, stable across runs.
    """
    for candidate in candidates:
        slug = slugify(unquote(candidate or ""))[:180].strip("-")
        if slug:
            return slug
    seed = next((candidate for candidate in candidates if candidate), prefix)
    return f"{prefix}-{hashlib.sha1(seed.encode(), usedforsecurity=False).hexdigest()[:10]}"


def unique_slugs(model, wanted, max_length):
    """key → a slug no row of `model` has and no other key got: the wanted one, else with -2, -3…"""
    if not wanted:
        return {}
    bases = Counter(wanted.values())
    taken = set(model.objects.filter(slug__in=list(bases)).values_list("slug", flat=True))
    clashing = [base for base, count in bases.items() if base in taken or count > 1]
    if clashing:
        query = Q()
        for base in clashing:
            query |= Q(slug__startswith=f"{base[: max_length - 4]}-")
        taken |= set(model.objects.filter(query).values_list("slug", flat=True))
    result = {}
    for key, base in wanted.items():
        slug, number = base, 2
        while slug in taken:
            suffix = f"-{number}"
            slug = base[: max_length - len(suffix)] + suffix
            number += 1
        taken.add(slug)
        result[key] = slug
    return result


def upload_path(item):
    """The attachment's path under wp-content/uploads, from its address, else from `_wp_attached_file`."""
    url_path = unquote(urlsplit(item.attachment_url.strip()).path) if item.attachment_url.strip() else ""
    if f"/{UPLOADS}" in url_path:
        return url_path.split(f"/{UPLOADS}", 1)[1]
    attached = unquote((item.meta.get("_wp_attached_file") or "").strip())
    if UPLOADS in attached:
        # Old WordPress versions stored the whole server path.
        return attached.split(UPLOADS, 1)[1]
    return attached or None


def resolve_under(root, relative):
    """`root / relative` if that file is inside `root` once `..` and symbolic links are followed, else None."""
    if not relative or "\x00" in relative:
        return None
    path = PurePosixPath(relative.replace("\\", "/"))
    if path.is_absolute() or re.match(r"^[A-Za-z]:", str(path)):
        return None
    candidate = (root / path).resolve()
    return candidate if candidate.is_relative_to(root) else None


def permalink_path(link):
    """The path (and query) a reader's browser asks for at the old permalink, as Django will see it."""
    link = (link or "").strip()
    if not link:
        return ""
    parts = urlsplit(link)
    path = escape_uri_path(unquote(parts.path or "/"))
    return f"{path}?{parts.query}" if parts.query else path


def parse_loose_date(value):
    """A date from a custom field: 2019-05-04, 20190504 (ACF), 4 May 2019, a Unix time…; None if it is none."""
    value = value.strip()
    if re.fullmatch(r"\d{9,11}", value):
        try:
            return datetime.datetime.fromtimestamp(int(value), tz=datetime.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    try:
        parsed = dateutil_parser.parse(value, default=datetime.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date() if 1000 < parsed.year < 3000 else None
