from django.urls import path

from pagecache.middleware import public_page

from . import feeds, views
from .archives import SUBJECTS

app_name = "articles"

# Every page here is the same for every anonymous reader: the page cache may keep it (search only in
# the shared cache in front: its query strings are never stored here).
urlpatterns = [
    path("search/", public_page(views.SearchView.as_view()), name="search"),
    path("articles/<slug:slug>/", public_page(views.ArticleDetailView.as_view()), name="detail"),
    path("corrections/", public_page(views.CorrectionListView.as_view()), name="corrections"),
    path("corrections/feed/", public_page(feeds.CorrectionsFeed()), name="corrections_feed"),
    path("corrections/feed/atom/", public_page(feeds.CorrectionsAtomFeed()), name="corrections_atom"),
    # Feeds of the whole site.
    path("feeds/rss/", public_page(feeds.LatestArticlesFeed()), name="rss"),
    path("feeds/atom/", public_page(feeds.LatestArticlesAtomFeed()), name="atom"),
    path("feeds/json/", public_page(feeds.LatestArticlesJsonFeed()), name="json_feed"),
]

# Each archive (articles.archives): /region/<slug>/, its RSS and its Atom feed.
for subject in SUBJECTS:
    urlpatterns += [
        path(
            f"{subject.kind}/<slug:slug>/", public_page(views.ArchiveView.as_view(subject=subject)), name=subject.kind
        ),
        path(f"{subject.kind}/<slug:slug>/rss/", public_page(feeds.ArchiveFeed(subject)), name=f"{subject.kind}_rss"),
        path(
            f"{subject.kind}/<slug:slug>/atom/",
            public_page(feeds.ArchiveAtomFeed(subject)),
            name=f"{subject.kind}_atom",
        ),
    ]
