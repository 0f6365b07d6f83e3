from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join

from .forms import ChooserSearchForm, ChooserUploadForm, ImageAdminForm
from .models import Image
from .services import image_set_file
from .usage import uses_of

# A grid of four rows at 1280 px, two columns of twelve rows on a phone.
CHOOSER_PAGE_SIZE = 24


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "__str__", "credit", "width", "height", "uploaded_at"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["width", "height", "preview", "rendition_list", "used_in"]
    fields = ["file", "preview", "alt_text", "caption", "credit", "used_in", "width", "height", "rendition_list"]

    def save_model(self, request, obj, form, change):
        if "file" in form.changed_data:
            # Cleans the upload and stores it under a generated name; a task makes its renditions.
            image_set_file(image=obj, file=form.cleaned_data["file"])
        else:
            obj.save()

    # --- the chooser: the library in a popup, for the article body's picture button and lead picture ---

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("choose/", self.admin_site.admin_view(self.chooser_view), name="{}_{}_choose".format(*info)),
            path(
                "choose/<int:image_id>/",
                self.admin_site.admin_view(self.chosen_view),
                name="{}_{}_chosen".format(*info),
            ),
            *super().get_urls(),
        ]

    def chooser_view(self, request):
        """Search and page through the library, or upload a picture with its alt text, caption and credit."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        can_upload = self.has_add_permission(request)
        upload_form = ChooserUploadForm()
        if request.method == "POST":
            if not can_upload:
                raise PermissionDenied
            upload_form = ChooserUploadForm(request.POST, request.FILES)
            if upload_form.is_valid():
                image = upload_form.save(commit=False)
                image_set_file(image=image, file=upload_form.cleaned_data["file"])
                self.log_addition(request, image, [{"added": {}}])
                return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_chosen", image.pk)
        uploading = can_upload and (request.method == "POST" or request.GET.get("tab") == "upload")

        search = ChooserSearchForm(request.GET)
        images = self.get_queryset(request)
        for term in search.terms():
            images = images.filter(Q(alt_text__icontains=term) | Q(caption__icontains=term) | Q(credit__icontains=term))
        # get_page: a page that is no number shows the first, one past the end shows the last.
        page = Paginator(images, CHOOSER_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Upload a picture" if uploading else "Choose a picture",
            "is_popup": True,
            "search": search,
            "query": search.cleaned_data.get("q", "") if search.is_valid() else "",
            "page": page,
            "elided_pages": page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
            "can_upload": can_upload,
            "uploading": uploading,
            "upload_form": upload_form,
        }
        return TemplateResponse(request, "admin/images/image/chooser.html", context)

    def chosen_view(self, request, image_id):
        """Hands the chosen picture to the page that opened the chooser (js/image-chooser-popup.js)."""
        image = self.get_object(request, str(image_id))
        if image is None or not self.has_view_permission(request, image):
            raise Http404("No picture with that number.")
        chosen = {
            "id": image.pk,
            "src": image.preview_url(800),
            "thumbnail": image.preview_url(480),
            "alt": image.alt_text,
            "caption": image.caption,
            "credit": image.credit,
            "title": str(image),
        }
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Picture chosen",
            "is_popup": True,
            "image": image,
            "chosen": chosen,
        }
        return TemplateResponse(request, "admin/images/image/chosen.html", context)

    # --- columns and read-only fields ---------------------------------------------------------

    @admin.display(description="")
    def thumbnail(self, obj):
        return format_html('<img class="image-thumb" src="{}" alt="">', obj.preview_url()) if obj.file else ""

    @admin.display(description="Preview")
    def preview(self, obj):
        return format_html('<img src="{}" alt="" style="max-width:320px">', obj.picture.src) if obj.file else "—"

    @admin.display(description="Used in")
    def used_in(self, obj):
        """Where the picture appears, so an editor knows what a change or a deletion touches."""
        uses = uses_of([obj.pk]).get(obj.pk) if obj.pk else []
        if not uses:
            return "Not used by any article."
        return format_html(
            '<ul class="image-uses">{}</ul>',
            format_html_join("", '<li><a href="{}">{}</a> ({})</li>', ((u.url, u.label, u.how) for u in uses)),
        )

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
