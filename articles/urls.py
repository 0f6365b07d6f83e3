from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("region/<slug:slug>/", views.RegionArchiveView.as_view(), name="region"),
    path("theme/<slug:slug>/", views.ThemeArchiveView.as_view(), name="theme"),
    path("tag/<slug:slug>/", views.TagArchiveView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorArchiveView.as_view(), name="author"),
    path("source/<slug:slug>/", views.SourceArchiveView.as_view(), name="source"),
    # Feeds: the whole site, then each archive's own.
    path("feeds/rss/", feeds.LatestArticlesFeed(), name="rss"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path("feeds/json/", feeds.LatestArticlesJsonFeed(), name="json_feed"),
    path("region/<slug:slug>/rss/", feeds.RegionFeed(), name="region_rss"),
    path("region/<slug:slug>/atom/", feeds.RegionAtomFeed(), name="region_atom"),
    path("theme/<slug:slug>/rss/", feeds.ThemeFeed(), name="theme_rss"),
    path("theme/<slug:slug>/atom/", feeds.ThemeAtomFeed(), name="theme_atom"),
    path("tag/<slug:slug>/rss/", feeds.TagFeed(), name="tag_rss"),
    path("tag/<slug:slug>/atom/", feeds.TagAtomFeed(), name="tag_atom"),
    path("author/<slug:slug>/rss/", feeds.AuthorFeed(), name="author_rss"),
    path("author/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
    path("source/<slug:slug>/rss/", feeds.SourceFeed(), name="source_rss"),
    path("source/<slug:slug>/atom/", feeds.SourceAtomFeed(), name="source_atom"),
]
