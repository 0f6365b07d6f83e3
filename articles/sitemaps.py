"""What crawlers are told: /sitemap.xml (published articles and the pages that list them) and /robots.txt."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from pagecache.middleware import shows

from .archives import SUBJECTS
from .cache_keys import SITEMAP
from .feeds import article_modified
from .models import Article


class ArticleSitemap(Sitemap):
    def items(self):
        # A page that asks not to be indexed has no place in the sitemap.
        return Article.objects.published().canonical_here().only("slug", "published_at", "updated_at").newest_first()

    def lastmod(self, article):
        return article_modified(article)


class HomeSitemap(Sitemap):
    def items(self):
        return ["home"]

    def location(self, name):
        return reverse(name)


class ArchiveSitemap(Sitemap):
    """Archive pages of one subject (articles.archives) with at least one published article."""

    def __init__(self, subject):
        self.subject = subject

    def items(self):
        published = Article.objects.published().values(self.subject.filter_field)
        return self.subject.model.objects.filter(pk__in=published).order_by("slug")

    def location(self, filed_under):
        return reverse(self.subject.url_name, kwargs={"slug": filed_under.slug})


SITEMAPS = {
    "home": HomeSitemap,
    "articles": ArticleSitemap,
    # Named as before the registry: "regions", "themes", "tags", "authors", "sources".
    **{f"{subject.kind}s": ArchiveSitemap(subject) for subject in SUBJECTS},
}


def sitemap(request, sitemaps, **kwargs):
    """Django's sitemap view, purged by the sitemap's key: every article and archive it lists changes it."""
    shows(request, SITEMAP)
    return sitemap_views.sitemap(request, sitemaps, **kwargs)


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
