from django.contrib import admin
from django.utils.html import format_html

from .models import Image


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "__str__", "credit", "width", "height", "uploaded_at"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["width", "height", "embed_code", "preview"]
    fields = ["file", "preview", "alt_text", "caption", "credit", "width", "height", "embed_code"]

    @admin.display(description="")
    def thumbnail(self, obj):
        return (
            format_html('<img src="{}" alt="" style="max-width:80px;max-height:60px">', obj.file.url)
            if obj.file
            else ""
        )

    @admin.display(description="Preview")
    def preview(self, obj):
        return format_html('<img src="{}" alt="" style="max-width:320px">', obj.file.url) if obj.file else "—"
