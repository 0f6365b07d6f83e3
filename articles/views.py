import re
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.paginator import InvalidPage
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from attribution.context_processors import publication_for
from attribution.credits import attribution_for, structured_data
from pagecache.middleware import shows
from pagecache.store import remember

from . import search
from .cache_keys import CORRECTIONS, FEEDS, HOME, SEARCH, card_keys, filed_keys, key, subject_keys
from .embeds import images_for, render_body
from .forms import SearchForm
from .models import Article, Correction, Status

# A page number as listings write it: 2 to 999999, no sign, no leading zero, ASCII digits only (int()
# alone would also take " 2", "1_000" and "٢"). Page 1 is the address without `?page=`.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
# The same number padded with zeros ("000002"), which is sent on to its usual address.
PADDED_PAGE_NUMBER = re.compile(r"0+[1-9][0-9]{0,5}|0*1")


@dataclass(frozen=True)
class EditLink:
    """The admin page where staff edit what a public page is about: `{% url url_name pk %}`."""

    url_name: str
    pk: int
    label: str  # "article", "region": the link reads "Edit this article"


def edit_link(user, obj):
    """A link to `obj`'s admin change page for staff who may change it, else None.

    `is_staff` is asked first: an anonymous reader costs no permission lookup, and pages shown to
    anyone signed in are never stored by the page cache (pagecache.middleware.page_key).
    """
    opts = obj._meta
    if not (user.is_staff and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")):
        return None
    return EditLink(f"admin:{opts.app_label}_{opts.model_name}_change", obj.pk, str(opts.verbose_name))


class ArticleListMixin:
    """Published articles, newest first, as cards, a page at a time: `?page=N` for pages 2 and on.

    Every page has one address: `?page=1` and padded numbers are redirected to it; any other number
    that names no page (past the last, zero, negative, not a number) is a 404, so no one can make
    the page cache keep a copy of a page that does not exist.
    """

    template_name = "articles/archive.html"
    context_object_name = "articles"
    total_name = None  # where the cache keeps the listing's total; None to count on every request
    total_keys = ()  # what the total changes with (surrogate keys, articles.cache_keys)

    def listing_keys(self):
        """The surrogate keys of the list itself; each card shown adds its own (shown_keys)."""
        return self.total_keys

    def shown_keys(self, context):
        """The surrogate keys of what this page of the list shows: each card's."""
        return [name for article in context["articles"] for name in card_keys(article)]

    def get_paginate_by(self, queryset):
        return settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().with_card_data().newest_first()

    def get(self, request, *args, **kwargs):
        number = request.GET.get(self.page_kwarg)
        if number is None or (PAGE_NUMBER.fullmatch(number) and number != "1"):
            self.page_number = int(number or 1)
            return super().get(request, *args, **kwargs)
        if not PADDED_PAGE_NUMBER.fullmatch(number):
            raise Http404("No such page.")
        # The same page at its one address, the other parameters (a search's) kept.
        params = request.GET.copy()
        params[self.page_kwarg] = str(int(number))
        if params[self.page_kwarg] == "1":
            del params[self.page_kwarg]
        query = params.urlencode()
        return HttpResponsePermanentRedirect(request.path + (f"?{query}" if query else ""))

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        if self.total_name:
            # Counting a growing archive costs more with every article, and its total changes only
            # when the content does: the page cache keeps it (`remember`), the paginator is told it.
            paginator.count = remember(self.total_name, queryset.count, keys=self.total_keys)
        try:
            page = paginator.page(self.page_number)
        except InvalidPage:
            raise Http404("No such page.") from None
        return paginator, page, page.object_list, page.has_other_pages()

    def render_to_response(self, context, **response_kwargs):
        shows(self.request, *self.listing_keys(), *self.shown_keys(context))
        return super().render_to_response(context, **response_kwargs)


class SearchView(ArticleListMixin, ListView):
    """/search/?q=: ranked full-text search (PostgreSQL, SQLite's FTS5), else a word match."""

    template_name = "articles/search.html"
    total_keys = (SEARCH,)

    def get_paginate_by(self, queryset):
        return settings.SEARCH_RESULTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET or None)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        """The matches' ids and the search's annotations, best first: ranking reads every match, so no more."""
        self.searched = (
            self.form.is_bound and self.form.is_valid() and bool(self.form.cleaned_data["q"] or self.form.has_filters)
        )
        if not self.searched:
            return Article.objects.none()
        queryset = self.form.filter(Article.objects.published())
        query = self.form.cleaned_data["q"]
        ranked = search.search(queryset, query) if query else queryset.newest_first()
        return ranked.values("pk", *ranked.query.annotations)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, searched=self.searched, **kwargs)
        found = list(context["articles"])
        # Then the page's ten results, with what a result shows, in the ranking's order.
        loaded = Article.objects.filter(pk__in=[row["pk"] for row in found]).with_result_data().in_bulk()
        results = []
        for row in found:
            article = loaded.get(row.pop("pk"))
            if article is not None:  # not deleted between the two queries
                for name, value in row.items():
                    setattr(article, name, value)
                results.append(article)
        query = self.form.cleaned_data.get("q", "") if self.searched else ""
        context.update(articles=results, query=query, results=search.with_snippets(results, query))
        params = self.request.GET.copy()
        params.pop(self.page_kwarg, None)
        context["query_string"] = params.urlencode()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response


class ArchiveView(ArticleListMixin, ListView):
    """Articles filed under one subject (articles.archives): a region, theme, tag, author or source."""

    subject = None  # an archives.Subject, given by the URL route

    def get_template_names(self):
        return [self.subject.template_name]

    def get(self, request, *args, **kwargs):
        self.filed_under = get_object_or_404(self.subject.model, slug=self.kwargs["slug"])
        self.total_name = f"count:{self.subject.kind}:{self.filed_under.pk}"
        self.total_keys = subject_keys(self.filed_under)
        return super().get(request, *args, **kwargs)

    # SQLite's planner always finds a subject's articles through the table that files them and then
    # sorts them all by date. Walking the date index and checking each article's filing instead reads
    # about per_page × all ÷ subject rows before the page is full; the sort reads all the subject's.
    # So the walk is the cheaper once a subject has more than √(per_page × all) articles. PostgreSQL's
    # planner makes that choice itself. Source archives have an index of their own
    # (article_source_recent_idx).
    never_walk_below = 100  # articles: a sort of so few is cheap whatever the archive's size

    def walks_date_index(self, filed):
        if filed < self.never_walk_below:
            return False
        everything = remember("count:published", Article.objects.published().count, keys=[HOME])
        return filed * filed >= settings.ARTICLES_PER_PAGE * everything

    def get_queryset(self):
        return super().get_queryset().filter(**{self.subject.filter_field: self.filed_under})

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        sorts = connection.vendor == "sqlite" and self.subject.filter_field != "source"
        if sorts and self.walks_date_index(paginator.count):
            # The same rows, found by walking the date index: counted the usual way, read this way.
            filed = Article.objects.filter(pk=OuterRef("pk"), **{self.subject.filter_field: self.filed_under})
            walk = Article.objects.published().with_card_data().newest_first().filter(Exists(filed))
            page.object_list = rows = walk[page.start_index() - 1 : page.end_index()]
        return paginator, page, rows, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subject=self.filed_under,
            kind=self.subject.label,
            edit_link=edit_link(self.request.user, self.filed_under),
            **kwargs,
        )


class CorrectionListView(ArticleListMixin, ListView):
    """/corrections/: every correction to a published article, newest first, paged like the archives."""

    template_name = "articles/corrections.html"
    context_object_name = "corrections"
    # New corrections, and articles published or withdrawn (the site's listings change with them too).
    total_keys = (CORRECTIONS, FEEDS)

    def get_queryset(self):
        return Correction.objects.published().newest_first().for_listing()

    def shown_keys(self, context):
        # Each article's title, as its correction names it.
        return [f"article-{correction.article_id}" for correction in context["corrections"]]


RELATED_POOL = 200  # how many of the newest articles filed alike are ranked for "Related articles"


def more_and_related(article, count=3):
    """Below an article: its first author's newest other articles, and the published articles sharing the
    most regions and themes with it (among equals the closest in words on PostgreSQL, then the newest;
    with nothing shared, the newest from the same source). Loaded as cards in one query."""
    others = Article.objects.published().exclude(pk=article.pk)
    first = next(iter(article.ordered_authors), None)
    by_author = []
    if first is not None:
        by_author = list(others.filter(authors=first).newest_first().values_list("pk", flat=True)[:count])
    candidates = others.exclude(pk__in=by_author)
    regions = [region.pk for region in article.region_list]
    themes = [theme.pk for theme in article.theme_list]
    # Ranked among the newest articles sharing a region or theme, not all of them: counting what every
    # article of a large archive shares took over a second (100,000 articles, SQLite).
    # As EXISTS, so the database walks the publication-date index and stops at the pool's size.
    filed_alike = Q(Exists(Article.regions.through.objects.filter(article_id=OuterRef("pk"), region_id__in=regions)))
    filed_alike |= Q(Exists(Article.themes.through.objects.filter(article_id=OuterRef("pk"), theme_id__in=themes)))
    pool = candidates.filter(filed_alike).newest_first().values_list("pk", flat=True)[:RELATED_POOL]
    shared = Count("regions", filter=Q(regions__in=regions), distinct=True) + Count(
        "themes", filter=Q(themes__in=themes), distinct=True
    )
    ranked = search.likeness(Article.objects.filter(pk__in=list(pool)).annotate(shared=shared), article)
    related = list(ranked.order_by("-shared", "-likeness", "-published_at", "-pk").values_list("pk", flat=True)[:count])
    if len(related) < count and article.source_id:
        same_source = candidates.filter(source_id=article.source_id).exclude(pk__in=related).newest_first()
        related += list(same_source.values_list("pk", flat=True)[: count - len(related)])
    cards = Article.objects.select_related("source", "lead_image").defer(
        "body", "body_text", "search_vector", "rank_vector"
    )
    loaded = cards.in_bulk([*by_author, *related])
    return [loaded[pk] for pk in by_author if pk in loaded], [loaded[pk] for pk in related if pk in loaded]


def related_keys(found):
    """The cards below an article (more_and_related's two lists), shown bare: title, picture, date, source."""
    return [name for cards in found for article in cards for name in card_keys(article, bare=True)]


def republish_link(publication, article, our_url):
    """The partner form with this article already chosen (the permissions contact's address is listed separately)."""
    return reverse("partners:request_article", kwargs={"slug": article.slug})


class ArticleDetailView(DetailView):
    """The article page; staff may open drafts and future articles as a marked preview."""

    context_object_name = "article"

    def get_object(self, queryset=None):
        # Whether it has corrections, asked in the same query: most articles have none, and cost no more.
        corrected = Exists(Correction.objects.filter(article=OuterRef("pk")))
        articles = Article.objects.with_page_data().annotate(corrected=corrected)
        self.preview = False
        try:
            return articles.published().get(slug=self.kwargs["slug"])
        except Article.DoesNotExist:
            user = self.request.user
            if user.is_staff and user.has_perm("articles.view_article"):
                self.preview = True
                return get_object_or_404(articles, slug=self.kwargs["slug"])
            raise Http404("No published article has this address.") from None

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            withdrawn = Article.objects.filter(slug=kwargs["slug"], status=Status.WITHDRAWN).first()
            if withdrawn is None:
                raise
            return render(request, "articles/withdrawn.html", {"article": withdrawn}, status=410)

    def get_template_names(self):
        return ["articles/article_detail.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        publication = publication_for(self.request)
        attribution = attribution_for(article, publication=publication)
        our_url = self.request.build_absolute_uri(article.get_absolute_url())
        body_images = images_for(article.body)
        corrections = []
        if article.corrected:
            corrections = list(article.corrections.order_by("corrected_on", "created_at", "pk").with_history())
        context.update(
            corrections=corrections,
            structured_data=structured_data(
                article,
                attribution,
                publication=publication,
                our_url=our_url,
                absolute=self.request.build_absolute_uri,
                body_images=body_images.values(),
                corrections=corrections,
            ),
            preview=self.preview,
            edit_link=edit_link(self.request.user, article),
            attribution=attribution,
            author_photos=[author for author in attribution.authors if author.photo],
            our_url=our_url,
            canonical_url=attribution.canonical_url(our_url),
            noindex=self.preview or attribution.noindex,
            body=render_body(article.body, body_images),
            # Partners may ask only for published articles; a preview has nothing to offer them yet.
            republish_url=None if self.preview else republish_link(publication, article, our_url),
        )
        if not self.preview:
            # "More by" and "related" come from the archives the article is filed under: a new article
            # in any of them purges this page (filed_keys), as does a change to a card shown.
            filed = filed_keys(article)
            more, related = remember(
                f"article:{article.pk}:related",
                partial(more_and_related, article),
                keys=lambda found: [key(article), *filed, *related_keys(found)],
            )
            context.update(more_by_author=more, related=related)
            pictures = [key(image) for image in body_images.values()]
            shows(self.request, *card_keys(article), *filed, *related_keys((more, related)), *pictures)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview:
            # A preview must never be cached by a proxy or indexed by a crawler.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
