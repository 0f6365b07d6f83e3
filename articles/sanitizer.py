"""The one allow-list every piece of editor or import HTML passes through before it is stored."""

import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "cite",
    "code",
    "del",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "blockquote": {"cite"},
    "q": {"cite"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "figure": {"data-image"},
    # data-file: the image-library id the editor keeps on a picture placed from the library.
    "img": {"src", "alt", "width", "height", "title", "data-file"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
# No javascript:, data: or vbscript: — only ordinary web and mail links.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


# nh3 checks URL schemes on href and src only; these attributes also hold URLs.
URL_ATTRIBUTES = {"cite"}


def _filter_url_attributes(element, attribute, value):
    if attribute in URL_ATTRIBUTES:
        scheme = value.strip().split(":", 1)[0].lower() if ":" in value else ""
        if scheme not in ALLOWED_URL_SCHEMES:
            return None
    return value


def sanitize_html(html):
    """Keep the shape of an article (links, headings, quotes, figures) and drop anything executable."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_filter_url_attributes,
    )
