from django.urls import path

from . import feeds, views
from .cache import public_page

app_name = "articles"

# Every page here but search is the same for every anonymous reader: the page cache may keep it.
urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("articles/<slug:slug>/", public_page(views.ArticleDetailView.as_view()), name="detail"),
    path("region/<slug:slug>/", public_page(views.RegionArchiveView.as_view()), name="region"),
    path("theme/<slug:slug>/", public_page(views.ThemeArchiveView.as_view()), name="theme"),
    path("tag/<slug:slug>/", public_page(views.TagArchiveView.as_view()), name="tag"),
    path("author/<slug:slug>/", public_page(views.AuthorArchiveView.as_view()), name="author"),
    path("source/<slug:slug>/", public_page(views.SourceArchiveView.as_view()), name="source"),
    # Feeds: the whole site, then each archive's own.
    path("feeds/rss/", public_page(feeds.LatestArticlesFeed()), name="rss"),
    path("feeds/atom/", public_page(feeds.LatestArticlesAtomFeed()), name="atom"),
    path("feeds/json/", public_page(feeds.LatestArticlesJsonFeed()), name="json_feed"),
    path("region/<slug:slug>/rss/", public_page(feeds.RegionFeed()), name="region_rss"),
    path("region/<slug:slug>/atom/", public_page(feeds.RegionAtomFeed()), name="region_atom"),
    path("theme/<slug:slug>/rss/", public_page(feeds.ThemeFeed()), name="theme_rss"),
    path("theme/<slug:slug>/atom/", public_page(feeds.ThemeAtomFeed()), name="theme_atom"),
    path("tag/<slug:slug>/rss/", public_page(feeds.TagFeed()), name="tag_rss"),
    path("tag/<slug:slug>/atom/", public_page(feeds.TagAtomFeed()), name="tag_atom"),
    path("author/<slug:slug>/rss/", public_page(feeds.AuthorFeed()), name="author_rss"),
    path("author/<slug:slug>/atom/", public_page(feeds.AuthorAtomFeed()), name="author_atom"),
    path("source/<slug:slug>/rss/", public_page(feeds.SourceFeed()), name="source_rss"),
    path("source/<slug:slug>/atom/", public_page(feeds.SourceAtomFeed()), name="source_atom"),
]
