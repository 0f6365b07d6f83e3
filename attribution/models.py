from django.db import models
from django.urls import reverse
from solo.models import SingletonModel

from .brand import dark_mode_accent, validate_accent_colour, validate_link, validate_logo


class CanonicalPolicy(models.TextChoices):
    ORIGINAL = "original", "Point search engines to the original article"
    SELF = "self", "Point search engines to our page"
    NOINDEX = "noindex", "Our page, but ask search engines not to index it"


class CopyrightHolders(models.TextChoices):
    AUTHORS_AND_SOURCE = "authors_and_source", "The author(s) and the source"
    AUTHORS = "authors", "The author(s)"
    SOURCE = "source", "The source"
    OTHER = "other", "Someone else (named on the article)"


class Source(models.Model):
    """A publication where articles we republish first appeared."""

    name = models.CharField("publication name", max_length=200, help_text="E.g. “Oriental Review”.")
    slug = models.SlugField(max_length=200, unique=True)
    homepage = models.URLField(blank=True)
    description = models.TextField(blank=True, help_text="Shown on the source's page on our site.")
    reprint_terms = models.TextField(
        blank=True,
        help_text="What the source allows when others republish its articles; shown to syndication partners.",
    )
    default_copyright_holders = models.CharField(
        max_length=20,
        choices=CopyrightHolders.choices,
        default=CopyrightHolders.AUTHORS_AND_SOURCE,
        help_text="Who holds copyright in this source's articles, unless an article says otherwise.",
    )
    canonical_policy = models.CharField(
        max_length=10,
        choices=CanonicalPolicy.choices,
        default=CanonicalPolicy.ORIGINAL,
        help_text="Where search engines are told the authoritative copy lives, unless an article says otherwise.",
    )
    disclaimer = models.TextField(
        "reprint disclaimer override",
        blank=True,
        help_text=(
            "Replaces the site-wide reprint disclaimer on this source's articles; "
            "leave empty to use the site-wide text."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "source"
        verbose_name_plural = "sources"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:source", kwargs={"slug": self.slug})


class PublicationSettings(SingletonModel):
    """The one record of site-wide texts and contacts that every article page shows."""

    site_name = models.CharField(max_length=200, default="Crosspost")
    tagline = models.CharField(max_length=300, blank=True, help_text="Shown under the name in the masthead.")
    logo = models.FileField(
        upload_to="brand/",
        blank=True,
        validators=[validate_logo],
        help_text="SVG, PNG, JPEG or WebP, shown in the masthead at most 48 px high. Without one, the site name "
        "is set in type.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#0b5cad",
        validators=[validate_accent_colour],
        help_text="Links, buttons and the masthead's rule, e.g. #0b5cad. It must be readable on white; dark mode "
        "uses a lighter shade of it.",
    )
    reprint_disclaimer = models.TextField(
        blank=True,
        help_text="Shown under every article; a source or an article may replace it. Write it for one author "
        "(“the author's own”): under an article by several, pages say “the authors' own”.",
    )
    fair_use_notice = models.TextField(blank=True, help_text="Shown under every article, after the disclaimer.")
    comment_link_text = models.CharField(
        max_length=200, blank=True, help_text="E.g. “Comment on our articles on our forum”."
    )
    comment_link_url = models.URLField(blank=True)
    membership_link_text = models.CharField(max_length=200, blank=True, help_text="E.g. “Become a member”.")
    membership_link_url = models.URLField(blank=True)
    media_contact_email = models.EmailField("media contact e-mail", blank=True)
    permissions_contact_email = models.EmailField(
        "permissions contact e-mail",
        blank=True,
        help_text="Receives requests to republish our articles.",
    )

    class Meta:
        verbose_name = "publication settings"

    def __str__(self):
        return "Publication settings"

    @property
    def accent_colour_dark(self):
        return dark_mode_accent(self.accent_colour)


class FooterLink(models.Model):
    """A link in every page's footer (about, contact, privacy…), in the order editors give them."""

    publication = models.ForeignKey(PublicationSettings, on_delete=models.CASCADE, related_name="footer_links")
    label = models.CharField(max_length=60)
    url = models.CharField(
        "address",
        max_length=500,
        validators=[validate_link],
        help_text="A page of this site (/about/) or a full address (https://…).",
    )
    position = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label
