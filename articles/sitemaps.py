"""What crawlers are told: /sitemap.xml (published articles and the pages that list them), /sitemap-news.xml
(Google News: the articles of the last two days) and /robots.txt."""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from attribution.context_processors import publication_for
from pagecache.middleware import expires_by, shows

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


# Google News reads articles published in the last two days, at most 1,000 of them in one sitemap
# (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_LIMIT = 1000


class NewsSitemap(Sitemap):
    """Articles published in the last two days whose canonical address is our own page, newest first."""

    limit = NEWS_LIMIT

    def __init__(self, now=None):
        self.now = now or timezone.now()

    def items(self):
        recent = Article.objects.published().canonical_here().filter(published_at__gte=self.now - NEWS_WINDOW)
        # Only the newest thousand: Google reads no more from one news sitemap.
        return list(recent.only("slug", "title", "published_at", "updated_at").newest_first()[:NEWS_LIMIT])

    def lastmod(self, article):
        return article_modified(article)


def news_language(language_code):
    """The ISO 639 code Google News asks for: "en" for "en-gb"; Chinese keeps its script ("zh-cn", "zh-tw")."""
    code = language_code.lower()
    if code in ("zh-hans", "zh-cn"):
        return "zh-cn"
    if code in ("zh-hant", "zh-tw", "zh-hk"):
        return "zh-tw"
    return code.split("-")[0]


def news_sitemap(request):
    """/sitemap-news.xml, with the publication's name and language; purged with the sitemap, and never kept
    past the moment its oldest article leaves the two days."""
    shows(request, SITEMAP)
    news = NewsSitemap()
    articles = news.items()
    if articles:
        expires_by(request, min(article.published_at for article in articles) + NEWS_WINDOW)
    news.items = lambda: articles  # read once: the window above and the list below are the same articles
    response = sitemap_views.sitemap(request, {"news": news}, template_name="sitemaps/news.xml")
    response.context_data.update(
        news_name=publication_for(request).site_name, news_language=news_language(settings.LANGUAGE_CODE)
    )
    return response


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    """Crawl everything but the editors' admin, and start from the sitemaps."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_news'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
