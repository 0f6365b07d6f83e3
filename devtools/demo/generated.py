"""Deterministic filler content so the demo site has enough to browse."""

import random

from devtools.words import FIRST_NAMES, LAST_NAMES
from devtools.words import VERBS as CORPUS_VERBS

# The first few of the corpus's names and verbs (devtools.words): a small cast for a small site.
FIRST = FIRST_NAMES[:12]
LAST = LAST_NAMES[:12]
SOURCES = [
    ("The Meridian Quarterly", "https://meridian.example.org/"),
    ("Harbour Policy Review", "https://harbour.example.org/"),
    ("Atlas Economic Monitor", "https://atlas.example.org/"),
    ("Northern Lights Journal", "https://northern-lights.example.org/"),
]
REGIONS = ["Europe", "Middle East & North Africa", "Sub-Saharan Africa", "Asia", "Oceania", "USA", "Canada"]
THEMES = [
    "Global Economy",
    "Environment",
    "Energy",
    "Media Disinformation",
    "Science and Medicine",
    "Law and Justice",
    "History",
    "Poverty & Social Inequality",
]
TOPICS = [
    "trade corridors",
    "sovereign debt",
    "port concessions",
    "energy prices",
    "food security",
    "river basins",
    "central bank policy",
    "border disputes",
    "shipping lanes",
    "election monitoring",
    "mining licences",
    "public health budgets",
    "fisheries",
    "grain exports",
    "digital currencies",
]
VERBS = CORPUS_VERBS[:8]
OPENERS = [
    "Few observers expected",
    "Officials now concede",
    "The figures suggest",
    "Critics argue",
    "A closer look shows",
    "Over the past decade",
    "Behind the headlines",
    "Local reporting indicates",
]
TAGS = ["analysis", "trade", "security", "diplomacy", "economy", "climate", "media", "history", "energy", "elections"]


def sentence(rng):
    return (
        f"{rng.choice(OPENERS)} that {rng.choice(TOPICS)} will {rng.choice(VERBS)} "
        f"the balance between {rng.choice(TOPICS)} and {rng.choice(TOPICS)}."
    )


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(sentences))


def body(rng, paragraphs=6):
    parts = []
    for index in range(paragraphs):
        if index == paragraphs // 2:
            parts.append(f"<h2>How {rng.choice(TOPICS)} fit in</h2>")
        parts.append(f"<p>{paragraph(rng)}</p>")
    return "\n".join(parts)


def title(rng):
    topic = rng.choice(TOPICS)
    return f"How {topic} {rng.choice(VERBS)} {rng.choice(TOPICS)}: {rng.choice(REGIONS)} in focus"


def make_rng(seed=2018):
    return random.Random(seed)
