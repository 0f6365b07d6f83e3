from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("region/<slug:slug>/", views.RegionArchiveView.as_view(), name="region"),
    path("theme/<slug:slug>/", views.ThemeArchiveView.as_view(), name="theme"),
    path("tag/<slug:slug>/", views.TagArchiveView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorArchiveView.as_view(), name="author"),
    path("source/<slug:slug>/", views.SourceArchiveView.as_view(), name="source"),
]
