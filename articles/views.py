from urllib.parse import quote

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from attribution.models import PublicationSettings, Source
from authors.models import Author

from .attribution import attribution_for
from .embeds import images_for, render_body
from .models import Article, Region, Theme


class ArticleListMixin:
    """Published articles, newest first, as cards; a bad `?page=` shows the nearest real page."""

    paginate_by = settings.ARTICLES_PER_PAGE
    template_name = "articles/archive.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().with_card_data().newest_first()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class HomeView(ArticleListMixin, ListView):
    template_name = "articles/home.html"


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

    def get_template_names(self):
        return ["articles/article_detail.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        publication = PublicationSettings.get_solo()
        attribution = attribution_for(article, publication=publication)
        our_url = self.request.build_absolute_uri(article.get_absolute_url())
        context.update(
            preview=self.preview,
            attribution=attribution,
            our_url=our_url,
            canonical_url=attribution.canonical_url(our_url),
            noindex=self.preview or attribution.noindex,
            body=render_body(article.body, images_for(article.body)),
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
