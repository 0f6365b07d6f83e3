from django.db import models

from .validators import validate_image_file


class Image(models.Model):
    """A picture in the library, with the words readers and screen readers need beside it."""

    file = models.ImageField(
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
        help_text="JPEG, PNG, WebP or GIF.",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        max_length=300,
        help_text="Describes the picture for people who cannot see it. Required.",
    )
    caption = models.TextField(blank=True, help_text="Shown under the picture.")
    credit = models.CharField(max_length=200, blank=True, help_text="Photographer or agency, e.g. “Photo: Reuters”.")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = "image"
        verbose_name_plural = "images"

    def __str__(self):
        return self.caption[:60] or self.alt_text[:60]

    @property
    def embed_code(self):
        """What an editor pastes into an article body to place this picture there."""
        return f'<figure data-image="{self.pk}"></figure>'
