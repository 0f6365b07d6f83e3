"""Read a WordPress eXtended RSS (WXR) export safely, one item at a time.

Two locks keep a hostile file harmless. First, defusedxml reads the prolog (everything before the
root element, where a DTD would have to be) and refuses any document type declaration: WordPress
never writes one, and it is the only place entities (the external ones of XXE, the nested ones of
a "billion laughs") can be declared. Then lxml streams the document with entity substitution, DTD
loading and network access off and libxml2's size limits on, so even a file that slipped past the
first lock could not make it read a file, open a connection or expand anything.

Each child of <channel> is handed over when it ends and then cleared, so memory stays flat however
long the export is. Nothing here touches the database: the importer decides what items become.
"""

import datetime
import email.utils
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import iterparse as defused_iterparse
from lxml import etree

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
WP_NAMESPACES = {f"http://wordpress.org/export/{version}/": version for version in SUPPORTED_VERSIONS}
EXCERPT_NAMESPACES = {f"http://wordpress.org/export/{version}/excerpt/" for version in SUPPORTED_VERSIONS}
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


class ExportError(Exception):
    """The file cannot be imported at all; the message says why, in words an editor can act on."""


def _names(local_names, namespaces):
    return {f"{{{namespace}}}{name}": name for namespace in namespaces for name in local_names}


# Fully qualified tag → short name, for every supported WXR version at once.
ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "pubDate": "pub_date",
    "description": "description",
    f"{{{CONTENT_NAMESPACE}}}encoded": "content",
    f"{{{DC_NAMESPACE}}}creator": "creator",
    **{f"{{{namespace}}}encoded": "excerpt" for namespace in EXCERPT_NAMESPACES},
    **_names(
        [
            "post_id",
            "post_date",
            "post_date_gmt",
            "post_name",
            "status",
            "post_parent",
            "post_type",
            "post_password",
            "attachment_url",
        ],
        WP_NAMESPACES,
    ),
}
POSTMETA = _names(["postmeta"], WP_NAMESPACES)
META_KEY = _names(["meta_key"], WP_NAMESPACES)
META_VALUE = _names(["meta_value"], WP_NAMESPACES)
CHANNEL_FIELDS = _names(["wxr_version", "base_site_url", "base_blog_url"], WP_NAMESPACES) | {
    "title": "title",
    "link": "link",
}
AUTHOR = _names(["author"], WP_NAMESPACES)
CATEGORY = _names(["category"], WP_NAMESPACES)
TERM = _names(["term"], WP_NAMESPACES)
TERM_FIELDS = _names(
    [
        "author_login",
        "author_display_name",
        "category_nicename",
        "category_parent",
        "cat_name",
        "term_taxonomy",
        "term_slug",
        "term_parent",
        "term_name",
    ],
    WP_NAMESPACES,
)


@dataclass
class Item:
    """One <item> of the export, as plain strings; empty strings where WordPress wrote nothing."""

    line: int
    post_id: str = ""
    post_type: str = ""
    status: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    pub_date: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_parent: str = ""
    post_password: str = ""
    attachment_url: str = ""
    description: str = ""
    # (domain, nicename, text) in the order of the export, which for Co-Authors Plus is byline order.
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    present: set = field(default_factory=set)

    @property
    def label(self):
        """How the report names this item: `post 12 “Title”`."""
        kind = self.post_type or "item"
        number = self.post_id or f"at line {self.line}"
        title = " ".join(self.title.split())
        if len(title) > 60:
            title = title[:59] + "…"
        return f"{kind} {number} “{title}”" if title else f"{kind} {number}"


@dataclass
class Export:
    """What the whole file says besides its items, and how many items of each type it holds."""

    version: str = ""
    site_url: str = ""
    blog_url: str = ""
    title: str = ""
    link: str = ""
    # WordPress users: login → display name.
    users: dict = field(default_factory=dict)
    # Categories: nicename → (name, parent nicename).
    categories: dict = field(default_factory=dict)
    # Co-Authors Plus: term slug ("cap-jane-doe") → display name, from its guest-author items…
    guest_authors: dict = field(default_factory=dict)
    # …and → name of its `author` terms (often only a login: the last resort for a byline).
    author_terms: dict = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)

    @property
    def items(self):
        return sum(self.counts.values())


class WXRReader:
    """Stream a WXR file: `scan()` checks all of it and reads the channel, `items()` yields its items."""

    def __init__(self, path):
        self.path = Path(path)

    # --- the two passes -------------------------------------------------------------------------

    def scan(self) -> Export:
        """Read the whole file once, writing nothing: a broken or hostile file fails here, before any import."""
        export = Export()
        for element in self._channel_children(export):
            tag = element.tag
            if tag == "item":
                item = self._item(element)
                export.counts[item.post_type or "(no type)"] += 1
                if item.post_type == "guest-author":
                    name = item.meta.get("cap-display_name") or item.title
                    slug = item.post_name or ("cap-" + item.meta.get("cap-user_login", ""))
                    if name and slug:
                        export.guest_authors[slug] = " ".join(name.split())
            elif tag in AUTHOR:
                values = self._fields(element)
                login = values.get("author_login", "").strip()
                if login:
                    export.users[login] = " ".join(values.get("author_display_name", "").split()) or login
            elif tag in CATEGORY:
                values = self._fields(element)
                nicename = values.get("category_nicename", "").strip()
                if nicename:
                    export.categories[nicename] = (
                        values.get("cat_name", "").strip() or nicename,
                        values.get("category_parent", "").strip(),
                    )
            elif tag in TERM:
                values = self._fields(element)
                if values.get("term_taxonomy") == "author" and values.get("term_slug"):
                    name = " ".join(values.get("term_name", "").split())
                    export.author_terms[values["term_slug"].strip()] = name
        return export

    def items(self) -> Iterator[Item]:
        """Every <item>, in the order of the file (run `scan()` first: it checks what this trusts)."""
        for element in self._channel_children(Export()):
            if element.tag == "item":
                yield self._item(element)

    # --- reading ----------------------------------------------------------------------------------

    def _channel_children(self, export):
        """Each direct child of <channel> once it has ended; cleared as soon as the caller is done with it."""
        self._refuse_doctype()
        try:
            with self.path.open("rb") as file:
                yield from self._walk(file, export)
        except etree.XMLSyntaxError as exc:
            raise ExportError(f"The export is not well-formed XML ({_syntax_message(exc)}).") from None
        except OSError as exc:
            raise ExportError(f"Cannot read the export {self.path}: {exc.strerror or exc}.") from None

    def _walk(self, file, export):
        context = etree.iterparse(
            file,
            events=("start", "end"),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            strip_cdata=True,
        )
        depth = 0
        version_checked = False
        for event, element in context:
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise ExportError(
                        f"This is not a WordPress export: its root element is <{_local(element.tag)}>, not <rss>."
                    )
                if depth == 2 and element.tag != "channel":
                    raise ExportError("This is not a WordPress export: <rss> does not start with <channel>.")
                if depth == 3 and element.tag == "item" and not version_checked:
                    self._check_version(export)
                    version_checked = True
                continue
            depth -= 1
            if depth != 2:
                continue
            if element.tag in CHANNEL_FIELDS:
                name = CHANNEL_FIELDS[element.tag]
                value = (element.text or "").strip()
                if name == "wxr_version":
                    export.version = value
                elif name == "base_site_url":
                    export.site_url = value
                elif name == "base_blog_url":
                    export.blog_url = value
                else:
                    setattr(export, name, value)
            else:
                yield element
            # Done with it: free it and everything before it, so the tree never grows.
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
        if not version_checked:
            self._check_version(export)

    def _refuse_doctype(self):
        """defusedxml reads up to the root element and refuses a DTD: no entity can then be declared."""
        try:
            with self.path.open("rb") as file:
                for _event, _element in defused_iterparse(
                    file, events=("start",), forbid_dtd=True, forbid_entities=True, forbid_external=True
                ):
                    break  # the root has started: the prolog, the only place for a DTD, is behind us
        except DefusedXmlException as exc:
            raise ExportError(
                "The export declares a document type or entities, which WordPress exports never do; "
                f"it is refused so that nothing it names is read or expanded ({type(exc).__name__})."
            ) from None
        except ParseError as exc:
            raise ExportError(f"The export is not well-formed XML ({exc}).") from None
        except OSError as exc:
            raise ExportError(f"Cannot read the export {self.path}: {exc.strerror or exc}.") from None

    @staticmethod
    def _check_version(export):
        if not export.version:
            raise ExportError(
                "This is not a WordPress export (WXR): its channel has no <wp:wxr_version> before the first item."
            )
        if export.version not in SUPPORTED_VERSIONS:
            raise ExportError(
                f"WXR version {export.version[:20]} is not supported; this importer reads versions "
                f"{', '.join(SUPPORTED_VERSIONS)}. Export the site again from a current WordPress."
            )

    @staticmethod
    def _fields(element):
        return {TERM_FIELDS[child.tag]: child.text or "" for child in element if child.tag in TERM_FIELDS}

    @staticmethod
    def _item(element):
        item = Item(line=element.sourceline or 0)
        for child in element:
            tag = child.tag
            name = ITEM_FIELDS.get(tag)
            if name is not None:
                setattr(item, name, child.text or "")
                item.present.add(name)
            elif tag == "category":
                item.terms.append((child.get("domain", ""), child.get("nicename", ""), child.text or ""))
            elif tag in POSTMETA:
                key = value = None
                for part in child:
                    if part.tag in META_KEY:
                        key = (part.text or "").strip()
                    elif part.tag in META_VALUE:
                        value = part.text or ""
                if key and key not in item.meta:
                    item.meta[key] = value or ""
        item.post_id = item.post_id.strip()
        item.post_type = item.post_type.strip()
        item.status = item.status.strip()
        return item


def _local(tag):
    return tag.rpartition("}")[2] if isinstance(tag, str) else "?"


def _syntax_message(exc):
    message = str(exc.msg if getattr(exc, "msg", None) else exc).strip()
    line = getattr(exc, "lineno", None) or (exc.position[0] if getattr(exc, "position", None) else None)
    return f"{message}, line {line}" if line and f"line {line}" not in message else message


# --- dates ------------------------------------------------------------------------------------------


def parse_wp_datetime(value):
    """`2024-03-01 09:30:00` (always GMT here) as an aware datetime; None for WordPress's empty date."""
    value = (value or "").strip()
    if not value or value.startswith("0000-00-00"):
        return None
    try:
        moment = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise ValueError(f"“{value[:40]}” is not a date and time") from None
    return moment.replace(tzinfo=datetime.UTC)


def parse_rss_date(value):
    """An RSS <pubDate> (`Fri, 01 Mar 2024 09:30:00 +0000`) as an aware datetime, or None."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None or moment.year < 1971:
        # WordPress writes the Unix epoch's eve for drafts that never had a date.
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
