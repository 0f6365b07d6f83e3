"""The subjects readers browse articles by: each has an archive page, RSS and Atom feeds and a sitemap section.

Views, feeds, sitemaps and URL routes are made from this list; a new kind of archive is one more entry.
"""

from dataclasses import dataclass

from taggit.models import Tag

from attribution.models import Source
from authors.models import Author

from .models import Region, Theme


@dataclass(frozen=True)
class Subject:
    kind: str  # in addresses and route names: /region/<slug>/, "articles:region", "articles:region_rss"
    label: str  # how pages and feeds name it: "Region"
    model: type
    filter_field: str  # the Article field that files an article under it
    template_name: str = "articles/archive.html"

    @property
    def url_name(self):
        return f"articles:{self.kind}"


SUBJECTS = [
    Subject("region", "Region", Region, "regions"),
    Subject("theme", "Theme", Theme, "themes"),
    Subject("tag", "Tag", Tag, "tags"),
    Subject("author", "Author", Author, "authors", template_name="articles/author.html"),
    Subject("source", "Source", Source, "source", template_name="articles/source.html"),
]
