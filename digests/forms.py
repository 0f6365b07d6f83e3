from django import forms
from django.core.exceptions import ValidationError

from .models import Frequency, TargetKind
from .services import subject_for

FOLLOW_KINDS = (TargetKind.REGION, TargetKind.THEME, TargetKind.AUTHOR)


def parse_follow(value):
    """("publication", None) or (kind, id) from the form's "region:12"; ValueError when it names nothing we have."""
    if value == TargetKind.PUBLICATION:
        return TargetKind.PUBLICATION, None
    kind, _, number = value.partition(":")
    if kind not in FOLLOW_KINDS or not number.isascii() or not number.isdigit() or len(number) > 12:
        raise ValueError(value)
    try:
        subject = subject_for(kind, int(number))
    except LookupError as error:
        raise ValueError(value) from error
    return kind, subject


class SubscribeForm(forms.Form):
    """The small form under articles and archives: an address, what to follow, how often."""

    email = forms.EmailField(
        label="Your e-mail address",
        max_length=254,
        error_messages={
            "required": "Please enter your e-mail address.",
            "invalid": "Please enter a complete e-mail address, like name@example.org.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    follow = forms.CharField(
        label="Follow",
        max_length=40,
        initial=TargetKind.PUBLICATION,
        error_messages={"required": "Please choose what you would like to follow."},
    )
    frequency = forms.ChoiceField(
        label="How often",
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose daily or weekly.",
            "invalid_choice": "Please choose daily or weekly.",
        },
    )
    # A honeypot, as on the partner form: hidden from people, filled in by form-filling robots.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if "".join(email.splitlines()) != email:
            raise ValidationError("Please enter your e-mail address on one line.", code="line_break")
        return email

    def clean_follow(self):
        try:
            kind, subject = parse_follow(self.cleaned_data["follow"])
        except ValueError:
            raise ValidationError(
                "We could not find what you chose to follow; please choose again.", code="unknown_target"
            ) from None
        self.kind, self.subject = kind, subject
        return self.cleaned_data["follow"]

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))
