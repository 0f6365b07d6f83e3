from urllib.parse import unquote, urlsplit

from django import forms
from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import Resolver404, resolve
from django.utils import timezone

from articles.models import Article
from core.forms import DatePicker

from .models import Medium, PermissionRequest


def validate_single_line(value):
    """No line breaks of any kind: a value that may end up near a mail header must stay on one line."""
    if "".join(value.splitlines()) != value:
        raise ValidationError("Please keep this on one line.", code="line_break")


class WebAddressField(forms.URLField):
    """A web page's address: http or https only (Django's own URLField also takes ftp)."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {"invalid": "Enter a web address starting with http:// or https://."}

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


def published_article_at(address, *, hosts):
    """The published article whose page is at `address` on one of our `hosts`, or None.

    The path is matched against our own URL patterns, so only an article page counts; an old
    address that now redirects (after a change of slug) leads to the article as well.
    """
    try:
        parts = urlsplit(address)
        if not parts.scheme and not parts.netloc and not address.startswith("/"):
            parts = urlsplit("https://" + address)  # "example.org/articles/x/", typed without https://
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if (parts.scheme or parts.netloc) and (parts.scheme not in ("http", "https") or parts.netloc.lower() not in hosts):
        return None
    path = unquote(parts.path) or "/"
    if "\x00" in path:
        return None  # "%00" decoded: no address of ours has one, and PostgreSQL refuses it in a query
    candidates = [path] if path.endswith("/") else [path, path + "/"]
    article = _published_article_on(candidates)
    if article is None:
        redirected = Redirect.objects.filter(site_id=settings.SITE_ID, old_path__in=candidates).exclude(new_path="")
        article = _published_article_on(list(redirected.values_list("new_path", flat=True)))
    return article


def _published_article_on(paths):
    slugs = []
    for path in paths:
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.view_name == "articles:detail":
            slugs.append(match.kwargs["slug"])
    return Article.objects.published().filter(slug__in=slugs).first() if slugs else None


# What a partner tells us: who they are, then where and how the article would appear. The admin
# shows the request in this order too, with the article between the two (partners.admin).
ABOUT_THE_PARTNER = ["name", "organisation", "email"]
ABOUT_THE_REPRINT = [
    "medium",
    "publication_name",
    "publication_url",
    "planned_date",
    "audience",
    "message",
    "agreed_to_terms",
]


class PermissionRequestForm(forms.ModelForm):
    """A partner's request; pass `article` when the page already names it, else `hosts` to check a pasted address."""

    article_url = forms.CharField(
        label="Address of the article",
        max_length=500,
        validators=[validate_single_line],
        help_text="Copy it from your browser's address bar while reading the article on our site.",
    )
    # A honeypot: hidden from people (and from screen readers), filled in by form-filling robots.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    publication_url = WebAddressField(
        label="Publication's web address",
        max_length=500,
        required=False,
        validators=[validate_single_line],
        help_text="Its home page, if it has one.",
    )
    agreed_to_terms = forms.BooleanField(
        label="I will credit the article exactly as the attribution kit you send me sets out: title, authors, "
        "original source and link, copyright line and disclaimer, with a canonical link to the original.",
        error_messages={
            "required": "Please agree to the attribution conditions; we can only grant permission on them."
        },
    )

    class Meta:
        model = PermissionRequest
        fields = [*ABOUT_THE_PARTNER, *ABOUT_THE_REPRINT]
        labels = {
            "name": "Your name",
            "organisation": "Organisation",
            "email": "E-mail address",
            "medium": "Where it will appear",
            "publication_name": "Name of the publication",
            "planned_date": "Planned publication date",
            "audience": "Audience or circulation",
            "message": "Anything else we should know",
        }
        help_texts = {
            "email": "We send the acknowledgement and our decision here.",
            "publication_name": "The paper, magazine, site, newsletter or programme.",
            "planned_date": "Today or later.",
            "audience": "E.g. “12,000 print copies” or “40,000 monthly visitors”.",
            "message": "Optional: a translation's language, an excerpt only, a deadline...",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "planned_date": DatePicker,
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    SINGLE_LINE = ["name", "organisation", "email", "publication_name", "audience"]

    def __init__(self, *args, article=None, hosts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.hosts = {host.lower() for host in hosts}
        if article is not None:
            del self.fields["article_url"]
        else:
            self.order_fields(["article_url"])
        for name in self.SINGLE_LINE:
            self.fields[name].validators.append(validate_single_line)
        self.fields["medium"].choices = [("", "Choose one"), *Medium.choices]
        self.fields["planned_date"].widget.attrs["min"] = timezone.localdate().isoformat()

    def clean_article_url(self):
        address = self.cleaned_data["article_url"]
        self.article = published_article_at(address, hosts=self.hosts)
        if self.article is None:
            raise ValidationError(
                "We have no published article at this address. Please paste the address of an article page "
                "on this site.",
                code="unknown_article",
            )
        return address

    def clean_planned_date(self):
        planned = self.cleaned_data["planned_date"]
        if planned < timezone.localdate():
            raise ValidationError("This date is in the past: please give today's date or a later one.", code="past")
        return planned

    @property
    def is_bot(self):
        """Only a robot fills in the field that people never see."""
        return bool(self.cleaned_data.get("website"))

    def request_fields(self):
        """The partner's answers, as `permission_request_create` takes them."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}
