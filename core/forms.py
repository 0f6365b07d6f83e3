"""Form-field defaults every form of ours shares, the admin's and our own ModelForms alike."""

from django.db import models

# A web address typed without a scheme means https (Django 6's default, adopted now).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


def https_formfield(field, **kwargs):
    """`formfield_callback` for our own ModelForms, with the same URL default as the admin."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)
