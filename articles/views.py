from collections import defaultdict

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import CharField, Count, DateTimeField, Exists, F, OuterRef, Value, Window
from django.db.models.functions import Cast, RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from attribution.context_processors import publication_for
from attribution.models import Source
from authors.models import Author

from . import search
from .attribution import attribution_for, iso_datetime, structured_data
from .cache import remember
from .embeds import images_for, render_body
from .forms import SearchForm
from .links import url_for
from .models import Article, Region, Status, Theme


class RememberedCountPaginator(Paginator):
    """A paginator that keeps its total in the cache under `count_name` (see articles.cache.remember).

    Counting a growing archive costs more with every article; the total changes only when the
    generation does or a scheduled article goes live, which are the rules `remember` follows.
    """

    count_name = None

    @cached_property
    def count(self):
        if self.count_name is None:
            return super().count
        return remember(f"count:{self.count_name}", lambda: Paginator.count.func(self))


class CountedWithPagePaginator(Paginator):
    """A search's pages: the page's ids and the total from one narrow query, then the page's rows by id.

    A search's matches are found anew for each query, and counting them separately meant finding
    them twice: the total comes with the ids (`COUNT(*) OVER ()`). Ranking reads every match, so
    that query carries ids alone (and any annotation of the search, e.g. PostgreSQL's `lexemes`);
    carrying each match's card through the ranking took twice as long at 100,000 articles. Then
    `rows_for(ids)` loads the page's articles with what the page shows. Only a page past the end
    (no rows, so no total) costs a count of its own.
    """

    rows_for = None  # ids -> a queryset of those articles, as the page shows them

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        bottom = (number - 1) * self.per_page
        carried = list(self.object_list.query.annotations)
        ranked = self.object_list.annotate(total_found=Window(Count("pk")))
        found = list(ranked.values_list("pk", "total_found", *carried)[bottom : bottom + self.per_page])
        if found:
            self.__dict__["count"] = found[0][1]
        elif number > 1 or not self.allow_empty_first_page:
            if number > self.num_pages:  # counts, once
                raise EmptyPage("That page contains no results")
        else:
            self.__dict__["count"] = 0
        return self._get_page(self._rows(found, carried), number, self)

    def _rows(self, found, carried):
        if not found:
            return []
        loaded = {article.pk: article for article in self.rows_for([pk for pk, *_ in found])}
        rows = []
        for pk, _total, *values in found:
            article = loaded.get(pk)
            if article is None:  # deleted between the two queries
                continue
            for name, value in zip(carried, values, strict=True):
                setattr(article, name, value)
            rows.append(article)
        return rows

    def get_page(self, number):
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.page(self.num_pages)


class ArticleListMixin:
    """Published articles, newest first, as cards; a bad `?page=` shows the nearest real page."""

    template_name = "articles/archive.html"
    context_object_name = "articles"
    paginator_class = RememberedCountPaginator
    count_name = None  # where the listing keeps its total in the cache; None for one never kept

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count_name = self.count_name
        return paginator

    def get_paginate_by(self, queryset):
        return settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().with_card_data().newest_first()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        number = self.request.GET.get(self.page_kwarg)
        # Zero or negative numbers mean "the start"; past-the-end and garbage go to the nearest real page.
        if number and number.lstrip().startswith(("-", "0")):
            number = 1
        page = paginator.get_page(number)
        return paginator, page, page.object_list, page.has_other_pages()


SECTION_COLUMNS = ("kind", "term", "term_name", "term_slug", "position", "title", "article_slug", "published_at")


def _section_terms(model, kind):
    """Every region (or theme), in the shape of `_section_latest`'s rows."""
    return (
        model.objects.order_by()
        .annotate(
            kind=Value(kind),
            term=F("pk"),
            term_name=F("name"),
            term_slug=F("slug"),
            position=Value(0),
            title=Value(None, CharField()),
            article_slug=Value(None, CharField()),
            # Typed, or PostgreSQL reads a bare NULL as text and cannot unite it with the dates below.
            published_at=Cast(Value(None), DateTimeField()),
        )
        .values(*SECTION_COLUMNS)
    )


def _section_latest(relation, kind, per_term):
    """The newest few published articles of every region (or theme), numbered by date with a window function."""
    field = Article._meta.get_field(relation)
    term_id = f"{field.m2m_reverse_field_name()}_id"
    return (
        field.remote_field.through.objects.filter(article__in=Article.objects.published().values("pk"))
        .order_by()
        .annotate(
            kind=Value(kind),
            term=F(term_id),
            term_name=Value(None, CharField()),
            term_slug=Value(None, CharField()),
            position=Window(
                RowNumber(),
                partition_by=[F(term_id)],
                order_by=[F("article__published_at").desc(), F("article_id").desc()],
            ),
            title=F("article__title"),
            article_slug=F("article__slug"),
            published_at=F("article__published_at"),
        )
        .filter(position__lte=per_term)
        .values(*SECTION_COLUMNS)
    )


def home_sections(per_term=3):
    """The home page's region and theme sections: every term, and the newest articles of each, in one query."""
    sections = {"region": ("Regions", Region), "theme": ("Themes", Theme)}
    rows = _section_terms(Region, "region").union(
        _section_terms(Theme, "theme"),
        _section_latest("regions", "region", per_term),
        _section_latest("themes", "theme", per_term),
        all=True,
    )
    terms, latest = {kind: [] for kind in sections}, defaultdict(list)
    # Terms (position 0) by name, then each term's articles newest first.
    for row in rows.order_by("position", "term_name"):
        if row["position"] == 0:
            model = sections[row["kind"]][1]
            terms[row["kind"]].append(model(pk=row["term"], name=row["term_name"], slug=row["term_slug"]))
        else:
            # Addresses and dates are written out once here, kept with the rest: ninety-odd links
            # would otherwise be reversed and formatted again for every reader.
            published_at = timezone.localtime(row["published_at"])  # as a template would show it
            latest[row["kind"], row["term"]].append(
                {
                    "title": row["title"],
                    "slug": row["article_slug"],
                    "url": url_for("articles:detail", row["article_slug"]),
                    "published_at": published_at,
                    "datetime": iso_datetime(published_at),
                    "date": date_filter(published_at, "j M Y"),
                }
            )
    return [
        {
            "label": label,
            "terms": terms[kind],
            "latest": [(term, latest[kind, term.pk]) for term in terms[kind] if latest[kind, term.pk]],
        }
        for kind, (label, _) in sections.items()
    ]


class HomeView(ArticleListMixin, ListView):
    template_name = "articles/home.html"
    count_name = "home"

    def get_context_data(self, **kwargs):
        # Kept in the cache by the page cache's rules: the window query reads every filing.
        return super().get_context_data(sections=remember("home:sections", home_sections), **kwargs)


class SearchView(ArticleListMixin, ListView):
    """/search/?q=: ranked full-text search on PostgreSQL, a word match on SQLite."""

    template_name = "articles/search.html"
    paginator_class = CountedWithPagePaginator

    def get_paginate_by(self, queryset):
        return settings.SEARCH_RESULTS_PER_PAGE

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.rows_for = lambda ids: Article.objects.filter(pk__in=ids).with_result_data()
        return paginator

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET or None)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.searched = (
            self.form.is_bound and self.form.is_valid() and bool(self.form.cleaned_data["q"] or self.form.has_filters)
        )
        if not self.searched:
            return Article.objects.none()
        queryset = self.form.filter(super().get_queryset())
        query = self.form.cleaned_data["q"]
        return search.search(queryset, query) if query else queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, searched=self.searched, **kwargs)
        query = self.form.cleaned_data.get("q", "") if self.searched else ""
        context["query"] = query
        context["results"] = search.with_snippets(context["articles"], query)
        params = self.request.GET.copy()
        params.pop(self.page_kwarg, None)
        context["query_string"] = params.urlencode()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response


class ArchiveView(ArticleListMixin, ListView):
    """Articles filed under one region, theme, tag, author or source."""

    model = None  # the archive's subject: Region, Theme, Tag, Author or Source
    filter_field = None
    kind = ""

    def get_subject(self):
        return get_object_or_404(self.model, slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        self.subject = self.get_subject()
        self.count_name = f"{self.kind}:{self.subject.pk}"
        return super().get(request, *args, **kwargs)

    # SQLite's planner always finds a subject's articles through the table that files them and then
    # sorts them all by date: 120 ms for a region at 100,000 articles. Walking the date index and
    # checking each article's filing instead reads about per_page × all ÷ subject rows before the
    # page is full; the sort reads all the subject's. So the walk is the cheaper once a subject has
    # more than √(per_page × all) articles: about 450 of 10,000, 1,400 of 100,000 (at 10,000, a
    # region's page went from 16 to 9.5 ms). PostgreSQL's planner makes that choice itself. Source
    # archives have an index of their own (article_source_recent_idx).
    never_walk_below = 100  # articles: a sort of so few is cheap whatever the archive's size

    def walks_date_index(self, filed):
        if filed < self.never_walk_below:
            return False
        # The home page's total, kept by the same rules under the same name.
        everything = remember("count:home", Article.objects.published().count)
        return filed * filed >= settings.ARTICLES_PER_PAGE * everything

    def get_queryset(self):
        articles = super().get_queryset()
        filed = {self.filter_field: self.subject}
        if connection.vendor != "sqlite" or self.filter_field == "source":
            return articles.filter(**filed)
        # The total is kept by the page cache's rules under the name the paginator reads it by.
        total = remember(f"count:{self.count_name}", articles.filter(**filed).count)
        if not self.walks_date_index(total):
            return articles.filter(**filed)
        return articles.filter(Exists(Article.objects.filter(pk=OuterRef("pk"), **filed)))

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, kind=self.kind, **kwargs)


class RegionArchiveView(ArchiveView):
    model, filter_field, kind = Region, "regions", "Region"


class ThemeArchiveView(ArchiveView):
    model, filter_field, kind = Theme, "themes", "Theme"


class TagArchiveView(ArchiveView):
    model, filter_field, kind = Tag, "tags", "Tag"


class AuthorArchiveView(ArchiveView):
    model, filter_field, kind = Author, "authors", "Author"
    template_name = "articles/author.html"


class SourceArchiveView(ArchiveView):
    model, filter_field, kind = Source, "source", "Source"


def republish_link(publication, article, our_url):
    """The partner form with this article already chosen (the permissions contact's address is listed separately)."""
    return reverse("partners:request_article", kwargs={"slug": article.slug})


class ArticleDetailView(DetailView):
    """The article page; staff may open drafts and future articles as a marked preview."""

    context_object_name = "article"

    def get_object(self, queryset=None):
        articles = Article.objects.with_page_data()
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
        context.update(
            structured_data=structured_data(
                article,
                attribution,
                publication=publication,
                our_url=our_url,
                absolute=self.request.build_absolute_uri,
                body_images=body_images.values(),
            ),
            preview=self.preview,
            attribution=attribution,
            our_url=our_url,
            canonical_url=attribution.canonical_url(our_url),
            noindex=self.preview or attribution.noindex,
            body=render_body(article.body, body_images),
            # Partners may ask only for published articles; a preview has nothing to offer them yet.
            republish_url=None if self.preview else republish_link(publication, article, our_url),
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview:
            # A preview must never be cached by a proxy or indexed by a crawler.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
