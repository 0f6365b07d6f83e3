import reversion
from adminsortable2.admin import CustomInlineFormSet, SortableAdminBase, SortableTabularInline
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from reversion.admin import VersionAdmin
from taggit import admin as taggit_admin
from taggit.models import Tag

from core.forms import ADMIN_FIELD_OVERRIDES

from . import revisions, search, services
from .admin_panels import panels_for
from .correction_admin import CorrectionInline
from .forms import PUBLISH_BUTTON, ArticleAdminForm
from .models import LIVE_STATUSES, Article, ArticleAuthor, Region, Status, Theme, bylines, terms
from .publishing import article_problems

PUBLISH_PERMISSION = "articles.publish_article"


class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Region, TermAdmin)
admin.site.register(Theme, TermAdmin)


class VisibilityFilter(admin.SimpleListFilter):
    """What readers see now, which the stored status alone cannot say for scheduled articles."""

    title = "visibility"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [("live", "Visible to readers"), ("scheduled", "Scheduled (time ahead)"), ("hidden", "Not visible")]

    def queryset(self, request, queryset):
        published = Article.objects.published().values("pk")
        if self.value() == "live":
            return queryset.filter(pk__in=published)
        if self.value() == "scheduled":
            return queryset.filter(status__in=LIVE_STATUSES, published_at__gt=timezone.now())
        if self.value() == "hidden":
            return queryset.exclude(pk__in=published)
        return queryset


class ArticleAuthorFormSet(CustomInlineFormSet):
    """The byline: at least one author to go live, and positions 0, 1, 2… in the order the editor left them."""

    def clean(self):
        super().clean()
        if self.instance.status not in LIVE_STATUSES:
            return
        kept = [form for form in self.forms if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")]
        if not kept:
            raise ValidationError("Add at least one author before publishing or scheduling.")

    def save(self, commit=True):
        saved = super().save(commit=commit)
        if commit:
            self.number_the_byline()
        return saved

    def number_the_byline(self):
        # The drag handles post 1, 2, 3 and adminsortable2 puts a new row after the last; readers, feeds and
        # exports are simpler with plain positions from 0, so renumber what was kept, in that order.
        links = list(self.instance.author_links.order_by("order", "pk"))
        for position, link in enumerate(links):
            link.order = position
        ArticleAuthor.objects.bulk_update(links, ["order"])


class ArticleAuthorForm(forms.ModelForm):
    """A byline row. A new row that only got a position (the editor moved the rows around it) is still empty."""

    def has_changed(self):
        if self.instance.pk is None:
            return any(name != "order" for name in self.changed_data)
        return super().has_changed()


class ArticleAuthorInline(SortableTabularInline):
    """Authors right under the standfirst: found by typing, added in place with "+", ordered by dragging
    or with the arrow buttons, before the first save as after it (template and script: byline-order)."""

    model = ArticleAuthor
    form = ArticleAuthorForm
    formset = ArticleAuthorFormSet
    template = "admin/articles/article/byline_inline.html"
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "order"]


@admin.register(Article)
class ArticleAdmin(SortableAdminBase, VersionAdmin):
    form = ArticleAdminForm
    object_history_template = "admin/articles/article/object_history.html"
    formfield_overrides = ADMIN_FIELD_OVERRIDES
    list_display = ["title", "state", "published_at", "byline", "source", "region_names", "updated_at"]
    list_filter = ["status", VisibilityFilter, "regions", "themes", "source", "authors"]
    list_select_related = ["source"]
    search_fields = ["title", "dek", "authors__name", "source__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["regions", "themes", "source"]
    inlines = [ArticleAuthorInline, CorrectionInline]
    actions = ["publish_selected", "unpublish_selected", "withdraw_selected"]
    save_on_top = True
    readonly_fields = ["checks"]
    # In the order of the work. The template (admin/articles/article/change_form.html) puts the authors
    # between the first fieldset and the rest, and error_summary() lists errors in that same order.
    fieldsets = [
        (None, {"fields": ["title", "dek"]}),
        (None, {"fields": ["body", "lead_image"]}),
        ("Original source", {"fields": ["source", "original_url", "original_published_on"]}),
        ("Filing", {"fields": ["regions", "themes", "tags", "new_tags"]}),
        (
            "Credits and search engines",
            {
                "classes": ["collapse"],
                "description": "Leave empty to use the source's or the site's defaults.",
                "fields": [
                    "copyright_holders",
                    "copyright_holder_other",
                    "copyright_year",
                    "canonical_policy",
                    "disclaimer",
                ],
            },
        ),
        ("Publishing", {"fields": ["status", "published_at", "slug", "checks"]}),
    ]

    class Media:
        # jQuery first (Django's documented way to order Media): quick-add.js listens through django.jQuery.
        js = [
            "admin/js/vendor/jquery/jquery.min.js",
            "admin/js/jquery.init.js",
            "js/admin-first-error.js",
            "js/byline-order.js",
            "js/quick-add.js",
            "js/original-date.js",
        ]

    # --- who may do what -------------------------------------------------------------------

    def can_publish(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_publish_permission(self, request):
        return self.can_publish(request)

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related(bylines(), terms("regions"))
        if not self.can_publish(request):
            # Contributors work on their own articles only.
            queryset = queryset.filter(created_by=request.user)
        return queryset

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or self.can_publish(request):
            return True
        return obj.created_by_id == request.user.pk and obj.status in (Status.DRAFT, Status.REVIEW)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.can_publish(request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = self.can_publish(request)
        return form

    # --- the form's errors, named at the top ----------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["error_summary"] = self.error_summary(context["adminform"].form, context["inline_admin_formsets"])
        # One click to go live for those who may publish, until the article is live.
        context["publish_button"] = self.can_publish(request) and (obj is None or obj.status not in LIVE_STATUSES)
        # What other apps know of the article (where partners republished it), read-only.
        context["article_panels"] = panels_for(request, obj) if obj is not None and obj.pk else []
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def error_summary(self, form, inline_admin_formsets):
        """Each field or inline with an error, in page order: (its label, the id to jump to, the first message)."""
        entries = []
        for position, (_, options) in enumerate(self.fieldsets):
            for name in options["fields"]:
                if name in form.fields and form[name].errors:
                    label = capfirst(form[name].label)
                    entries.append((label, form[name].id_for_label, form[name].errors[0]))
            if position == 0:
                for inline in inline_admin_formsets:
                    formset = inline.formset
                    problems = list(formset.non_form_errors())
                    problems += [problem for errors in formset.errors for field in errors.values() for problem in field]
                    if problems:
                        label = capfirst(inline.opts.verbose_name_plural)
                        entries.append((label, f"{formset.prefix}-group", problems[0]))
        return entries

    @admin.display(description="Checks before publishing")
    def checks(self, obj):
        if obj is None or obj.pk is None:
            return "Checked when you save."
        problems = article_problems(obj)
        if not problems:
            return "Ready to publish: authors, filing and source are complete."
        return " ".join(problems)

    # --- saving ----------------------------------------------------------------------------

    def changeform_view(self, request, *args, **kwargs):
        # The article, then each byline row and the tags, are saved in turn, and each asks for a
        # search refresh: the article is indexed once, after all of them, before the editor sees it.
        with search.refreshes_collected() as asked:
            response = super().changeform_view(request, *args, **kwargs)
        search.refresh_search_vectors(asked)
        return response

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        # Within the revision VersionAdmin opened, which also keeps the byline and tags saved next.
        services.article_save(article=obj)
        self.warn_about_duplicates(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.tags.set(form.chosen_tags())

    def warn_about_duplicates(self, request, obj):
        if not obj.original_url_key:
            return
        others = Article.objects.filter(original_url_key=obj.original_url_key).exclude(pk=obj.pk)[:5]
        if others:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                ((reverse("admin:articles_article_change", args=[other.pk]), other.title) for other in others),
            )
            messages.warning(
                request, format_html("Another article has the same original URL — is this a duplicate? {}", links)
            )

    def response_add(self, request, obj, post_url_continue=None):
        return self.response_published(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self.response_published(request, obj) or super().response_change(request, obj)

    def response_published(self, request, obj):
        """After "Publish": back to the article, with where readers find it (or when they will)."""
        if PUBLISH_BUTTON not in request.POST or obj.status not in LIVE_STATUSES:
            return None
        if obj.status == Status.SCHEDULED:
            when = timezone.localtime(obj.published_at).strftime("%Y-%m-%d %H:%M")
            message = format_html("“{}” is scheduled: readers see it from {}.", obj.title, when)
        else:
            message = format_html(
                '“{}” is published. <a href="{}">View it on the site</a>', obj.title, obj.get_absolute_url()
            )
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))

    # --- bulk actions ----------------------------------------------------------------------

    def _apply(self, request, queryset, action, verb):
        done, skipped = 0, []
        for article in queryset.select_related("source"):
            try:
                # Each change is a revision of its own, with who did it, like a save in the form.
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    reversion.set_comment(f"{verb.capitalize()} with a bulk action.")
                    action(article=article)
            except services.PublishBlocked as blocked:
                skipped.append(format_html("“{}”: {}", article.title, " ".join(blocked.problems)))
            else:
                done += 1
        if done:
            self.message_user(request, f"{done} article{'s' if done != 1 else ''} {verb}.", messages.SUCCESS)
        for reason in skipped:
            self.message_user(request, format_html("Skipped {}", reason), messages.WARNING)

    @admin.action(description="Publish selected articles (scheduled if their time is ahead)", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._apply(request, queryset, services.article_publish, "published or scheduled")

    @admin.action(description="Unpublish selected articles (back to draft)", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._apply(request, queryset, services.article_unpublish, "moved back to draft")

    @admin.action(description="Withdraw selected articles (their pages answer “gone”)", permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._apply(request, queryset, services.article_withdraw, "withdrawn")

    # --- history -------------------------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, object_id)
        entries = []
        if article is not None:
            for entry in revisions.history(article):
                entry["url"] = reverse("admin:articles_article_revision", args=[article.pk, entry["version"].pk])
                entries.append(entry)
        return super().history_view(request, object_id, extra_context={"history": entries, **(extra_context or {})})

    # --- list columns ----------------------------------------------------------------------

    @admin.display(description="Status", ordering="status")
    def state(self, obj):
        if obj.status in LIVE_STATUSES and obj.published_at and obj.published_at > timezone.now():
            return "Scheduled"
        if obj.status in LIVE_STATUSES:
            return "Published"
        return obj.get_status_display()

    @admin.display(description="Authors")
    def byline(self, obj):
        return ", ".join(author.name for author in obj.ordered_authors)

    @admin.display(description="Regions")
    def region_names(self, obj):
        return ", ".join(region.name for region in obj.region_list)


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(taggit_admin.TagAdmin):
    """django-taggit's own admin, with "View on site" opening the tag's archive (taggit's Tag has no URL)."""

    def view_on_site(self, obj):
        return reverse("articles:tag", kwargs={"slug": obj.slug})
