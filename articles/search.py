"""Search: a stored, weighted full-text index on PostgreSQL and on SQLite (FTS5); a word match elsewhere.

PostgreSQL keeps its vectors in the article row (`search_vector`, `rank_vector`, GIN-indexed);
SQLite keeps an FTS5 table beside it (`articles_article_fts`, the ArticleSearchDocument model).
Both hold the same four parts, weighed alike: title over standfirst over names (authors and
source) over body. Both are refreshed by `update_search_vectors` / `refresh_search_vectors`: at
once, for one article saved through articles.services (the admin, the demo), so search is right as
soon as the editor sees the page; by a background task (articles.tasks) once committed, for bulk
writes (imports, restores) and for renames of an author or a source; and from articles.signals for
saves and bylines made elsewhere.
"""

import re
import sqlite3
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import snowballstemmer
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, connections
from django.db.models import Aggregate, F, FloatField, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

CONFIG = "english"
MAX_TERMS = 12

# SQLite: the FTS5 table and its columns, in order.
# The table itself is made by migration 0009 (and changed only by later migrations).
SQLITE_TABLE = "articles_article_fts"
SQLITE_COLUMNS = ("title", "dek", "names", "body")


@cache
def sqlite_has_fts5():
    """Whether this process's SQLite library was built with FTS5 (Python's own builds and Debian's are)."""
    with sqlite3.connect(":memory:") as probe:
        found = probe.execute("SELECT 1 FROM pragma_compile_options WHERE compile_options = 'ENABLE_FTS5'").fetchone()
    probe.close()
    return found is not None


def engine(conn=None):
    """'postgresql' or 'sqlite' where this database keeps a full-text index, else None (word match)."""
    conn = conn or connection
    if conn.vendor == "postgresql":
        return "postgresql"
    if conn.vendor == "sqlite" and sqlite_has_fts5():
        return "sqlite"
    return None


def full_text_available(conn=None):
    return engine(conn) is not None


class GroupConcat(Aggregate):
    """SQLite's group_concat(value, separator)."""

    function = "GROUP_CONCAT"
    output_field = TextField()


def _names(vendor):
    """An article's authors (in byline order where the database can keep it) and its source, as SQL text.

    Names come from correlated subqueries, so one statement refreshes any number of rows.
    """
    from attribution.models import Source

    from .models import ArticleAuthor

    if vendor == "postgresql":
        joined = StringAgg("author__name", delimiter=" ", order_by=("order", "pk"))
    else:
        # Order is immaterial to a word index.
        joined = GroupConcat("author__name", Value(" "))
    author_names = (
        ArticleAuthor.objects.filter(article=OuterRef("pk")).order_by().values("article").annotate(names=joined)
    ).values("names")
    source_name = Source.objects.filter(pk=OuterRef("source_id")).values("name")
    return Concat(
        Coalesce(Subquery(author_names), Value(""), output_field=TextField()),
        Value(" "),
        Coalesce(Subquery(source_name), Value(""), output_field=TextField()),
        output_field=TextField(),
    )


def _heading_vector():
    """Title > dek > authors (in byline order) and source, as PostgreSQL SQL."""
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("dek", weight="B", config=CONFIG)
        + SearchVector(_names("postgresql"), weight="C", config=CONFIG)
    )


def search_vector():
    """The stored vector that search matches against, as SQL: the heading's, then the body (weight D)."""
    return _heading_vector() + SearchVector("body_text", weight="D", config=CONFIG)


def update_search_vectors(articles):
    """Recompute the full-text index of every article in the queryset `articles`, in set-based statements.

    PostgreSQL: one UPDATE of `search_vector` (everything; the GIN index finds matches in it) and
    `rank_vector` (the heading only: results are ranked by it, title over standfirst over names,
    then newest first). A body's vector runs to kilobytes, which PostgreSQL keeps out of line;
    ranking a few hundred matches by it meant reading and decompressing each, the larger part of a
    search at 100,000 articles.

    SQLite: the articles' rows in the FTS5 table are deleted and written again from one SELECT.
    """
    kind = engine(connections[articles.db])
    if kind == "postgresql":
        articles.order_by().update(search_vector=search_vector(), rank_vector=_heading_vector())
    elif kind == "sqlite":
        rows = articles.order_by().annotate(search_names=_names("sqlite"))
        rows = rows.values_list("pk", "title", "dek", "search_names", "body_text")
        select, params = rows.query.sql_with_params()
        columns = ", ".join(SQLITE_COLUMNS)
        with connections[articles.db].cursor() as cursor:
            _sqlite_forget(cursor, articles)
            cursor.execute(f"INSERT INTO {SQLITE_TABLE} (rowid, {columns}) {select}", params)  # noqa: S608  # nosec B608 - SQL from the ORM


def _sqlite_forget(cursor, articles):
    ids, params = articles.order_by().values("pk").query.sql_with_params()
    cursor.execute(f"DELETE FROM {SQLITE_TABLE} WHERE rowid IN ({ids})", params)  # noqa: S608  # nosec B608 - SQL from the ORM


def forget(articles):
    """Drop deleted (or soon deleted) articles from SQLite's index; PostgreSQL's goes with the row."""
    if engine(connections[articles.db]) == "sqlite":
        with connections[articles.db].cursor() as cursor:
            _sqlite_forget(cursor, articles)


def rebuild_search_index(using="default"):
    """Index every article afresh (after an import replaced them all): nothing of the old contents survives."""
    from .models import Article

    if engine(connections[using]) == "sqlite":
        with connections[using].cursor() as cursor:
            cursor.execute(f"DELETE FROM {SQLITE_TABLE}")  # noqa: S608  # nosec B608 - a constant
    update_search_vectors(Article.objects.using(using).all())


# Set inside `refreshes_collected()`: the articles whose refresh is asked for, to be made once, later.
_collected: ContextVar[set | None] = ContextVar("search_refreshes_collected", default=None)


@contextmanager
def refreshes_collected():
    """Inside, `refresh_search_vectors` only notes its articles, in the set this yields; the caller indexes them once.

    A save of one article with its byline asks for a refresh from the article's signal, from each
    byline row's and from the service: one UPDATE at the end does for all of them.
    """
    collected = set()
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)


def refresh_search_vectors(article_ids):
    """Recompute these articles' index now (or, inside `refreshes_collected()`, note them for the caller)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(article_ids)
        return
    if not full_text_available() or not article_ids:
        return
    from .models import Article

    update_search_vectors(Article.objects.filter(pk__in=set(article_ids)))


def optimise_sqlite_index(conn=None):
    """Merge the FTS5 table's segments into one after a bulk load (queries then read one b-tree)."""
    conn = conn or connection
    if engine(conn) == "sqlite":
        with conn.cursor() as cursor:
            cursor.execute(f"INSERT INTO {SQLITE_TABLE} ({SQLITE_TABLE}) VALUES ('optimize')")  # noqa: S608  # nosec B608 - a constant


def plain_terms(text):
    """Words of a query for the simple search: web-search operators and quotes dropped."""
    words = re.findall(r"\w[\w'-]*", text)
    return [word for word in words if word.lower() not in {"or", "and"}][:MAX_TERMS]


_QUERY_PARTS = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')


def fts5_query(text):
    """What a reader typed as an FTS5 query, read as PostgreSQL reads web-search syntax.

    Words must all match; "a phrase" in quotes matches as written; `or` between two parts matches
    either; a leading `-` excludes. Every word goes in as a quoted FTS5 string, so nothing a
    reader types is FTS5 syntax of its own (no column filters, prefixes or NEAR). '' when nothing
    in it can match, e.g. only punctuation or only exclusions.
    """
    groups, excluded, either = [], [], False
    for match in _QUERY_PARTS.finditer(text):
        negated, phrase, bare = match.groups()
        if not negated and phrase is None and bare.lower() == "or":
            either = bool(groups)
            continue
        part = phrase if phrase is not None else bare
        words = [word for word in re.findall(r"\w+", part) if any(char.isalnum() for char in word)]
        if not words or len(groups) + len(excluded) >= MAX_TERMS:
            continue
        term = '"' + " ".join(words) + '"'
        if negated:
            excluded.append(term)
        elif either:
            groups[-1].append(term)
        else:
            groups.append([term])
        either = False
    if not groups:
        return ""
    wanted = " AND ".join("(" + " OR ".join(group) + ")" for group in groups)
    return f"({wanted}) NOT ({' OR '.join(excluded)})" if excluded else wanted


def search(queryset, text):
    """Articles from `queryset` matching `text`, best first, with their plain text for `snippet`.

    On PostgreSQL the GIN index finds the matches, `rank_vector` ranks them (title over standfirst
    over names; body-only matches by date), and each row carries the query's stemmed words
    (`lexemes`) so the snippet can mark "railways" for "railway". Snippets are cut here rather than
    by ts_headline, which reads and parses each result's whole body.

    On SQLite the FTS5 table finds the matches and ranks them by bm25 over the same weighted parts
    (weights set in migration 0009); a database without either index falls back to a word match, newest first.
    """
    # Ranking reads every match: leave the bodies in the database. The search page ranks ids alone
    # and loads its ten results afterwards (views.CountedWithPagePaginator); on SQLite, sorting
    # thousands of matches with their bodies took longer than finding them.
    queryset = queryset.defer(None).defer("body", "body_text", "search_vector", "rank_vector")
    kind = engine(connections[queryset.db])
    if kind == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("rank_vector"), query), lexemes=Cast(query, TextField()))
            .order_by("-rank", "-published_at", "-pk")
        )
    if kind == "sqlite":
        query = fts5_query(text)
        if not query:
            return queryset.none()
        return (
            queryset.filter(search_document__document__match=query)
            .annotate(rank=F("search_document__rank"))
            .order_by("rank", "-published_at", "-pk")
        )
    terms = plain_terms(text)
    if not terms:
        return queryset.none()
    condition = Q()
    for term in terms:
        condition &= Q(title__icontains=term) | Q(dek__icontains=term) | Q(body_text__icontains=term)
    return queryset.filter(condition).order_by("-published_at", "-pk")


def lexemes(tsquery):
    """The words a tsquery looks for, as PostgreSQL wrote it ("'railway' & !'invest'"), less excluded ones."""
    found = re.findall(r"(!?)'((?:[^']|'')+)'", tsquery or "")
    return [word.replace("''", "'") for negated, word in found if not negated]


def _words_pattern(terms):
    """Whole words starting with any of `terms`, longest first, any case."""
    alternatives = "|".join(re.escape(term) for term in sorted(set(terms), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.I)


def highlight(text, terms):
    """Escaped `text` with every word that starts with a term wrapped in <mark>."""
    return _marked(text, _words_pattern(terms) if terms else None)


def _marked(text, pattern):
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def with_snippets(articles, text):
    """`(article, snippet)` for a page of results; plain texts not loaded with them are read in one query."""
    articles = list(articles)
    missing = [article for article in articles if "body_text" in article.get_deferred_fields()]
    if missing:
        model = type(missing[0])
        texts = dict(model._base_manager.filter(pk__in=[a.pk for a in missing]).values_list("pk", "body_text"))
        for article in missing:
            article.body_text = texts.get(article.pk, "")
    # The query's words and stems are the same for every result: one pattern for the page.
    pattern = query_pattern(text, getattr(articles[0], "lexemes", "") if articles else "")
    return [(article, snippet(article, pattern)) for article in articles]


@cache
def _porter():
    return snowballstemmer.stemmer("porter")


def porter_stems(words):
    """The stems SQLite's FTS5 table keeps for `words` (its tokenizer: accents off, lower case, Porter).

    So that a snippet on SQLite marks "Investing" for "investment", as PostgreSQL's lexemes do.
    """
    folded = (
        "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char)).lower()
        for word in words
    )
    return [_porter().stemWord(word) for word in folded]


def query_pattern(text, tsquery=""):
    """What a snippet marks for the query `text`: whole words starting with what the reader typed or
    with its stems ("polici" finds "policies"): PostgreSQL's lexemes (`tsquery`, as the search row
    carries it), or on SQLite the Porter stems its index keeps. None when there is nothing to mark."""
    typed = plain_terms(text)
    stems = porter_stems(typed) if engine() == "sqlite" else lexemes(tsquery)
    terms = [*typed, *stems]
    return _words_pattern(terms) if terms else None


def snippet(article, pattern, length=240):
    """Highlighted excerpt of a result: the body around the first word `pattern` (query_pattern) finds.

    A match only in the title or a name gives the body's start; the excerpt is escaped before the
    marks go in.
    """
    body = article.body_text or article.dek
    found = pattern.search(body) if pattern else None
    start = 0
    if found:
        start = max(0, found.start() - length // 3)
        # Begin at a word, not in the middle of one.
        space = body.find(" ", start) if start else 0
        start = space + 1 if 0 < space < found.start() else start
    excerpt = body[start : start + length]
    html = _marked(excerpt, pattern)
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(body) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308  # nosec B308 B703  # built from escaped text only


def likeness(queryset, article):
    """`queryset` annotated with `likeness`: how closely each article's text matches `article`'s title and
    standfirst (PostgreSQL's ranking of their words against the search vectors); 0 where that is not available."""
    words = plain_terms(f"{article.title} {article.dek}")
    if engine(connections[queryset.db]) != "postgresql" or not words:
        return queryset.annotate(likeness=Value(0.0, output_field=FloatField()))
    query = SearchQuery(" or ".join(words), search_type="websearch", config=CONFIG)
    return queryset.annotate(likeness=SearchRank(F("rank_vector"), query))
