"""Attribution, rendered once: byline, source line, copyright, canonical, disclaimer, JSON-LD and partner kit.

Every page, feed and e-mail that credits an article asks this module, so a correction to
an author, a source or a policy shows up everywhere at once. It reads the article it is given
(its authors, source and attribution fields) and never imports the articles app.
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from .models import CanonicalPolicy, CopyrightHolders

# Root-relative links in our own rendered HTML (always double-quoted by the templates).
_ROOT_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


@dataclass(frozen=True)
class Holder:
    name: str
    url: str = ""

    @property
    def html(self):
        """The name, escaped, and linked to the holder's page when there is one."""
        return format_html('<a href="{}">{}</a>', self.url, self.name) if self.url else escape(self.name)


@dataclass(frozen=True)
class Attribution:
    authors: list
    source: object
    original_url: str
    original_date: object
    copyright_holders: list
    copyright_year: int | None
    canonical_policy: str
    disclaimer: str
    # A web archive's copy of the original, offered to readers only once the original is gone.
    archived_url: str = ""

    @property
    def source_name(self):
        """The source's name, or the original's host name for a cross-post without a source record."""
        if self.source:
            return self.source.name
        return urlsplit(self.original_url).hostname or "" if self.original_url else ""

    @property
    def copyright_parts(self):
        """What follows “Copyright ©”, in order: each holder (with its page, if any), then the year."""
        year = [Holder(str(self.copyright_year))] if self.copyright_year else []
        return [*self.copyright_holders, *year]

    @property
    def copyright_line(self):
        """Plain-text form, e.g. “Copyright © Andrew Korybko, Oriental Review, 2018”."""
        parts = self.copyright_parts
        return "Copyright © " + ", ".join(part.name for part in parts) if parts else ""

    @property
    def copyright_html(self):
        """The same line with each holder that has a page linked to it, for pages, feeds and the kit."""
        parts = self.copyright_parts
        if not parts:
            return ""
        return format_html("Copyright © {}", format_html_join(", ", "{}", ((part.html,) for part in parts)))

    @property
    def noindex(self):
        return self.canonical_policy == CanonicalPolicy.NOINDEX

    def canonical_url(self, our_url):
        """The original for a cross-post (unless the policy says otherwise), else our own address."""
        if self.canonical_policy == CanonicalPolicy.ORIGINAL and self.original_url:
            return self.original_url
        return our_url


def copyright_holders_for(article, authors):
    choice = article.copyright_holders or (
        article.source.default_copyright_holders if article.source else CopyrightHolders.AUTHORS
    )
    holders = []
    if choice == CopyrightHolders.OTHER:
        if article.copyright_holder_other:
            holders.append(Holder(article.copyright_holder_other))
        return holders
    if choice in (CopyrightHolders.AUTHORS, CopyrightHolders.AUTHORS_AND_SOURCE):
        holders.extend(Holder(author.name, author.get_absolute_url()) for author in authors)
    if choice in (CopyrightHolders.SOURCE, CopyrightHolders.AUTHORS_AND_SOURCE) and article.source:
        holders.append(Holder(article.source.name, article.source.homepage or article.source.get_absolute_url()))
    return holders


# A disclaimer is written for one author; with several, its possessives ("the author's own") and any
# "author(s)" are put in the plural. Other phrases are left alone: their verbs would need changing too.
_PLURALS = [
    (re.compile(r"\bauthor\(s\)", re.IGNORECASE), "authors"),
    (re.compile(r"\bauthor's\b"), "authors'"),
    (re.compile(r"\bAuthor's\b"), "Authors'"),
]
_SINGULAR = re.compile(r"\bauthor\(s\)", re.IGNORECASE)


def disclaimer_for(text, author_count):
    """The disclaimer in the right number: "the author's own" for one author, "the authors' own" for several."""
    if author_count > 1:
        for pattern, plural in _PLURALS:
            text = pattern.sub(plural, text)
        return text
    return _SINGULAR.sub("author", text)


def attribution_for(article, *, publication):
    """Gather everything that credits `article`, resolving article → source → site-wide defaults."""
    authors = article.ordered_authors
    source = article.source
    default_policy = CanonicalPolicy.ORIGINAL if article.original_url else CanonicalPolicy.SELF
    policy = article.canonical_policy or (source.canonical_policy if source else default_policy)
    disclaimer = article.disclaimer or (source.disclaimer if source else "") or publication.reprint_disclaimer
    return Attribution(
        authors=authors,
        source=source,
        original_url=article.original_url,
        original_date=article.original_published_on,
        copyright_holders=copyright_holders_for(article, authors),
        copyright_year=article.effective_copyright_year,
        canonical_policy=policy,
        disclaimer=disclaimer_for(disclaimer, len(authors)),
        archived_url=getattr(article, "archived_url", "") if getattr(article, "original_gone", False) else "",
    )


def iso_datetime(value):
    """A moment as ISO 8601 to the second ("2026-03-01T09:30:00+00:00"): what pages, feeds and JSON-LD show.

    Stored times carry microseconds (`updated_at` always); readers and crawlers need none of them.
    """
    return value.replace(microsecond=0).isoformat()


def structured_data(article, attribution, *, publication, our_url, absolute, body_images=(), corrections=()):
    """JSON-LD `NewsArticle` for the article page; `absolute` turns a path into a full URL.

    `corrections`: the article's published corrections (each with `text` and `corrected_on`), as
    schema.org `CorrectionComment`s.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.dek,
        "url": our_url,
        "mainEntityOfPage": our_url,
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
            for author in attribution.authors
        ],
        "publisher": {"@type": "Organization", "name": publication.site_name, "url": absolute("/")},
    }
    if article.published_at:
        data["datePublished"] = iso_datetime(article.published_at)
    modified = article.updated_at or article.published_at
    if modified:
        data["dateModified"] = iso_datetime(max(modified, article.published_at or modified))
    if attribution.original_url:
        based_on = {"@type": "CreativeWork", "url": attribution.original_url}
        if attribution.source:
            based_on["publisher"] = {"@type": "Organization", "name": attribution.source.name}
        if attribution.original_date:
            based_on["datePublished"] = attribution.original_date.isoformat()
        if attribution.archived_url:
            based_on["archivedAt"] = attribution.archived_url
        data["isBasedOn"] = based_on
    holders = []
    for holder in attribution.copyright_holders:
        kind = "Organization" if attribution.source and holder.name == attribution.source.name else "Person"
        entry = {"@type": kind, "name": holder.name}
        if holder.url:
            entry["url"] = absolute(holder.url)
        holders.append(entry)
    if holders:
        data["copyrightHolder"] = holders if len(holders) > 1 else holders[0]
    if attribution.copyright_year:
        data["copyrightYear"] = attribution.copyright_year
    pictures = ([article.lead_image] if article.lead_image_id else []) + list(body_images)
    if pictures:
        data["image"] = [absolute(picture.file.url) for picture in pictures if picture.file]
    keywords = [tag.name for tag in article.sorted_tags]
    if keywords:
        data["keywords"] = keywords
    sections = [theme.name for theme in article.theme_list]
    if sections:
        data["articleSection"] = sections
    data["correction"] = [
        {"@type": "CorrectionComment", "text": correction.text, "datePublished": correction.corrected_on.isoformat()}
        for correction in corrections
    ]
    return {key: value for key, value in data.items() if value not in (None, "", [])}


@dataclass(frozen=True)
class RepublicationKit:
    """What a partner pastes under a republished article: the credits as HTML and as plain text, and the canonical."""

    title: str
    our_url: str
    attribution: Attribution
    html: str
    text: str
    # The block as it looks, without the tracking image: for previews, which must not count as views.
    preview_html: str = ""

    @property
    def canonical_url(self):
        return self.attribution.canonical_url(self.our_url)

    @property
    def canonical_tag(self):
        return format_html('<link rel="canonical" href="{}">', self.canonical_url)


def absolute_links(html, base_url):
    """Make the root-relative links of rendered HTML absolute, for HTML read away from our pages (feeds, the kit)."""
    return _ROOT_RELATIVE_LINK.sub(lambda match: f'{match[1]}{urljoin(base_url, match[2])}"', html)


def join_names(names):
    """Names as a byline joins them: "A", "A and B", "A, B and C"."""
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else "".join(names)


def byline_html(authors):
    """Every byline on the site (pages, cards, feeds, the partner's kit): each author linking to their page."""
    link = '<a href="{}" rel="author">{}</a>'
    links = [format_html(link, author.get_absolute_url(), author.name) for author in authors]
    return mark_safe(join_names(links))  # noqa: S308  # nosec B308 B703 - escaped by format_html, joined by commas and "and"


def tracking_image(url):
    """The 1×1 image that counts a republished copy's views (The Conversation's and ProPublica's way).

    `referrerpolicy` asks the reader's browser to send the page's full address: by default browsers
    send other sites only the host name, and the ledger could not tell one article page from another.
    """
    return format_html(
        '<img src="{}" width="1" height="1" alt="" referrerpolicy="no-referrer-when-downgrade" '
        'style="border:0;width:1px;height:1px;position:absolute">',
        url,
    )


def republication_kit(article, *, publication, our_url, tracking_url=""):
    """The partner's kit for `article`, from `attribution_for` and the same includes as the article page and feeds.

    `our_url` is the article's full address on our site; every link in the HTML is absolute, since it
    will be pasted into someone else's page. With `tracking_url`, the HTML ends with the tracking image.
    """
    attribution = attribution_for(article, publication=publication)
    original_date = date_format(attribution.original_date, "j F Y") if attribution.original_date else ""
    parts = [format_html('<p class="kit-title"><a href="{}">{}</a></p>', our_url, article.title)]
    if attribution.authors:
        parts.append(format_html('<p class="byline">By {}</p>', byline_html(attribution.authors)))
    if original_date:
        parts.append(format_html('<p class="original-date">First published on {}</p>', original_date))
    parts.append(mark_safe(render_to_string("includes/attribution.html", {"attribution": attribution}).strip()))  # noqa: S308  # nosec B308 B703  # an autoescaped template
    parts.append(
        format_html(
            '<p class="republished-from">Republished from <a href="{}">{}</a></p>', our_url, publication.site_name
        )
    )
    if attribution.disclaimer:
        parts.append(format_html('<p class="disclaimer">{}</p>', linebreaksbr(attribution.disclaimer)))
    preview_html = absolute_links("\n".join(part for part in parts if part), our_url)
    html = f"{preview_html}\n{tracking_image(tracking_url)}" if tracking_url else preview_html

    lines = [article.title]
    if attribution.authors:
        lines.append("By " + join_names([author.name for author in attribution.authors]))
    if original_date:
        lines.append(f"First published on {original_date}")
    if attribution.source_name:
        source = f"The original source of this article is {attribution.source_name}"
        lines.append(f"{source}: {attribution.original_url}" if attribution.original_url else source)
    if attribution.copyright_line:
        lines.append(attribution.copyright_line)
    lines.append(f"Republished from {publication.site_name}: {our_url}")
    if attribution.disclaimer:
        lines.append(attribution.disclaimer)
    return RepublicationKit(
        title=article.title,
        our_url=our_url,
        attribution=attribution,
        html=mark_safe(html),  # noqa: S308  # nosec B308 B703  # built from escaped parts and our own templates
        text="\n".join(lines),
        preview_html=mark_safe(preview_html),  # noqa: S308  # nosec B308 B703  # as `html`
    )
