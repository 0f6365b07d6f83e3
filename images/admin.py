from django import forms
from django.contrib import admin
from django.utils.html import escape, format_html, format_html_join

from .models import Image
from .services import image_set_file


class ImageAdminForm(forms.ModelForm):
    # A plain file field: Django's ImageField would first open the upload with every format Pillow
    # knows. The model's validator opens it with the four we accept, and nothing else.
    file = forms.FileField(
        label="File",
        help_text=Image._meta.get_field("file").help_text,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit"]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "__str__", "credit", "width", "height", "uploaded_at"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["width", "height", "embed", "preview", "rendition_list"]
    fields = ["file", "preview", "alt_text", "caption", "credit", "width", "height", "rendition_list", "embed"]

    @admin.display(description="Embed code")
    def embed(self, obj):
        """Shown as text to copy: paste it in an article body's HTML view to place the picture."""
        if not obj.pk:
            return "Save the picture first; its embed code appears here."
        return format_html("<code>{}</code>", escape(obj.embed_code))

    def save_model(self, request, obj, form, change):
        if "file" in form.changed_data:
            # Cleans the upload and stores it under a generated name; a task makes its renditions.
            image_set_file(image=obj, file=form.cleaned_data["file"])
        else:
            obj.save()

    @admin.display(description="")
    def thumbnail(self, obj):
        return (
            format_html('<img src="{}" alt="" style="max-width:80px;max-height:60px">', obj.picture.src)
            if obj.file
            else ""
        )

    @admin.display(description="Preview")
    def preview(self, obj):
        return format_html('<img src="{}" alt="" style="max-width:320px">', obj.picture.src) if obj.file else "—"

    @admin.display(description="Renditions")
    def rendition_list(self, obj):
        if not obj.renditions:
            if not obj.pk:
                return "—"
            return "Being made in the background; until they are ready, pages show the original."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{} × {} {}</a></li>',
                (
                    (obj.file.storage.url(r["name"]), r["width"], r["height"], r["format"].upper())
                    for r in obj.renditions
                ),
            ),
        )
