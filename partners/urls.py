from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.PermissionRequestView.as_view(), name="request"),
    path("<slug:slug>/", views.PermissionRequestView.as_view(), name="request_article"),
    path("<slug:slug>/thank-you/", views.ThanksView.as_view(), name="thanks"),
    # After the thanks page, so that an article slugged "kit" keeps its thanks page (a token is 43 characters).
    path("kit/<str:token>/", views.kit, name="kit"),
]
