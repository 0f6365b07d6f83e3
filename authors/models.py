from django.db import models
from django.urls import reverse


class Author(models.Model):
    """A writer whose work we publish; bylines and bios come from here, never from the article."""

    name = models.CharField(max_length=200, help_text="As it appears in bylines, e.g. “Andrew Korybko”.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the author's web address.")
    short_bio = models.TextField(
        blank=True,
        help_text="One or two sentences shown after each article under “About the author”.",
    )
    bio = models.TextField("full bio", blank=True, help_text="Shown on the author's own page.")
    photo = models.ImageField(upload_to="authors/", blank=True)
    affiliation = models.CharField(
        max_length=200, blank=True, help_text="Organisation or role, e.g. “Political analyst”."
    )
    website = models.URLField(blank=True)
    email = models.EmailField("private e-mail", blank=True, help_text="For editors only; never shown on the site.")

    class Meta:
        ordering = ["name"]
        verbose_name = "author"
        verbose_name_plural = "authors"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})
