from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile

from core.admin import QuickAddMixin
from core.forms import URL_FIELD_OVERRIDES
from images.services import image_cleaned_file

from .models import Author


class AuthorForm(forms.ModelForm):
    class Meta:
        model = Author
        fields = ["photo"]  # AuthorAdmin's fieldsets give the rest

    def clean_photo(self):
        """A new photo is checked by its content and stored without its metadata (a phone's GPS position, say)."""
        photo = self.cleaned_data.get("photo")
        if not isinstance(photo, UploadedFile):
            return photo  # none, cleared, or the one already stored
        return image_cleaned_file(photo)


@admin.register(Author)
class AuthorAdmin(QuickAddMixin, admin.ModelAdmin):
    form = AuthorForm
    formfield_overrides = URL_FIELD_OVERRIDES
    list_display = ["name", "affiliation", "email"]
    search_fields = ["name", "affiliation", "email"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "affiliation", "short_bio", "bio", "photo", "website"]}),
        ("Private", {"fields": ["email"], "description": "Never shown on the site."}),
    ]
