"""Small WordPress exports built in code, for cases a fixture file cannot hold (a port, a path)."""

from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
{doctype}<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/{version}/">
<channel>
\t<title>Built in a test</title>
\t<link>https://built.example.org</link>
\t<wp:wxr_version>{version}</wp:wxr_version>
\t<wp:base_site_url>{site}</wp:base_site_url>
\t<wp:author><wp:author_login>writer</wp:author_login>
\t\t<wp:author_display_name>Wendy Writer</wp:author_display_name></wp:author>
"""


def post(
    post_id,
    title="A post",
    *,
    status="publish",
    date="2022-03-04 05:06:07",
    content="<p>Body.</p>",
    extra="",
    post_type="post",
    link=None,
    guid=None,
    omit=(),
):
    """One <item>; `omit` leaves out fields by name (post_id, status, post_type) to build broken items."""
    fields = {
        "title": f"<title>{escape(title)}</title>",
        "link": f"<link>{escape(link or f'https://built.example.org/{post_id}/post-{post_id}/')}</link>",
        "creator": "<dc:creator>writer</dc:creator>",
        "guid": f'<guid isPermaLink="false">{escape(guid or f"https://built.example.org/?p={post_id}")}</guid>',
        "content": f"<content:encoded><![CDATA[{content}]]></content:encoded>",
        "excerpt": "<excerpt:encoded></excerpt:encoded>",
        "post_id": f"<wp:post_id>{post_id}</wp:post_id>",
        "post_date_gmt": f"<wp:post_date_gmt>{date}</wp:post_date_gmt>",
        "post_name": f"<wp:post_name>post-{post_id}</wp:post_name>",
        "status": f"<wp:status>{status}</wp:status>",
        "post_type": f"<wp:post_type>{post_type}</wp:post_type>",
    }
    body = "\n\t\t".join(value for name, value in fields.items() if name not in omit)
    return f"\t<item>\n\t\t{body}\n\t\t{extra}\n\t</item>\n"


def attachment(post_id, url, *, attached_file=None):
    meta = ""
    if attached_file is not None:
        meta = (
            "<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
            f"<wp:meta_value>{escape(attached_file)}</wp:meta_value></wp:postmeta>"
        )
    return post(
        post_id,
        f"picture {post_id}",
        status="inherit",
        post_type="attachment",
        extra=f"<wp:attachment_url>{escape(url)}</wp:attachment_url>{meta}",
    )


def thumbnail(attachment_id):
    return (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        f"<wp:meta_value>{attachment_id}</wp:meta_value></wp:postmeta>"
    )


def wxr(*items, version="1.2", doctype="", site="https://built.example.org"):
    return HEADER.format(doctype=doctype, version=version, site=site) + "".join(items) + "</channel>\n</rss>\n"


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
