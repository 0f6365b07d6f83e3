"""Search: PostgreSQL full-text with a stored, weighted vector; a plain word match on SQLite."""

import re

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

CONFIG = "english"
MAX_TERMS = 12


def full_text_available():
    return connection.vendor == "postgresql"


def _heading_vector():
    """Title > dek > authors (in byline order) and source, as SQL.

    Names come from correlated subqueries, so one UPDATE refreshes any number of rows.
    """
    from attribution.models import Source

    from .models import ArticleAuthor

    author_names = (
        ArticleAuthor.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(names=StringAgg("author__name", delimiter=" ", order_by=("order", "pk")))
        .values("names")
    )
    source_name = Source.objects.filter(pk=OuterRef("source_id")).values("name")
    names = Concat(
        Coalesce(Subquery(author_names), Value(""), output_field=TextField()),
        Value(" "),
        Coalesce(Subquery(source_name), Value(""), output_field=TextField()),
        output_field=TextField(),
    )
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("dek", weight="B", config=CONFIG)
        + SearchVector(names, weight="C", config=CONFIG)
    )


def search_vector():
    """The stored vector that search matches against, as SQL: the heading's, then the body (weight D)."""
    return _heading_vector() + SearchVector("body_text", weight="D", config=CONFIG)


def update_search_vectors(articles):
    """Recompute the stored vectors of every article in the queryset `articles`, in one UPDATE.

    `search_vector` (everything; the GIN index finds matches in it) and `rank_vector` (the heading
    only: results are ranked by it, title over standfirst over names, then newest first). A body's
    vector runs to kilobytes, which PostgreSQL keeps out of line; ranking a few hundred matches by
    it meant reading and decompressing each, the larger part of a search at 100,000 articles.
    """
    if full_text_available():
        articles.order_by().update(search_vector=search_vector(), rank_vector=_heading_vector())


def refresh_search_vectors(article_ids):
    if not full_text_available() or not article_ids:
        return
    from .models import Article

    update_search_vectors(Article.objects.filter(pk__in=set(article_ids)))


def plain_terms(text):
    """Words of a query for the simple search: web-search operators and quotes dropped."""
    words = re.findall(r"\w[\w'-]*", text)
    return [word for word in words if word.lower() not in {"or", "and"}][:MAX_TERMS]


def search(queryset, text):
    """Articles from `queryset` matching `text`, best first, with their plain text for `snippet`.

    On PostgreSQL the GIN index finds the matches, `rank_vector` ranks them (title over standfirst
    over names; body-only matches by date), and each row carries the query's stemmed words
    (`lexemes`) so the snippet can mark "railways" for "railway". Snippets are cut here rather than
    by ts_headline, which read and parsed each result's whole body: about 2 ms a result, twenty
    times a page, more than the rest of the search together.
    """
    # The snippet is cut from the plain text, so load it with the results.
    queryset = queryset.defer(None).defer("body", "search_vector", "rank_vector")
    if full_text_available():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("rank_vector"), query), lexemes=Cast(query, TextField()))
            .order_by("-rank", "-published_at", "-pk")
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


def snippet(article, text, length=240):
    """Highlighted excerpt of a result: the body around the first word the query looks for.

    Words are matched from their start, by what the reader typed and, on PostgreSQL, by their
    stems too ("polici" finds "policies"). A match only in the title or a name gives the body's
    start; the excerpt is escaped before the marks go in.
    """
    body = article.body_text or article.dek
    terms = [*plain_terms(text), *lexemes(getattr(article, "lexemes", ""))]
    pattern = _words_pattern(terms) if terms else None
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
