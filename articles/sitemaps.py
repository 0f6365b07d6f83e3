"""What crawlers are told: /sitemap.xml (published articles and the pages that list them) and /robots.txt."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from taggit.models import Tag

from attribution.models import Source
from authors.models import Author

from .feeds import article_modified
from .models import Article, Region, Theme


class ArticleSitemap(Sitemap):
    def items(self):
        # A page that asks not to be indexed has no place in the sitemap.
        return Article.objects.published().indexable().only("slug", "published_at", "updated_at").newest_first()

    def lastmod(self, article):
        return article_modified(article)


class HomeSitemap(Sitemap):
    def items(self):
        return ["articles:home"]

    def location(self, name):
        return reverse(name)


class ArchiveSitemap(Sitemap):
    """Archive pages with at least one published article: an empty archive is no page to index."""

    model = None
    field = ""  # the Article field that files an article under this archive
    url_name = ""

    def items(self):
        published = Article.objects.published().values(self.field)
        return self.model.objects.filter(pk__in=published).order_by("slug")

    def location(self, subject):
        return reverse(self.url_name, kwargs={"slug": subject.slug})


class RegionSitemap(ArchiveSitemap):
    model, field, url_name = Region, "regions", "articles:region"


class ThemeSitemap(ArchiveSitemap):
    model, field, url_name = Theme, "themes", "articles:theme"


class TagSitemap(ArchiveSitemap):
    model, field, url_name = Tag, "tags", "articles:tag"


class AuthorSitemap(ArchiveSitemap):
    model, field, url_name = Author, "authors", "articles:author"


class SourceSitemap(ArchiveSitemap):
    model, field, url_name = Source, "source", "articles:source"


SITEMAPS = {
    "home": HomeSitemap,
    "articles": ArticleSitemap,
    "regions": RegionSitemap,
    "themes": ThemeSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "sources": SourceSitemap,
}


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    """Crawl everything but the editors' admin, and start from the sitemap."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
