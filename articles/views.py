from collections import defaultdict
from urllib.parse import quote

from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from attribution.models import PublicationSettings, Source
from authors.models import Author

from . import search
from .attribution import attribution_for, structured_data
from .embeds import images_for, render_body
from .forms import SearchForm
from .models import Article, Region, Status, Theme


class ArticleListMixin:
    """Published articles, newest first, as cards; a bad `?page=` shows the nearest real page."""

    template_name = "articles/archive.html"
    context_object_name = "articles"

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


def latest_per_term(relation, per_term=3):
    """The newest few published articles of every region (or theme), in one query.

    Returns {term_id: [{"title", "slug", "published_at"}, ...]} from the many-to-many table,
    numbering each term's articles by date with a window function.
    """
    through = Article._meta.get_field(relation).remote_field.through
    term_id = f"{Article._meta.get_field(relation).m2m_reverse_field_name()}_id"
    rows = (
        through.objects.filter(article__in=Article.objects.published().values("pk"))
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=[F(term_id)],
                order_by=[F("article__published_at").desc(), F("article_id").desc()],
            )
        )
        .filter(position__lte=per_term)
        .order_by(term_id, "position")
        .values(term_id, "article__title", "article__slug", "article__published_at")
    )
    latest = defaultdict(list)
    for row in rows:
        latest[row[term_id]].append(
            {"title": row["article__title"], "slug": row["article__slug"], "published_at": row["article__published_at"]}
        )
    return latest


class HomeView(ArticleListMixin, ListView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = []
        for label, model, relation in (("Regions", Region, "regions"), ("Themes", Theme, "themes")):
            latest = latest_per_term(relation)
            terms = list(model.objects.order_by("name"))
            sections.append(
                {
                    "label": label,
                    "terms": terms,
                    "latest": [(term, latest[term.pk]) for term in terms if latest[term.pk]],
                }
            )
        context["sections"] = sections
        return context


class SearchView(ArticleListMixin, ListView):
    """/search/?q=: ranked full-text search on PostgreSQL, a word match on SQLite."""

    template_name = "articles/search.html"

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
        context["results"] = [(article, search.snippet(article, query)) for article in context["articles"]]
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
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(**{self.filter_field: self.subject})

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
    """A message to the permissions contact that already names the article."""
    if not publication.permissions_contact_email:
        return ""
    subject = quote(f"Permission to republish: {article.title}")
    body = quote(f"I would like to republish this article: {our_url}")
    return f"mailto:{publication.permissions_contact_email}?subject={subject}&body={body}"


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
        publication = PublicationSettings.get_solo()
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
            republish_url=republish_link(publication, article, our_url),
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview:
            # A preview must never be cached by a proxy or indexed by a crawler.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
