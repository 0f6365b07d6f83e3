"""WordPress post content as Crosspost body HTML, before the site's one sanitiser cleans it on save.

WordPress stores content half-rendered: the block editor wraps each block in `<!-- wp:… -->`
comments, the classic editor leaves paragraphs as blank lines for `wpautop` to fill in at display
time, and pictures with captions are `[caption]` shortcodes. Each is turned into the plain HTML a
Crosspost body holds; everything else is left for `articles.sanitizer` to judge.
"""

import html
import re

from django.utils.html import strip_tags

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
CAPTION = re.compile(r"\[caption\b([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
EMBED = re.compile(r"\[embed\b[^\]]*\]\s*(https?://[^\s\[<\"]+)\s*\[/embed\]", re.I)
SHORTCODE_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))""")
LINKED_IMAGE = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", re.I | re.S)
IMAGE = re.compile(r"<img\b[^>]*>", re.I | re.S)
PRE = re.compile(r"<pre\b.*?</pre>", re.I | re.S)
BLANK_LINES = re.compile(r"\n\s*\n")
# A chunk starting with one of these is already a block: wpautop leaves it alone, and so do we.
BLOCK_START = re.compile(
    r"<(?:address|article|aside|blockquote|div|dl|dd|dt|figure|figcaption|form|h[1-6]|hr|li|ol|p|pre|section|"
    r"table|thead|tbody|tfoot|tr|td|th|ul|iframe|script|style|noscript|object|embed|video|audio|details)\b",
    re.I,
)
PLACEHOLDER = "\x00pre{}\x00"


def convert_body(content):
    """The HTML to store for a post's content: blocks unwrapped, captions as figures, paragraphs made."""
    if not content or not content.strip():
        return ""
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    from_block_editor = BLOCK_COMMENT.search(text) is not None
    text = BLOCK_COMMENT.sub("", text)
    text = CAPTION.sub(_caption_figure, text)
    text = EMBED.sub(lambda match: f'<p><a href="{html.escape(match[1])}">{html.escape(match[1])}</a></p>', text)
    if from_block_editor:
        # The comments leave blank lines between blocks; one line break is enough (inside <pre> they stay).
        pieces = PRE.split(text)
        blocks = PRE.findall(text) + [""]
        text = "".join(BLANK_LINES.sub("\n", piece) + block for piece, block in zip(pieces, blocks, strict=True))
    else:
        # Classic-editor content keeps paragraphs as blank lines; block-editor content has its own <p>.
        text = autop(text)
    return text.strip()


def _caption_figure(match):
    """`[caption id="attachment_7" caption="…"]<img …> Words[/caption]` → <figure> with its <figcaption>."""
    attributes = shortcode_attributes(match[1])
    inner = match[2]
    picture = LINKED_IMAGE.search(inner) or IMAGE.search(inner)
    if picture is None:
        return inner
    caption = attributes.get("caption") or (inner[: picture.start()] + inner[picture.end() :])
    caption = " ".join(caption.split())
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{picture[0].strip()}{figcaption}</figure>"


def shortcode_attributes(text):
    return {match[1].lower(): match[2] or match[3] or match[4] or "" for match in SHORTCODE_ATTRIBUTE.finditer(text)}


def autop(text):
    """Paragraphs from blank lines and line breaks from single newlines, as WordPress's wpautop does.

    Chunks that already start with a block element are left as they are, and <pre> is never touched.
    """
    kept = []

    def keep(match):
        kept.append(match[0])
        return "\n\n" + PLACEHOLDER.format(len(kept) - 1) + "\n\n"

    text = PRE.sub(keep, text)
    pieces = []
    for chunk in BLANK_LINES.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("\x00pre") or BLOCK_START.match(chunk):
            pieces.append(chunk)
        else:
            pieces.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    text = "\n".join(pieces)
    for index, block in enumerate(kept):
        text = text.replace(PLACEHOLDER.format(index), block)
    return text


def plain_text(value):
    """Tags dropped, entities decoded, whitespace collapsed: for titles, standfirsts and alt text."""
    if not value:
        return ""
    if "<" in value:
        value = strip_tags(value.replace("<", " <"))
    return " ".join(html.unescape(value).split())
