"""A partner's page carrying a copy of our cross-post, each credit given or left out (the credit-check tests)."""

OUR_URL = "http://testserver/articles/ports-power-and-politics/"
ORIGINAL = "https://review.example.org/2019/05/04/ports/"


def copy_page(
    *,
    title="Ports, power and politics",
    byline="By Ada Lovelace and Bo Zhang",
    original=ORIGINAL,
    back=OUR_URL,
    copyright_line="Copyright © Harbour Review, 2019",
    canonical=ORIGINAL,
):
    """A partner's page carrying the copy, with each credit given or (None) left out."""
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    parts = [
        f"<h1>{title}</h1>",
        f'<p class="byline">{byline}</p>' if byline else "",
        "<p>The body of the article, as we published it.</p>",
        f'<p>The original source of this article is <a href="{original}">Harbour Review</a>.</p>' if original else "",
        f"<p>{copyright_line}</p>" if copyright_line else "",
        f'<p>Republished from <a href="{back}">Crosspost Review</a>.</p>' if back else "",
    ]
    head = f"<title>{title} | The Partner Weekly</title>{head}"
    return f"<!doctype html><html><head>{head}</head><body>{''.join(parts)}</body></html>"
