"""The demo publication's articles: hand-written, fictional but plausible analysis, kept as data.

`content/articles.json` lists them in the order the loader dates them, each with its metadata;
its body is `content/articles/<slug>.md`. `days_ago` places an article relative to the day the
loader runs; a cross-post (`source` set) first appeared a few days earlier. A body is plain text:
paragraphs are separated by blank lines, a line starting with "## " is a heading and one starting
with "> " a quotation. `picture` says what to draw (devtools.demo.pictures): a "map" of one of the
named `areas` (west, south, east, north in degrees) with `focus` circles (longitude, latitude,
radius), a "bars" or "line" chart of illustrative data, or an "abstract" composition.

No one quoted here is a real person, and the figures in the charts are illustrative, not statistics.
"""

import json
from pathlib import Path

CONTENT = Path(__file__).parent / "content"


def _picture(spec, areas):
    if spec["kind"] != "map":
        return spec
    return {**spec, "area": tuple(areas[spec["area"]]), "focus": [tuple(circle) for circle in spec["focus"]]}


def read_articles(content=CONTENT):
    """Every demo article as a dict: its metadata, its picture's drawing spec and its body's text."""
    data = json.loads((content / "articles.json").read_text(encoding="utf-8"))
    return [
        {
            **article,
            "picture": _picture(article["picture"], data["areas"]),
            "body": (content / "articles" / f"{article['slug']}.md").read_text(encoding="utf-8"),
        }
        for article in data["articles"]
    ]


ARTICLES = read_articles()
