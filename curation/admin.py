from adminsortable2.admin import SortableAdminBase, SortableAdminMixin, SortableTabularInline
from django.contrib import admin
from solo.admin import SingletonModelAdmin

from .models import FrontPage, FrontPageSection, MenuItem


@admin.register(MenuItem)
class MenuItemAdmin(SortableAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "kind"]
    fields = ["region", "theme"]

    @admin.display(description="kind")
    def kind(self, item):
        return "Region" if item.region_id else "Theme"


class FrontPageSectionInline(SortableTabularInline):
    model = FrontPageSection
    fields = ["region", "theme"]
    extra = 0
    verbose_name_plural = "Sections under the top stories, each a region or a theme (drag to reorder)"


@admin.register(FrontPage)
class FrontPageAdmin(SortableAdminBase, SingletonModelAdmin):
    autocomplete_fields = ["lead"]
    inlines = [FrontPageSectionInline]
