"""A large, realistic and deterministic corpus of articles, for benchmarks: `manage.py generate_content`.

About one author per ten articles, one to four authors per article in byline order, sources,
regions, themes and tags, bodies of 800 to 2,000 words, cross-posts with their original's
address and date, and some drafts, articles in review, scheduled and withdrawn ones. The same
seed gives the same corpus (scheduled articles excepted: they are placed at fixed offsets from
the moment of generation, so that they stay in the future).

Articles are written a chunk at a time through `articles.services.articles_write_many`, which
cleans and derives as save() does and indexes each chunk in one set-based statement; the people,
places and terms they are filed under are bulk inserts of their own. Every generated row has a
slug starting with PREFIX, so `remove_generated` deletes them and nothing else.
"""

import datetime
import random
import time
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleAuthor, Region, Status, Theme
from articles.search import forget as forget_in_search
from articles.search import optimise_sqlite_index
from articles.services import Filing, articles_write_many
from attribution.models import CanonicalPolicy, Source
from authors.models import Author
from pagecache.store import content_changed

from .words import (
    ACTIONS,
    AFFILIATIONS,
    FIRST_NAMES,
    HEADINGS,
    LAST_NAMES,
    OBJECTS,
    OPENERS,
    PLACES,
    REGIONS,
    SOURCE_FIRST,
    SOURCE_SECOND,
    SUBJECTS,
    TAILS,
    THEMES,
    TOPIC_MODIFIERS,
    TOPIC_NOUNS,
    VERBS,
)

PREFIX = "gen-"
CHUNK = 1000  # articles built and inserted at a time: bounded memory, a steady progress bar
# Published articles are spread back from here; a fixed moment keeps the corpus the same every time.
ANCHOR = datetime.datetime(2026, 1, 1, 6, 0, tzinfo=datetime.UTC)

STATUS_SHARES = [  # cumulative thresholds over [0, 1000)
    (940, Status.PUBLISHED),
    (960, Status.SCHEDULED),
    (980, Status.DRAFT),
    (990, Status.REVIEW),
    (1000, Status.WITHDRAWN),
]
CROSS_POST_SHARE = 0.6


@dataclass
class Vocabulary:
    """The people, places and terms articles are filed under, with their primary keys."""

    author_ids: list
    sources: list
    region_ids: list
    theme_ids: list
    tag_ids: list
    topics: list
    sentences: list  # (text, words) of the shared filler prose


@dataclass
class Report:
    articles: int
    authors: int
    sources: int
    regions: int
    themes: int
    tags: int
    seconds: float


def topic_list():
    return [f"{modifier} {noun}" for modifier in TOPIC_MODIFIERS for noun in TOPIC_NOUNS]


def filler_sentences(rng, count=4000):
    sentences = []
    for _ in range(count):
        text = (
            f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} "
            f"{rng.choice(OBJECTS)}{rng.choice(TAILS)}."
        )
        sentences.append((text[0].upper() + text[1:], len(text.split())))
    return sentences


def topic_sentence(rng, topics, places):
    text = (
        f"{rng.choice(OPENERS)} {rng.choice(topics)} will {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"in {rng.choice(places)}{rng.choice(TAILS)}."
    )
    return text[0].upper() + text[1:], len(text.split())


def body_html(rng, vocabulary, topics, places):
    """Paragraphs of three to six sentences, a heading or two, now and then a quotation: 800–2,000 words."""
    target = rng.randint(800, 1900)
    paragraphs, words, since_heading = [], 0, 0
    while words < target:
        if since_heading >= 5 and rng.random() < 0.3:
            heading = rng.choice(HEADINGS)
            paragraphs.append(f"<h2>{heading}</h2>")
            words += len(heading.split())
            since_heading = 0
        sentences = []
        for _ in range(rng.randint(3, 6)):
            text, count = (
                topic_sentence(rng, topics, places) if rng.random() < 0.2 else rng.choice(vocabulary.sentences)
            )
            sentences.append(text)
            words += count
        paragraph = " ".join(sentences)
        if rng.random() < 0.05:
            paragraphs.append(f"<blockquote><p>{paragraph}</p></blockquote>")
        else:
            paragraphs.append(f"<p>{paragraph}</p>")
        since_heading += 1
    return "\n".join(paragraphs)


def _status(rng):
    draw = rng.randrange(1000)
    return next(status for threshold, status in STATUS_SHARES if draw < threshold)


def build_vocabulary(rng, count):
    """Create the authors, sources, regions, themes and tags a corpus of `count` articles is filed under."""
    author_total = max(5, count // 10)
    authors = []
    for index in range(author_total):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
        initial = index // (len(FIRST_NAMES) * len(LAST_NAMES))
        name = f"{first} {chr(65 + initial % 26)}. {last}" if initial else f"{first} {last}"
        topics = rng.sample(TOPIC_MODIFIERS, 2)
        authors.append(
            Author(
                name=name,
                slug=f"{PREFIX}{slugify(name)}-{index}",
                affiliation=rng.choice(AFFILIATIONS),
                short_bio=f"{name} writes about {topics[0]} and {topics[1]} policy.",
                bio=" ".join(text for text, _ in rng.sample(filler_sentences(rng, 12), 4)),
            )
        )
    author_ids = [author.pk for author in Author.objects.bulk_create(authors)]

    source_total = max(5, min(120, count // 250))
    sources = []
    for index in range(source_total):
        name = f"The {SOURCE_FIRST[index % len(SOURCE_FIRST)]} {SOURCE_SECOND[index // len(SOURCE_FIRST)]}"
        slug = f"{PREFIX}{slugify(name)}"
        sources.append(
            Source(
                name=name,
                slug=slug,
                homepage=f"https://{slugify(name).removeprefix('the-')}.example.org/",
                description=f"{name} publishes analysis of {rng.choice(OBJECTS)}.",
                reprint_terms="Non-commercial reprints allowed with a credit and a link.",
                canonical_policy=rng.choice([CanonicalPolicy.ORIGINAL] * 8 + [CanonicalPolicy.SELF]),
            )
        )
    sources = Source.objects.bulk_create(sources)

    regions = Region.objects.bulk_create(
        Region(name=name, slug=f"{PREFIX}{slugify(name)}", description=f"Analysis from {name}.") for name in REGIONS
    )
    themes = Theme.objects.bulk_create(
        Theme(name=name, slug=f"{PREFIX}{slugify(name)}", description=f"Articles on {name.lower()}.") for name in THEMES
    )

    topics = topic_list()
    tag_names = list(dict.fromkeys([*PLACES, *topics]))[: max(60, count // 20)]
    existing = {tag.name.lower(): tag.pk for tag in Tag.objects.filter(name__in=tag_names)}
    # A tag an editor already made is shared, never duplicated (and never removed by a reset).
    new_tags = Tag.objects.bulk_create(
        Tag(name=name, slug=f"{PREFIX}{slugify(name)}") for name in tag_names if name.lower() not in existing
    )
    tag_ids = [*existing.values(), *(tag.pk for tag in new_tags)]

    return Vocabulary(
        author_ids=author_ids,
        sources=sources,
        region_ids=[region.pk for region in regions],
        theme_ids=[theme.pk for theme in themes],
        tag_ids=tag_ids,
        topics=topics,
        sentences=filler_sentences(rng),
    )


def build_article(rng, vocabulary, index, count, now):
    status = _status(rng)
    topics = rng.sample(vocabulary.topics, 2)
    places = rng.sample(PLACES, 2)
    title = rng.choice(
        [
            f"How {topics[0]} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {places[0]}",
            f"{topics[0].capitalize()} and {topics[1]}: {places[0]} in focus",
            f"Why {places[0]} cannot ignore {topics[0]}",
            f"The politics of {topics[0]} in {places[0]} and {places[1]}",
        ]
    )
    # Oldest first, so primary keys follow publication order as they do on a real site.
    span = datetime.timedelta(days=min(count / 3, 365 * 20))
    published_at = ANCHOR - span + span * (index / count) + datetime.timedelta(minutes=rng.randint(0, 600))
    if status == Status.SCHEDULED:
        published_at = now + datetime.timedelta(days=rng.randint(1, 60), minutes=rng.randint(0, 1440))
    elif status in (Status.DRAFT, Status.REVIEW) and rng.random() < 0.7:
        published_at = None
    article = Article(
        title=title,
        slug=f"{PREFIX}{index + 1:06d}-{slugify(title)[:60].rstrip('-')}",
        dek=f"{rng.choice(OPENERS)} {topics[0]} in {places[0]} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}.",
        body=body_html(rng, vocabulary, topics, places),
        status=status,
        published_at=published_at,
    )
    if rng.random() < CROSS_POST_SHARE:
        source = rng.choice(vocabulary.sources)
        original_date = (published_at or ANCHOR) - datetime.timedelta(days=rng.randint(0, 10))
        article.source_id = source.pk
        article.original_url = f"{source.homepage}{original_date:%Y/%m/%d}/{slugify(title)[:60]}-{index}/"
        article.original_published_on = original_date.date()
        if rng.random() < 0.05:
            article.canonical_policy = rng.choice(list(CanonicalPolicy))
    filing = Filing(
        authors=rng.sample(vocabulary.author_ids, rng.choices((1, 2, 3, 4), weights=(55, 28, 12, 5))[0]),
        regions=rng.sample(vocabulary.region_ids, rng.choices((1, 2), weights=(75, 25))[0]),
        themes=rng.sample(vocabulary.theme_ids, rng.choices((1, 2, 3), weights=(60, 30, 10))[0]),
        tags=rng.sample(vocabulary.tag_ids, min(len(vocabulary.tag_ids), rng.randint(2, 5))),
    )
    return article, filing


def generated_articles():
    return Article.objects.filter(slug__startswith=PREFIX)


def generate(count, *, seed=1, progress=None):
    """Write a corpus of `count` articles; `progress` is a tqdm-like bar (or None) updated per chunk."""
    started = time.perf_counter()
    rng = random.Random(seed)
    now = timezone.now()
    if connection.vendor == "sqlite":
        # One transaction of a few hundred megabytes: SQLite's default 2 MB page cache would spill
        # it to disk (with a sync each time) long before the commit. This connection only.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -524288")  # KiB: up to 512 MB
    with transaction.atomic():
        vocabulary = build_vocabulary(rng, count)
        for start in range(0, count, CHUNK):
            chunk = [
                build_article(rng, vocabulary, index, count, now) for index in range(start, min(count, start + CHUNK))
            ]
            # Indexed here, not by a task: the statistics and index merges below need the vectors in place.
            articles_write_many(create=[article for article, _ in chunk], filings=chunk, index_now=True)
            if progress is not None:
                progress.update(len(chunk))
        # bulk_create sets both dates to now: a real archive was written over the years it covers.
        generated_articles().filter(status__in=[Status.PUBLISHED, Status.WITHDRAWN]).update(
            created_at=F("published_at"), updated_at=F("published_at")
        )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The full-text index took the new vectors into its pending list; merge them into the index
            # proper now, as autovacuum would later, or the planner finds the index too dear to use.
            cursor.execute("SELECT gin_clean_pending_list('article_search_vector_idx'::regclass)")
        # SQLite's full-text table took the articles in many segments: merge them, for the same reason.
        optimise_sqlite_index(connection)
        # Fresh statistics after a bulk load, as after any: the planners choose their indexes from them.
        cursor.execute("ANALYZE")
    return Report(
        articles=count,
        authors=len(vocabulary.author_ids),
        sources=len(vocabulary.sources),
        regions=len(vocabulary.region_ids),
        themes=len(vocabulary.theme_ids),
        tags=len(vocabulary.tag_ids),
        seconds=time.perf_counter() - started,
    )


def _delete(queryset):
    """DELETE the rows in one statement: no per-row signals, none of which a generated row needs."""
    sql, params = queryset.values("pk").query.get_compiler(queryset.db).as_sql()
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({sql})", params)  # noqa: S608  # nosec B608 - table name and subquery both come from the ORM
        return cursor.rowcount


def remove_generated():
    """Delete everything `generate` made (rows whose slug starts with PREFIX) and nothing else.

    A generated author, source, region, theme or tag that an editor has since used on an
    article of their own is kept.
    """
    articles = generated_articles().values("pk")
    content_type = ContentType.objects.get_for_model(Article)
    in_use = {
        Author: ArticleAuthor.objects.values("author_id"),
        Source: Article.objects.filter(source__isnull=False).values("source_id"),
        Region: Article.regions.through.objects.values("region_id"),
        Theme: Article.themes.through.objects.values("theme_id"),
        Tag: TaggedItem.objects.values("tag_id"),
    }
    with transaction.atomic():
        _delete(TaggedItem.objects.filter(content_type=content_type, object_id__in=articles))
        for through in (Article.regions.through, Article.themes.through, ArticleAuthor):
            _delete(through.objects.filter(article__in=articles))
        forget_in_search(generated_articles())
        removed = {"articles": _delete(generated_articles())}
        for model, used in in_use.items():
            generated = model.objects.filter(slug__startswith=PREFIX).exclude(pk__in=used)
            removed[str(model._meta.verbose_name_plural)] = _delete(generated)
        content_changed(*in_use)
    return removed
