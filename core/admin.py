"""Admin pieces several apps share: read-only records, and quick add from an autocomplete box.

Creating a record from the admin's autocomplete box: "Add “Ada Quill” as a new author", without a popup.

A ModelAdmin that mixes in `QuickAddMixin` is offered as a choice at the end of every autocomplete box that
points to it (config.admin's site adds the offer), when the name typed matches no record and the editor may
add one. Choosing it posts the name to the model admin's `quick-add/` URL, which creates the record with
that name and a unique slug, logs it in the admin's history like any addition, and answers with the choice
to select (static/js/quick-add.js). Everything else about the record is filled in later, on its own page.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse
from django.utils.text import slugify

# The context of a change page whose record is read-only, its work done by buttons of its own.
NO_SAVE_BUTTONS = {"show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False}


class RecordInlineMixin:
    """An inline that shows a record kept by the app (history, messages sent): nothing added, changed or deleted."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class QuickAddMixin:
    quick_add_field = "name"

    def quick_add_max_length(self):
        return self.model._meta.get_field(self.quick_add_field).max_length

    def quick_add_offer(self, request, term):
        """The extra autocomplete choice for `term`, or None when a record of that name exists or none may be added."""
        name = " ".join(term.split())
        if not name or len(name) > self.quick_add_max_length() or not self.has_add_permission(request):
            return None
        if self.model._default_manager.filter(**{f"{self.quick_add_field}__iexact": name}).exists():
            return None
        opts = self.model._meta
        return {
            "id": "__quick_add__",  # select2 lists no choice without an id; quick-add.js never submits it
            "text": f"Add “{name}” as a new {opts.verbose_name}",
            "quick_add": reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_quick_add"),
            "term": name,
        }

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_quick_add"
        return [path("quick-add/", self.admin_site.admin_view(self.quick_add_view), name=name), *super().get_urls()]

    def quick_add_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        name = " ".join(request.POST.get("term", "").split())
        record = self.model(**{self.quick_add_field: name, "slug": self.unique_slug(name)})
        try:
            record.full_clean()
        except ValidationError as error:
            messages = [message for problems in error.message_dict.values() for message in problems]
            return JsonResponse({"error": " ".join(messages)}, status=400)
        record.save()
        self.log_addition(request, record, [{"added": {}}])
        return JsonResponse({"id": str(record.pk), "text": str(record)}, status=201)

    def unique_slug(self, name):
        field = self.model._meta.get_field("slug")
        base = slugify(name)[: field.max_length - 4] or self.model._meta.model_name
        slug, number = base, 2
        while self.model._default_manager.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug
