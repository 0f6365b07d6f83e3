from django.urls import path

from pagecache.middleware import public_page

from . import views

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
]
