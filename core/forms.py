"""Form-field defaults every form of ours shares, the admin's and our own ModelForms alike."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

# A web address typed without a scheme means https (Django 6's default, adopted now).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class DatePicker(forms.DateInput):
    """The browser's own date picker: one way to enter a date on the public forms and in the admin alike.

    Whatever the reader's locale shows, the value sent is ISO (YYYY-MM-DD), which every date field accepts.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimePicker(forms.SplitDateTimeWidget):
    """A date and a time from the browser's pickers, laid out like the admin's own date and time widget."""

    template_name = "admin/widgets/split_datetime.html"

    def __init__(self, attrs=None):
        super().__init__(
            attrs, date_format="%Y-%m-%d", time_format="%H:%M", date_attrs={"type": "date"}, time_attrs={"type": "time"}
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["date_label"] = _("Date:")
        context["time_label"] = _("Time:")
        return context


# For the admin: the URL default, and the browser's date pickers instead of DD/MM/YYYY typed by hand.
ADMIN_FIELD_OVERRIDES = {
    **URL_FIELD_OVERRIDES,
    models.DateField: {"widget": DatePicker},
    models.DateTimeField: {"widget": DateTimePicker},
}


def https_formfield(field, **kwargs):
    """`formfield_callback` for our own ModelForms, with the same URL default as the admin."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)
