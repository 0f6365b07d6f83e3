from django.db import models
from django.utils import timezone

from articles.models import Article
from authors.models import Author
from images.models import Image


class ImportRecord(models.Model):
    """What one WordPress item became here, so that importing the same export again updates it."""

    class Kind(models.TextChoices):
        POST = "post", "post"
        ATTACHMENT = "attachment", "attachment"
        AUTHOR = "author", "author"

    site = models.CharField(
        max_length=200, help_text="The WordPress site the item came from: its address without the scheme."
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    wp_id = models.CharField(
        "WordPress id", max_length=200, help_text="The post id, or for an author the WordPress login."
    )
    guid = models.CharField("WordPress GUID", max_length=500, blank=True)
    old_path = models.CharField(
        max_length=500,
        blank=True,
        help_text="The post's old address on the WordPress site, or the file's path under wp-content/uploads.",
    )
    # SET_NULL, not CASCADE: a record whose article an editor deleted tells the next import not to bring it back.
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    image = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author = models.ForeignKey(Author, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    first_imported_at = models.DateTimeField(default=timezone.now, editable=False)
    last_imported_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["site", "kind", "wp_id"]
        verbose_name = "WordPress import record"
        verbose_name_plural = "WordPress import records"
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "wp_id"], name="unique_wordpress_item"),
        ]
        indexes = [models.Index(fields=["kind", "guid"], name="wordpress_item_guid_idx")]

    def __str__(self):
        return f"WordPress {self.kind} {self.wp_id} from {self.site}"
