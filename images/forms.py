from django import forms

from .models import Image


class ImageAdminForm(forms.ModelForm):
    """The library's own form: caption and credit may wait (an imported picture often has neither yet)."""

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


class ChooserUploadForm(ImageAdminForm):
    """An upload from inside an article: it goes on the page at once, so readers' words come with it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget = forms.FileInput(attrs=self.fields["file"].widget.attrs)
        self.fields["caption"].widget = forms.Textarea(attrs={"rows": 2})
        for name in ("alt_text", "caption", "credit"):
            self.fields[name].required = True
        self.fields["caption"].help_text = "Shown under the picture. Required."
        self.fields["credit"].help_text = "Photographer or agency, e.g. “Photo: Reuters”. Required."


class ChooserSearchForm(forms.Form):
    """The chooser's search box; anything it cannot take is treated as no search at all."""

    q = forms.CharField(label="Search pictures", max_length=200, required=False, strip=True)

    def terms(self):
        """Up to ten words, each of which must appear in the alt text, caption or credit."""
        if not self.is_valid():
            return []
        return self.cleaned_data["q"].split()[:10]
