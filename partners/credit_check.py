"""Does a republished copy credit the article as our terms require? Pure checks on a page's HTML.

Given the copy's HTML, its address and the article's republication kit (attribution.credits), say
what is missing: the title unchanged, every author in byline order, a link to the original, the link
back to our page, the copyright line, and the canonical link the article's policy asks for (the
original for a cross-post pointing search engines there, else our page). Nothing here fetches or
stores anything (partners.tasks.check_reprint does both), so each rule is tested on plain strings.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

_SPACES = re.compile(r"\s+")
# What sites put between an article's title and their own name in <title>.
_SEPARATOR_AFTER = re.compile(r"\s*[|\-:·•»]\s")
_SEPARATOR_BEFORE = re.compile(r"\s[|\-:·•»]\s*$")
# Quotes and dashes a CMS's typography may change without changing the words.
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", " ": " "})


@dataclass(frozen=True)
class Problem:
    """One credit the copy lacks: a stable code and a sentence for editors and partners."""

    code: str
    message: str


@dataclass
class CreditReport:
    problems: list = field(default_factory=list)

    @property
    def compliant(self):
        return not self.problems

    @property
    def messages(self):
        return [problem.message for problem in self.problems]

    def missing(self, code, message):
        self.problems.append(Problem(code, message))


def normalise_text(text):
    """Text as a reader compares it: Unicode-normalised, typographic quotes and dashes plain, spaces single."""
    text = unicodedata.normalize("NFKC", text or "").translate(_TYPOGRAPHY)
    return _SPACES.sub(" ", text).strip().casefold()


def normalise_url(url):
    """An address as the same page: http and https alike, host in lower case, no fragment, no trailing slash."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https", ""):
        return ""
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        return ""
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, parts.query, ""))


class Page:
    """What the checks read from a page: its visible text, headings, links and canonical."""

    def __init__(self, html, url):
        document = lxml.html.document_fromstring(html or "<html></html>")
        for element in document.xpath("//script|//style|//noscript|//template"):
            element.drop_tree()
        etree.strip_elements(document, etree.Comment, with_tail=False)
        base = document.xpath("string(//base/@href)") or url
        self.base = urljoin(url, base)
        self.text = normalise_text(document.text_content())
        # Headings and social titles must say the title exactly; a <title> may add the site's name.
        self.titles = {normalise_text(element.text_content()) for element in document.xpath("//h1|//h2")}
        social = "//meta[@property='og:title' or @name='twitter:title']/@content"
        self.titles |= {normalise_text(value) for value in document.xpath(social)}
        self.title_tags = [normalise_text(title.text_content()) for title in document.xpath("//title")]
        self.links = {normalise_url(urljoin(self.base, href.strip())) for href in document.xpath("//a/@href")}
        canonicals = document.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href")
        self.canonicals = [urljoin(self.base, href.strip()) for href in canonicals]

    def has_title(self, title):
        """The title as a heading, or as the <title> alone or with the site's name before or after it."""
        if title in self.titles:
            return True
        for text in self.title_tags:
            if text == title:
                return True
            if text.startswith(title) and _SEPARATOR_AFTER.match(text[len(title) :]):
                return True
            if text.endswith(title) and _SEPARATOR_BEFORE.search(text[: -len(title)]):
                return True
        return False


def check_credits(html, *, page_url, kit):
    """Every credit `kit` (attribution.credits.RepublicationKit) requires that the page at `page_url` lacks."""
    page = Page(html, page_url)
    attribution = kit.attribution
    report = CreditReport()

    title = normalise_text(kit.title)
    if not page.has_title(title):
        report.missing("title", f"The title is not “{kit.title}” as published (checked in the page's headings).")

    _check_authors(page, [author.name for author in attribution.authors], report)

    if attribution.original_url and normalise_url(attribution.original_url) not in page.links:
        report.missing("original_link", f"No link to the original article: {attribution.original_url}")

    if normalise_url(kit.our_url) not in page.links:
        report.missing("our_link", f"No link back to the article on our site: {kit.our_url}")

    if attribution.copyright_line and normalise_text(attribution.copyright_line) not in page.text:
        report.missing("copyright", f"The copyright line is missing: “{attribution.copyright_line}”")

    wanted = kit.canonical_url
    if not page.canonicals:
        tag = f'<link rel="canonical" href="{wanted}">'
        report.missing("canonical", f"No canonical link: the page's <head> should have {tag}")
    elif normalise_url(page.canonicals[0]) != normalise_url(wanted):
        report.missing("canonical", f"The canonical link points to {page.canonicals[0]}; it should point to {wanted}")
    return report


def _check_authors(page, names, report):
    """Each author named, and in the byline's order: where each is first named, after the one before."""
    firsts = [page.text.find(normalise_text(name)) for name in names]
    for name, first in zip(names, firsts, strict=True):
        if first < 0:
            report.missing("author", f"The author {name} is not named.")
    # First mentions, since the byline comes first; later ones (a copyright line) may list them otherwise.
    if -1 not in firsts and firsts != sorted(firsts):
        report.missing("author_order", "The authors are not in the order of the byline: " + ", ".join(names))
