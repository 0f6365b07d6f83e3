import random

import pytest

from tests.factories import CrossPostFactory

WORDS = [
    "harbour",
    "cranes",
    "ministers",
    "tariffs",
    "shipping",
    "unions",
    "dredging",
    "contracts",
    "freight",
    "tides",
    "ledger",
    "quay",
    "berth",
    "customs",
    "pilots",
    "ballast",
    "cargo",
    "treaty",
    "levy",
    "warehouse",
    "manifest",
    "insurers",
    "moorings",
    "canal",
    "lock",
    "beacon",
]


def paragraphs(count=12, *, seed=0):
    """Deterministic article prose: `count` paragraphs of sentences that differ from one seed to another."""
    chooser = random.Random(seed)
    result = []
    for _number in range(count):
        sentences = [
            f"{' '.join(chooser.choice(WORDS) for _ in range(14)).capitalize()} in {chooser.randint(1800, 2020)}."
            for _index in range(5)
        ]
        result.append(" ".join(sentences))
    return result


def story(
    *,
    title="Ports, power and politics",
    byline="Ana Lima",
    date="2026-03-04",
    body=None,
    notice="",
    nav="Home About Subscribe",
    advert="Buy our tote bag today",
):
    """An original article page as a news site would serve it: navigation, an advert, the article, a footer."""
    body = paragraphs() if body is None else body
    notice_html = f'<p class="correction">{notice}</p>' if notice else ""
    text = "".join(f"<p>{paragraph}</p>" for paragraph in body)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Harbour Review</title>
<meta name="author" content="{byline}">
<meta property="article:published_time" content="{date}T09:00:00Z">
</head><body>
<header><nav><a href="/">{nav}</a></nav><div class="ad">{advert}</div></header>
<main><article><h1>{title}</h1><p class="byline">By {byline}</p>
<time datetime="{date}">{date}</time>
{notice_html}{text}</article></main>
<footer>© The Harbour Review. <a href="/terms">Terms</a></footer>
</body></html>"""


def check(watch):
    """Check the watched original now, as the sweep would; the watch is reloaded, the new `Check` returned."""
    from originals import services

    record = services.original_check(watch=watch)
    watch.refresh_from_db()
    return record


@pytest.fixture(autouse=True)
def _fetching_for_tests(settings):
    # Several checks of one local "site" per test: the polite per-minute limit is tested in tests/core.
    settings.FETCH_PER_HOST_PER_MINUTE = 1000
    settings.ORIGINALS_ARCHIVE = ""
    settings.ORIGINALS_WATCH = True  # off for the other apps' tests (config/settings/test.py)


@pytest.fixture
def watched(db, origin):
    """A published cross-post whose original is /story/ on the local site, serving `story()`, and its watch."""
    from originals.models import Watch

    origin.page("/story/", story())
    article = CrossPostFactory(original_url=origin.url("/story/"))
    watch = Watch.objects.create(article=article, url=article.original_url)
    return watch
