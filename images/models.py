import secrets
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html

from .validators import validate_image_file

# The extensions a stored file may have; the one used is chosen from the file's content.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def image_upload_to(instance, filename):
    """A generated name in this month's folder: an uploaded file's own name never reaches the disk.

    Names can carry paths, NUL bytes, scripts that are not ours or a person's name; a random one
    carries nothing. Only a known picture extension is kept, so a stored file is never served as a page.
    """
    extension = PurePosixPath(filename).suffix.lower().lstrip(".")
    suffix = f".{extension}" if extension in EXTENSIONS.values() else ""
    return timezone.now().strftime("images/%Y/%m/") + secrets.token_hex(8) + suffix


@dataclass(frozen=True)
class Picture:
    """What a page needs to show an image: srcsets per format, a fallback and the display size."""

    src: str
    srcset: str
    webp_srcset: str
    width: int | None
    height: int | None


class Image(models.Model):
    """A picture in the library, with the words readers and screen readers need beside it."""

    # No width_field/height_field: Django would fill them by opening every upload with all of
    # Pillow's decoders before our validator has looked at it. images.services sets them instead.
    file = models.ImageField(
        upload_to=image_upload_to,
        validators=[validate_image_file],
        help_text="JPEG, PNG, WebP or GIF. Location and camera details are removed when it is saved.",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        max_length=300,
        help_text="Describes the picture for people who cannot see it. Required.",
    )
    caption = models.TextField(blank=True, help_text="Shown under the picture.")
    credit = models.CharField(max_length=200, blank=True, help_text="Photographer or agency, e.g. “Photo: Reuters”.")
    # Made once, by a task queued at upload (images.services): pages read the list from the row, with
    # no extra query, and show the original while it is empty.
    renditions = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Resized copies made at upload: a list of {width, height, format, name}.",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = "image"
        verbose_name_plural = "images"

    def __str__(self):
        return self.caption[:60] or self.alt_text[:60]

    @property
    def embed_code(self):
        """The figure that places this picture in an article body, as the editor's picture button writes it."""
        return format_html(
            '<figure><img src="{}" alt="{}" data-file="{}"><figcaption>{}</figcaption></figure>',
            self.file.url if self.file else "",
            self.alt_text,
            self.pk,
            self.caption,
        )

    @property
    def stored_names(self):
        """Every file this image keeps in storage: the original and its renditions."""
        names = {self.file.name} if self.file else set()
        return names | {rendition["name"] for rendition in self.renditions or []}

    @cached_property
    def picture(self):
        """srcsets from the stored rendition list; an image without renditions shows its original."""
        renditions = sorted(self.renditions or [], key=lambda rendition: rendition["width"])
        webp = [rendition for rendition in renditions if rendition["format"] == "webp"]
        own = [rendition for rendition in renditions if rendition["format"] != "webp"] or webp
        if not own:
            return Picture(src=self.file.url, srcset="", webp_srcset="", width=self.width, height=self.height)
        largest = own[-1]
        return Picture(
            src=self.file.storage.url(largest["name"]),
            srcset=self._srcset(own),
            webp_srcset=self._srcset(webp) if own is not webp else "",
            width=largest["width"],
            height=largest["height"],
        )

    def preview_url(self, width=480):
        """The smallest rendition at least `width` wide, else the largest, else the original: for choosers."""
        renditions = sorted(self.renditions or [], key=lambda rendition: rendition["width"])
        own = [rendition for rendition in renditions if rendition["format"] != "webp"] or renditions
        if not own:
            return self.file.url if self.file else ""
        chosen = next((rendition for rendition in own if rendition["width"] >= width), own[-1])
        return self.file.storage.url(chosen["name"])

    def _srcset(self, renditions):
        url = self.file.storage.url
        return ", ".join(f"{url(rendition['name'])} {rendition['width']}w" for rendition in renditions)
