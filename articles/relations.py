"""An article's authors, regions, themes and tags for pages, in two plain statements.

`prefetch_related` builds a queryset, compiles its SQL and runs Django's prefetch machinery for
each relation: about 1.3 ms per relation on SQLite with `make bench`'s corpus, more than the whole
ceiling view's one query. The rows are always the same ones, so the statements are written here
once per process from the models' own metadata (tables, columns, orderings) and the results go
into the very cache `prefetch_related` fills: `article.regions.all()`, `ordered_authors`,
`attribution_for` and the templates read them unchanged, without another query.

Identifiers in the statements come from the models' metadata, quoted by the database's own
rules, and every value is a parameter (hence S608/B608 are silenced for this file).
Which articles a reader may see is still decided by the ORM (`ArticleQuerySet.published()`);
this module only loads what is filed under articles already fetched.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import QuerySet
from taggit.models import Tag, TaggedItem

from authors.models import Author

# Relations a page may ask for (ArticleQuerySet.with_card_data, with_page_data).
AUTHORS, REGIONS, THEMES, TAGS = "authors", "regions", "themes", "tags"
TERMS = (REGIONS, THEMES, TAGS)  # in the order of the terms statement's `kind` column
TERM_FIELDS = ["id", "name", "slug"]  # what pages show of a term; the rest stays deferred
# Where prefetch_related keeps each relation on an article (and where the related managers look).
CACHE_NAMES = {AUTHORS: "author_links", REGIONS: "regions", THEMES: "themes", TAGS: "tags"}


def _term_models():
    from .models import Region, Theme

    return {REGIONS: Region, THEMES: Theme, TAGS: Tag}


def _columns(model):
    return list(model._meta.concrete_fields)


@cache
def _attnames(model):
    """What `from_db` is given for a row of `model`, in the order the statements select it."""
    return [field.attname for field in _columns(model)]


def _authors_sql(connection):
    """Byline links with their authors: every column of both, for `from_db`."""
    from .models import ArticleAuthor

    q = connection.ops.quote_name
    link, author = ArticleAuthor._meta, Author._meta
    columns = [f"l.{q(field.column)}" for field in _columns(ArticleAuthor)]
    columns += [f"a.{q(field.column)}" for field in _columns(Author)]
    article_id, author_id = q(link.get_field("article").column), q(link.get_field("author").column)
    order = q(link.get_field("order").column)
    return (
        f"SELECT {', '.join(columns)} FROM {q(link.db_table)} l "  # nosec B608 - see the module's docstring
        f"INNER JOIN {q(author.db_table)} a ON a.{q(author.pk.column)} = l.{author_id} "
        f"WHERE l.{article_id} IN ({{ids}}) ORDER BY l.{order}, l.{q(link.pk.column)}"
    )


def _term_select(q, kind, relation):
    """One branch of the terms statement: (kind, article id, term id, name, slug) of a region or theme."""
    from .models import Article

    field = Article._meta.get_field(relation)
    term, through = field.related_model._meta, field.remote_field.through._meta
    article_id, term_id = q(field.m2m_column_name()), q(field.m2m_reverse_name())
    return (
        f"SELECT {kind} AS kind, t.{article_id} AS article_id, r.{q(term.pk.column)} AS id, "  # nosec B608 - quoted names, values as parameters
        f"r.{q('name')} AS name, r.{q('slug')} AS slug FROM {q(through.db_table)} t "
        f"INNER JOIN {q(term.db_table)} r ON r.{q(term.pk.column)} = t.{term_id} "
        f"WHERE t.{article_id} IN ({{ids}})"
    )


def _terms_sql(connection, wanted):
    """The `wanted` terms (regions, themes, tags) of the articles in one statement, each relation's rows by name."""
    q = connection.ops.quote_name
    tag, item = Tag._meta, TaggedItem._meta
    object_id, tag_id = q(item.get_field("object_id").column), q(item.get_field("tag").column)
    content_type = q(item.get_field("content_type").column)
    tags = (
        f"SELECT 2 AS kind, i.{object_id} AS article_id, g.{q(tag.pk.column)} AS id, "  # nosec B608 - quoted names, values as parameters
        f"g.{q('name')} AS name, g.{q('slug')} AS slug FROM {q(item.db_table)} i "
        f"INNER JOIN {q(tag.db_table)} g ON g.{q(tag.pk.column)} = i.{tag_id} "
        f"WHERE i.{content_type} = %s AND i.{object_id} IN ({{ids}})"
    )
    branches = {REGIONS: _term_select(q, 0, REGIONS), THEMES: _term_select(q, 1, THEMES), TAGS: tags}
    # Ordered by kind, then name (the terms' own ordering), ties by id.
    return f"{' UNION ALL '.join(branches[relation] for relation in wanted)} ORDER BY 1, 4, 3"


_statements = {}


def _statement(builder, connection, *args):
    """A statement written once per database kind: table and column names are fixed for the process."""
    key = (builder, connection.vendor, *args)
    if key not in _statements:
        _statements[key] = builder(connection, *args)
    return _statements[key]


def _prefetched(model, objects, db):
    """A queryset holding `objects`, as `prefetch_related` leaves one in an instance's cache."""
    queryset = QuerySet(model=model, using=db)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    return queryset


def attach(articles, relations):
    """Load `relations` (names from AUTHORS, REGIONS, THEMES, TAGS) for `articles` into their prefetch caches."""
    from .models import Article, ArticleAuthor

    articles = [article for article in articles if article.pk is not None]
    if not articles or not relations:
        return
    db = articles[0]._state.db or "default"
    connection = connections[db]
    by_pk = {article.pk: article for article in articles}
    ids = list(by_pk)
    marks = ", ".join(["%s"] * len(ids))
    found = {relation: {pk: [] for pk in ids} for relation in relations}

    with connection.cursor() as cursor:
        if AUTHORS in relations:
            link_names, author_names = _attnames(ArticleAuthor), _attnames(Author)
            cursor.execute(_statement(_authors_sql, connection).format(ids=marks), ids)
            split = len(link_names)
            author_field = ArticleAuthor._meta.get_field("author")
            article_field = ArticleAuthor._meta.get_field("article")
            for row in cursor.fetchall():
                link = ArticleAuthor.from_db(db, link_names, row[:split])
                author = Author.from_db(db, author_names, row[split:])
                author_field.set_cached_value(link, author)
                article_field.set_cached_value(link, by_pk[link.article_id])
                found[AUTHORS][link.article_id].append(link)

        wanted = tuple(relation for relation in TERMS if relation in relations)
        if wanted:
            params = []
            for relation in wanted:
                params += [ContentType.objects.get_for_model(Article).pk, *ids] if relation == TAGS else ids
            cursor.execute(_statement(_terms_sql, connection, wanted).format(ids=marks), params)
            models = _term_models()
            for kind, article_id, pk, name, slug in cursor.fetchall():
                relation = TERMS[kind]
                found[relation][article_id].append(models[relation].from_db(db, TERM_FIELDS, (pk, name, slug)))

    models = {AUTHORS: ArticleAuthor, **_term_models()}
    for pk, article in by_pk.items():
        if not hasattr(article, "_prefetched_objects_cache"):
            article._prefetched_objects_cache = {}
        for relation in relations:
            queryset = _prefetched(models[relation], found[relation][pk], db)
            article._prefetched_objects_cache[CACHE_NAMES[relation]] = queryset
