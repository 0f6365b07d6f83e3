"""What editors put forward: the menu on every page, and the front page's pinned lead and sections.

Both are lists of regions and themes in an order editors choose by dragging (django-admin-sortable2).
"""

from django.db import models
from django.db.models import Q
from solo.models import SingletonModel

from articles.models import LIVE_STATUSES, Article, Region, Theme


class TermChoice(models.Model):
    """One region or one theme (exactly one), at a position in an editors' list."""

    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self):
        return str(self.term) if self.term else "(nothing chosen)"

    @property
    def term(self):
        return self.region or self.theme

    @classmethod
    def one_term(cls):
        """A check constraint: a row names a region or a theme, not both, not neither."""
        return models.CheckConstraint(
            condition=Q(region__isnull=False, theme__isnull=True) | Q(region__isnull=True, theme__isnull=False),
            name="%(app_label)s_%(class)s_one_term",
            violation_error_message="Choose a region or a theme (one of the two).",
        )


class MenuItem(TermChoice):
    """An entry of the menu every page shows."""

    class Meta(TermChoice.Meta):
        verbose_name = "menu item"
        constraints = [
            TermChoice.one_term(),
            models.UniqueConstraint(fields=["region"], name="menu_item_unique_region"),
            models.UniqueConstraint(fields=["theme"], name="menu_item_unique_theme"),
        ]


class FrontPage(SingletonModel):
    """The front page: which story leads (pinned), and which regions and themes get a section."""

    lead = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"status__in": LIVE_STATUSES},
        help_text="Pin a published article as the lead story. Empty: the newest article with a picture leads.",
    )

    class Meta:
        verbose_name = "front page"

    def __str__(self):
        return "Front page"


class FrontPageSection(TermChoice):
    """A region's or theme's section on the front page: its newest articles and a link to its archive."""

    front_page = models.ForeignKey(FrontPage, on_delete=models.CASCADE, related_name="sections")

    class Meta(TermChoice.Meta):
        verbose_name = "section"
        constraints = [
            TermChoice.one_term(),
            models.UniqueConstraint(fields=["front_page", "region"], name="front_page_section_unique_region"),
            models.UniqueConstraint(fields=["front_page", "theme"], name="front_page_section_unique_theme"),
        ]
