"""The demo publication's cast and front of house, kept as data in `content/publication.json`.

Regions, themes, authors and sources, all fictional but for the seed's: the seed article's own
region, themes, author and source live in `seed.py`; these join them. Sources use example.org
addresses, which never belong to anyone, and between them try every canonical and copyright policy
a source can have. Any likeness of an author's name to a real person's is a coincidence.

Then the masthead's menu in the editors' order (every region, then the themes readers ask for
most), the front page's sections under its top stories, and the pages written in the admin (flat
pages) with the footer's links to them.
"""

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "content" / "publication.json").read_text(encoding="utf-8"))

REGIONS = _DATA["regions"]
THEMES = _DATA["themes"]
AUTHORS = _DATA["authors"]
SOURCES = _DATA["sources"]
MENU = _DATA["menu"]
FRONT_PAGE_SECTIONS = [tuple(section) for section in _DATA["front_page_sections"]]
PAGES = _DATA["pages"]
FOOTER_LINKS = [tuple(link) for link in _DATA["footer_links"]]
