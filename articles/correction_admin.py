"""Corrections in the admin: an inline on the article's form and a list of every correction.

Both save through articles.services (the wording a change replaces is kept, the article's modified
date moves on, cached pages are purged), and neither deletes: a published correction stays on the
record, reworded if it must be, with its earlier wording shown under it.
"""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.text import Truncator

from core.admin import RecordInlineMixin

from . import services
from .models import Article, Correction, CorrectionAmendment

WORDING = ["corrected_on", "what_was_wrong", "what_is_right"]


def is_published(article):
    return article is not None and article.pk is not None and Article.objects.published().filter(pk=article.pk).exists()


class CorrectionForm(forms.ModelForm):
    """A correction's wording; a new one only on a published article (the service's rule, said on the form)."""

    class Meta:
        model = Correction
        fields = ["article", *WORDING]
        # A sentence or two each: the form stays short on an article's long page.
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in ("what_was_wrong", "what_is_right")}

    def clean(self):
        cleaned = super().clean()
        # The inline sets the article on the instance; the list's add form has it as a field.
        article = cleaned.get("article") or getattr(self.instance, "article", None)
        if self.instance._state.adding:
            refused = services.correction_refused(article)
            if refused:
                raise forms.ValidationError(refused)
        if article is not None and cleaned.get("corrected_on"):
            refused = services.correction_date_refused(article, cleaned["corrected_on"])
            if refused:
                self.add_error("corrected_on", refused)
        return cleaned


class CorrectionFormSet(BaseInlineFormSet):
    """Corrections added or reworded on the article's form, through the services, by the editor signed in."""

    user = None  # set per request by CorrectionInline.get_formset

    def save_new(self, form, commit=True):
        return services.correction_add(article=self.instance, user=self.user, **_wording(form))

    def save_existing(self, form, obj, commit=True):
        return services.correction_change(correction=obj, user=self.user, **_wording(form))


def _wording(form):
    return {name: form.cleaned_data[name] for name in WORDING}


class CorrectionInline(admin.StackedInline):
    """Shown on a published article's form (or one that has corrections): add one, or reword one; never delete."""

    model = Correction
    form = CorrectionForm
    formset = CorrectionFormSet
    fields = WORDING
    extra = 0
    can_delete = False
    # Placed after the article's fields, not under its title (admin/articles/article/change_form.html).
    after_the_form = True
    classes = ["corrections-inline"]

    def get_queryset(self, request):
        # The article's corrections, oldest first as on its page. Whether the inline shows at all is
        # has_view_permission's to say, for the article at hand (InlineModelAdmin's own asks with none).
        return Correction.objects.order_by("corrected_on", "created_at", "pk")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset

    def shown_on(self, article):
        # Nothing to show on a new article, or on a draft that was never corrected.
        return (
            article is not None and article.pk is not None and (is_published(article) or article.corrections.exists())
        )

    def has_view_permission(self, request, obj=None):
        return self.shown_on(obj) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.shown_on(obj) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return is_published(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


class CorrectionAmendmentInline(RecordInlineMixin, admin.TabularInline):
    """The wordings a correction had before, read-only: the record readers see under it."""

    model = CorrectionAmendment
    fields = ["replaced_at", "replaced_by", *WORDING]
    readonly_fields = fields


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    form = CorrectionForm
    list_display = ["corrected_on", "article", "what_was_wrong_short", "amended", "created_by", "updated_at"]
    list_select_related = ["article", "created_by"]
    list_filter = ["corrected_on"]
    search_fields = ["article__title", "what_was_wrong", "what_is_right"]
    date_hierarchy = "corrected_on"
    autocomplete_fields = ["article"]
    inlines = [CorrectionAmendmentInline]
    actions = None  # no bulk delete

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("amendments")

    def get_fields(self, request, obj=None):
        return ["article", *WORDING]

    def get_readonly_fields(self, request, obj=None):
        # A correction belongs to the article it was published on.
        return ["article"] if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            services.correction_change(correction=obj, user=request.user, **_wording(form))
        else:
            saved = services.correction_add(article=obj.article, user=request.user, **_wording(form))
            obj.pk = saved.pk

    @admin.display(description="What was wrong")
    def what_was_wrong_short(self, obj):
        return Truncator(obj.what_was_wrong).chars(80)

    @admin.display(description="Reworded", boolean=True)
    def amended(self, obj):
        return bool(obj.amendments.all())
