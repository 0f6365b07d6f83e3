"""A large, realistic WordPress export made up on the spot: for the import benchmark and the streaming tests.

`write_wxr` writes what a cross-posting WordPress site exports: block-editor and classic posts
(paragraphs, headings, quotes, [caption] shortcodes, non-ASCII text), categories under "regions"
and "topics", tags, users and Co-Authors Plus guest authors, custom fields naming the original,
featured images, a few drafts, scheduled, pending, private, password-protected and trashed posts,
pages and menu items. The same seed writes the same file.
"""

import io
import random
import re
from contextlib import nullcontext
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr  # nosec B406 - writes XML, parses none

from PIL import Image as PILImage

_WORD_TEXT = (
    "analysis budget border coalition contract corridor court debt election energy export farmers grid "
    "harbour inflation investment labour ministry mining parliament pipeline port reform river subsidy "
    "tariff trade union water wage railway grain lithium cocoa fisheries tender customs drought"
)
WORDS = _WORD_TEXT.split()
REGIONS = ["west-africa", "east-africa", "central-asia", "south-asia", "latin-america", "eastern-europe"]
TOPICS = ["energy", "trade", "labour", "climate", "elections", "finance"]
TAGS = ["oil", "gas", "ports", "wages", "courts", "debt", "drought", "mining", "rail", "москва", "são-paulo"]
STATUSES = [("publish", 900), ("draft", 30), ("future", 20), ("pending", 20), ("private", 10), ("trash", 10)]
ANCHOR_YEAR = 2015


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def block_body(rng, paragraphs):
    parts = []
    for index in range(paragraphs):
        if index and index % 4 == 0:
            parts.append(
                '<!-- wp:heading {"level":2} -->\n<h2 class="wp-block-heading">What comes next</h2>\n'
                "<!-- /wp:heading -->"
            )
        if index % 7 == 3:
            parts.append(
                f'<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>{paragraph(rng)}</p></blockquote>\n'
                "<!-- /wp:quote -->"
            )
        else:
            parts.append(f"<!-- wp:paragraph -->\n<p>{paragraph(rng)}</p>\n<!-- /wp:paragraph -->")
    return "\n\n".join(parts)


def classic_body(rng, paragraphs, post_id):
    parts = [paragraph(rng) for _ in range(paragraphs)]
    parts.insert(
        1,
        f'[caption id="attachment_{post_id}" align="aligncenter" width="300"]<img src="https://old.example.org/'
        f'wp-content/uploads/2020/01/figure-{post_id}-300x200.jpg" alt="A figure" width="300" height="200" /> '
        f"Übersicht, légende et подпись {post_id}[/caption]",
    )
    return "\n\n".join(parts)


def png_bytes(seed):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (seed * 37 % 256, seed * 91 % 256, 120)).save(buffer, format="PNG")
    return buffer.getvalue()


def write_wxr(target, *, posts, attachments=0, pages=0, seed=1, version="1.2", paragraphs=(6, 14), media_dir=None):
    """Write an export of `posts` posts (and attachments, pages) to `target`, a path or a text file.

    With `media_dir`, each attachment's picture is written there under its wp-content/uploads path.
    """
    with open(target, "w", encoding="utf-8") if isinstance(target, str | Path) else nullcontext(target) as file:
        rng = random.Random(seed)  # nosec B311 - made-up content, the same for the same seed
        out = file.write
        out(
            '<?xml version="1.0" encoding="UTF-8" ?>\n'
            '<rss version="2.0"\n'
            f'\txmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"\n'
            '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
            '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
            '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
            f'\txmlns:wp="http://wordpress.org/export/{version}/"\n>\n<channel>\n'
            "\t<title>The Old Review</title>\n\t<link>https://old.example.org</link>\n"
            f"\t<wp:wxr_version>{version}</wp:wxr_version>\n"
            "\t<wp:base_site_url>https://old.example.org</wp:base_site_url>\n"
            "\t<wp:base_blog_url>https://old.example.org</wp:base_blog_url>\n"
        )
        users = [(f"user{index}", f"Staff Writer {index}") for index in range(20)]
        for login, name in users:
            out(
                f"\t<wp:author><wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n"
            )
        for parent, children in (("regions", REGIONS), ("topics", TOPICS)):
            out(_category(parent, parent.capitalize(), ""))
            for child in children:
                out(_category(child, child.replace("-", " ").title(), parent))
        guests = [(f"guest-{index}", f"Guest Contributor {index}") for index in range(40)]
        for login, _name in guests:
            out(
                f"\t<wp:term><wp:term_taxonomy>author</wp:term_taxonomy><wp:term_slug>{cdata('cap-' + login)}"
                f"</wp:term_slug><wp:term_name>{cdata(login)}</wp:term_name></wp:term>\n"
            )

        first_attachment = 100_000
        if media_dir is not None:
            media_dir = Path(media_dir)
        for index in range(attachments):
            post_id = first_attachment + index
            relative = f"2020/01/figure-{post_id}.png"
            if media_dir is not None:
                path = media_dir / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(png_bytes(index))
            out(
                _item(
                    post_id=post_id,
                    title=f"figure {post_id}",
                    post_type="attachment",
                    status="inherit",
                    name=f"figure-{post_id}",
                    date="2020-01-01 00:00:00",
                    extra=f"\t\t<wp:attachment_url>{cdata('https://old.example.org/wp-content/uploads/' + relative)}"
                    "</wp:attachment_url>\n"
                    + _meta("_wp_attached_file", relative)
                    + _meta("_wp_attachment_image_alt", "A figure"),
                    excerpt=f"Figure {post_id}, légende.",
                )
            )
        for login, name in guests:
            out(
                _item(
                    post_id=200_000 + int(login.rsplit("-", 1)[1]),
                    title=name,
                    post_type="guest-author",
                    status="publish",
                    name=f"cap-{login}",
                    date="2020-01-01 00:00:00",
                    extra=_meta("cap-user_login", login) + _meta("cap-display_name", name),
                )
            )

        total_weight = sum(weight for _, weight in STATUSES)
        for index in range(posts):
            post_id = index + 1
            draw, status = rng.randrange(total_weight), "publish"
            for candidate, weight in STATUSES:
                if draw < weight:
                    status = candidate
                    break
                draw -= weight
            year = ANCHOR_YEAR + index * 10 // max(posts, 1)
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            date = f"{day} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"
            if status == "future":
                date = f"2031-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 06:00:00"
            title = f"{sentence(rng)[:-1]} ({post_id})"
            if index % 97 == 5:
                title = f"Энергетика и порты — {post_id}"
            slug = re.sub(r"[^a-z0-9]+", "-", f"post-{post_id}-{' '.join(title.lower().split()[:4])}").strip("-")
            count = rng.randint(*paragraphs)
            body = classic_body(rng, count, post_id) if index % 5 == 0 else block_body(rng, count)
            terms = [("category", rng.choice(REGIONS)), ("category", rng.choice(TOPICS))]
            terms += [("post_tag", tag) for tag in rng.sample(TAGS, rng.randint(1, 3))]
            if index % 5 == 1:
                terms += [("author", "cap-" + login) for login, _ in rng.sample(guests, 2)]
            extra = "".join(
                f"\t\t<category domain={quoteattr(domain)} nicename={quoteattr(nicename)}>"
                f"{cdata(nicename)}</category>\n"
                for domain, nicename in terms
            )
            if index % 3 == 0:
                extra += _meta("original_url", f"https://partner{index % 50}.example.net/{year}/{post_id}/")
                extra += _meta("original_date", date[:10])
                extra += _meta("source_name", f"Partner Review {index % 50}")
            if attachments and index % 4 == 0:
                extra += _meta("_thumbnail_id", str(first_attachment + index % attachments))
            out(
                _item(
                    post_id=post_id,
                    title=title,
                    post_type="post",
                    status=status,
                    name=slug if status != "draft" else "",
                    date=date if status not in ("draft", "pending") else "0000-00-00 00:00:00",
                    content=body,
                    excerpt=sentence(rng),
                    creator=rng.choice(users)[0],
                    password="secret" if index % 151 == 7 else "",
                    extra=extra,
                )
            )
        for index in range(pages):
            out(
                _item(
                    post_id=300_000 + index,
                    title=f"Page {index}",
                    post_type="page",
                    status="publish",
                    name=f"page-{index}",
                    date="2020-01-01 00:00:00",
                    content="<p>Policy.</p>",
                )
            )
        out("</channel>\n</rss>\n")


def _category(nicename, name, parent):
    return (
        f"\t<wp:category><wp:category_nicename>{cdata(nicename)}</wp:category_nicename>"
        f"<wp:category_parent>{cdata(parent)}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
    )


def _meta(key, value):
    return (
        f"\t\t<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>\n"
    )


def _item(
    *, post_id, title, post_type, status, name, date, content="", excerpt="", creator="user0", password="", extra=""
):
    path = f"/{date[:4]}/{date[5:7]}/{name}/" if name and status == "publish" else f"/?p={post_id}"
    return (
        "\t<item>\n"
        f"\t\t<title>{cdata(title)}</title>\n"
        f"\t\t<link>https://old.example.org{escape(path)}</link>\n"
        f"\t\t<dc:creator>{cdata(creator)}</dc:creator>\n"
        f'\t\t<guid isPermaLink="false">https://old.example.org/?p={post_id}</guid>\n'
        f"\t\t<content:encoded>{cdata(content)}</content:encoded>\n"
        f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>\n"
        f"\t\t<wp:post_id>{post_id}</wp:post_id>\n"
        f"\t\t<wp:post_date>{cdata(date)}</wp:post_date>\n"
        f"\t\t<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>\n"
        f"\t\t<wp:post_name>{cdata(name)}</wp:post_name>\n"
        f"\t\t<wp:status>{cdata(status)}</wp:status>\n"
        f"\t\t<wp:post_type>{cdata(post_type)}</wp:post_type>\n"
        f"\t\t<wp:post_password>{cdata(password)}</wp:post_password>\n"
        f"{extra}"
        "\t</item>\n"
    )
