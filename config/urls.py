from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from .views import healthz

admin.site.site_header = "Crosspost editors"
admin.site.site_title = "Crosspost"
admin.site.index_title = "Publication"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
