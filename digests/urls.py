from django.urls import path

from pagecache.middleware import public_page

from . import views

app_name = "digests"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="confirm"),
    path("subscriptions/<str:token>/", views.preferences, name="preferences"),
    path("subscriptions/<str:token>/data.json", views.data, name="data"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("digests/", public_page(views.DigestListView.as_view()), name="archive"),
    path("digests/<int:pk>/", public_page(views.DigestDetailView.as_view()), name="detail"),
]
