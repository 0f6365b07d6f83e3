from functools import partial

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.urls import reverse_lazy
from django.utils import timezone
from django_prose_editor.widgets import AdminProseEditorWidget
from taggit.models import Tag
from taggit.utils import parse_tags

from core.forms import https_formfield
from images.models import Image
from images.widgets import ImageChooserWidget
from pagecache.store import remember

from .cache_keys import SEARCH
from .models import LIVE_STATUSES, Article, Status
from .publishing import live_status_for, publish_problems

# What the body editor offers: the shape of a pasted article survives (links, headings, lists,
# quotes, separators, tables, captioned figures); Article.save() sanitises the result again.
# Pictures come from the library: LibraryPicture (static/js/prose-library-picture.js, registered in
# settings.DJANGO_PROSE_EDITOR_EXTENSIONS) turns the picture button into the library's chooser.
BODY_EDITOR = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Underline": True,
        "Strike": True,
        "Subscript": True,
        "Superscript": True,
        "Code": True,
        "Heading": {"levels": [2, 3, 4]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "HorizontalRule": True,
        "HardBreak": True,
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
        "Figure": True,
        "Caption": True,
        "Image": True,
        "LibraryPicture": {"chooserUrl": reverse_lazy("admin:images_image_choose")},
        "Table": True,
        "TableRow": True,
        "TableHeader": True,
        "TableCell": True,
        "HTML": True,
        "History": True,
    }
}


# The publishing box's "Publish" button: saves with the status Published (Scheduled when the time is ahead).
PUBLISH_BUTTON = "_publish"


class ArticleAdminForm(forms.ModelForm):
    """The editors' article form: publishing rules, roles, and tags picked or typed."""

    # Set per request by ArticleAdmin.get_form: contributors may only draft and submit for review.
    can_publish = True

    tags = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Article._meta.get_field("tags"), admin.site),
        help_text="Start typing to find an existing tag.",
    )
    new_tags = forms.CharField(
        required=False,
        max_length=500,
        help_text="Tags that do not exist yet, separated by commas.",
    )
    # Declared here, so the admin adds neither its autocomplete nor its "+"/edit links: the chooser
    # shows the picture and offers the library's search and an upload with caption and credit.
    lead_image = forms.ModelChoiceField(
        queryset=Image.objects.all(),
        required=False,
        widget=ImageChooserWidget(label="Lead picture"),
        label="Lead picture",
        help_text="Shown above the article and when it is shared. Choose it from the library or upload a new one.",
    )

    class Meta:
        model = Article
        formfield_callback = https_formfield
        widgets = {"body": AdminProseEditorWidget(config=BODY_EDITOR, preset="configurable")}
        fields = [
            "title", "slug", "dek", "body", "lead_image", "status", "published_at", "regions", "themes", "tags",
            "source", "original_url", "original_published_on", "copyright_holders", "copyright_holder_other",
            "copyright_year", "canonical_policy", "disclaimer",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["tags"] = list(self.instance.tags.values_list("pk", flat=True))
        if not self.can_publish and "status" in self.fields:
            self.fields["status"].choices = [(Status.DRAFT, "Draft"), (Status.REVIEW, "Submit for review")]
            self.fields["status"].help_text = "An editor reviews and publishes."

    def clean_status(self):
        if self.can_publish and PUBLISH_BUTTON in self.data:
            return Status.PUBLISHED
        return self.cleaned_data["status"]

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status not in LIVE_STATUSES:
            return cleaned
        problems = publish_problems(
            authors=True,  # checked by the authors formset, which this form cannot see
            regions=cleaned.get("regions"),
            themes=cleaned.get("themes"),
            source=cleaned.get("source"),
            original_url=cleaned.get("original_url"),
            original_published_on=cleaned.get("original_published_on"),
        )
        for field, message in problems:
            self.add_error(field if field in self.fields else None, message)
        if not problems:
            cleaned["published_at"] = cleaned.get("published_at") or timezone.now()
            # "Published" with a time ahead is a schedule; "Scheduled" with a time past is live.
            cleaned["status"] = live_status_for(cleaned["published_at"])
        return cleaned

    def clean_new_tags(self):
        names = parse_tags(self.cleaned_data["new_tags"])
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise forms.ValidationError(
                "A tag may be at most 100 characters long: %(tag)s", params={"tag": too_long[0]}
            )
        return names

    def chosen_tags(self):
        """Names of every tag the editor picked or typed, without duplicates."""
        names = [tag.name for tag in self.cleaned_data.get("tags", [])]
        lowered = {name.lower() for name in names}
        names += [name for name in self.cleaned_data.get("new_tags", []) if name.lower() not in lowered]
        return names


class FilterSelect(forms.Select):
    """A plain select rendered in one template: Django's includes a template for every option."""

    template_name = "articles/widgets/filter_select.html"


def _term_choices(model):
    return list(model.objects.order_by("name", "pk").values_list("slug", "name"))


class SearchForm(forms.Form):
    """The reader's search box and its filters; anything odd in the query string becomes a message."""

    q = forms.CharField(label="Search for", max_length=200, required=False, strip=True)
    region = forms.ModelChoiceField(
        queryset=None, to_field_name="slug", required=False, empty_label="Any region", widget=FilterSelect
    )
    theme = forms.ModelChoiceField(
        queryset=None, to_field_name="slug", required=False, empty_label="Any theme", widget=FilterSelect
    )
    author = forms.ModelChoiceField(queryset=None, to_field_name="slug", required=False, empty_label="Any author")
    date_from = forms.DateField(label="Published from", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="Published until", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        from authors.models import Author

        from .models import Region, Theme

        super().__init__(*args, **kwargs)
        for name, model in (("region", Region), ("theme", Theme)):
            field = self.fields[name]
            field.queryset = model.objects.all()
            # The choices shown are kept by the page cache's rules (a renamed region shows at once);
            # a chosen slug is still looked up in the table when the form is cleaned.
            choices = remember(f"choices:{name}", partial(_term_choices, model), keys=[SEARCH])
            field.choices = [("", field.empty_label), *choices]
        self.fields["author"].queryset = Author.objects.all()
        self.fields["author"].widget = forms.TextInput()  # a slug; a select of every author would not scale
        self.fields["author"].help_text = ""

    def full_clean(self):
        super().full_clean()
        for name in ("date_from", "date_to"):
            if name in self.errors:
                # A date input cannot hold what was typed; show it as text so nothing is lost.
                self.fields[name].widget.input_type = "text"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must be on or after the start date.")
        return cleaned

    def filter(self, queryset):
        """Apply the chosen filters (only call when the form is valid)."""
        data = self.cleaned_data
        if data.get("region"):
            queryset = queryset.filter(regions=data["region"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        if data.get("author"):
            queryset = queryset.filter(authors=data["author"])
        if data.get("date_from"):
            queryset = queryset.filter(published_at__date__gte=data["date_from"])
        if data.get("date_to"):
            queryset = queryset.filter(published_at__date__lte=data["date_to"])
        return queryset

    @property
    def has_filters(self):
        return any(self.cleaned_data.get(name) for name in ("region", "theme", "author", "date_from", "date_to"))
