"""Search: PostgreSQL full-text with a stored, weighted vector; a plain word match on SQLite."""

import re

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

CONFIG = "english"
# Private-use characters mark highlights, so the snippet can be escaped before <mark> goes in.
START, STOP = "\ue000", "\ue001"
MAX_TERMS = 12


def full_text_available():
    return connection.vendor == "postgresql"


def search_vector():
    """The stored vector, as SQL: title > dek > authors (in byline order) and source > body.

    Names come from correlated subqueries, so one UPDATE refreshes any number of rows.
    """
    from attribution.models import Source

    from .models import ArticleAuthor

    author_names = (
        ArticleAuthor.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(names=StringAgg("author__name", delimiter=" ", ordering=("order", "pk")))
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
        + SearchVector("body_text", weight="D", config=CONFIG)
    )


def update_search_vectors(articles):
    """Recompute the stored vector of every article in the queryset `articles`, in one UPDATE."""
    if full_text_available():
        articles.order_by().update(search_vector=search_vector())


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
    """Articles from `queryset` matching `text`, best first, each with a `snippet`."""
    if full_text_available():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        return (
            queryset.filter(search_vector=query)
            .annotate(
                rank=SearchRank(F("search_vector"), query),
                headline=SearchHeadline(
                    "body_text",
                    query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=40,
                    min_words=20,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .order_by("-rank", "-published_at", "-pk")
        )
    terms = plain_terms(text)
    if not terms:
        return queryset.none()
    condition = Q()
    for term in terms:
        condition &= Q(title__icontains=term) | Q(dek__icontains=term) | Q(body_text__icontains=term)
    # The snippet is cut from the plain text here, so load it with the results.
    return queryset.filter(condition).defer(None).defer("body", "search_vector").order_by("-published_at", "-pk")


def highlight(text, terms):
    """Escaped `text` with every occurrence of a term wrapped in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(term) for term in sorted(set(terms), key=len, reverse=True)), re.I)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def snippet(article, text, length=240):
    """Highlighted excerpt for a result: PostgreSQL's headline, or the first match found here."""
    headline = getattr(article, "headline", None)
    if headline is not None:
        return mark_safe(escape(headline).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308  # nosec B308 B703  # escaped, then our own <mark>
    body = article.body_text or article.dek
    terms = plain_terms(text)
    lowered = body.lower()
    positions = [lowered.find(term.lower()) for term in terms if term.lower() in lowered]
    start = max(0, min(positions) - length // 3) if positions else 0
    excerpt = body[start : start + length]
    html = highlight(excerpt, terms)
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(body) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308  # nosec B308 B703  # built from escaped text only
