from django.contrib import admin
from django.db.models import Prefetch

from config.admin_defaults import URL_FIELD_OVERRIDES

from .forms import ArticleAdminForm
from .models import Article, ArticleAuthor, Region, Theme


class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Region, TermAdmin)
admin.site.register(Theme, TermAdmin)


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "order"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    form = ArticleAdminForm
    list_display = ["title", "status", "published_at", "byline", "source", "region_names", "updated_at"]
    list_filter = ["status", "regions", "themes", "source", "authors"]
    list_select_related = ["source"]
    search_fields = ["title", "dek", "authors__name", "source__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["regions", "themes", "source", "lead_image"]
    inlines = [ArticleAuthorInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "dek", "body", "lead_image"]}),
        ("Publishing", {"fields": ["status", "published_at"]}),
        ("Filing", {"fields": ["regions", "themes", "tags", "new_tags"]}),
        (
            "Original source",
            {"fields": ["source", "original_url", "original_published_on"]},
        ),
        (
            "Rights and search engines",
            {
                "classes": ["collapse"],
                "fields": [
                    "copyright_holders",
                    "copyright_holder_other",
                    "copyright_year",
                    "canonical_policy",
                    "disclaimer",
                ],
            },
        ),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.tags.set(form.chosen_tags())

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "author_links", queryset=ArticleAuthor.objects.select_related("author").order_by("order", "pk")
                ),
                "regions",
            )
        )

    @admin.display(description="Authors")
    def byline(self, obj):
        return ", ".join(author.name for author in obj.ordered_authors)

    @admin.display(description="Regions")
    def region_names(self, obj):
        return ", ".join(region.name for region in obj.regions.all())
