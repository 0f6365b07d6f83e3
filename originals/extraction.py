"""What a page of another site says: its title, byline, date, main text, correction notices and a fingerprint.

trafilatura finds the main text (menus, advertising, comments left out) and the title and byline;
htmldate the date the page was first published. The fingerprint is a MinHash of the text's word
shingles: two readings' fingerprints agree on about the share of shingles they have in common, so a
reworded sentence moves it little and a rewritten article a lot, whatever else changed on the page.
"""

import dataclasses
import datetime
import hashlib
import re

import htmldate
import trafilatura

SHINGLE_WORDS = 5
HASHES = 64
_PRIME = (1 << 61) - 1
# Fixed, so fingerprints taken months apart compare: (a, b) pairs of a universal hash family.
_PARAMETERS = [
    (
        int.from_bytes(hashlib.blake2b(f"a{index}".encode(), digest_size=8).digest(), "big") % (_PRIME - 1) + 1,
        int.from_bytes(hashlib.blake2b(f"b{index}".encode(), digest_size=8).digest(), "big") % _PRIME,
    )
    for index in range(HASHES)
]

# The words publications use to flag a change to a published article.
_NOTICE = re.compile(
    r"(\b(corrections?|clarifications?|amendments?|updates?|editor[’']s\s+note|note\s+from\s+the\s+editor)\s*[:—–-])"
    r"|(\bthis\s+(article|story|post|piece|report)\s+(has\s+been|was)\s+(updated|corrected|amended|changed))"
    r"|(\ban\s+earlier\s+version\s+of\s+this\s+(article|story|post|piece|report))",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclasses.dataclass(frozen=True)
class Reading:
    title: str
    byline: str
    date: datetime.date | None
    text: str
    fingerprint: str
    notices: tuple[str, ...]


def read_page(html: str, *, url: str) -> Reading:
    """Everything we compare from one page of HTML (empty strings where the page says nothing)."""
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    title = byline = text = ""
    if document is not None:
        title = _one_line(document.title or "")
        byline = _one_line(document.author or "")
        text = (document.text or "").strip()
    return Reading(
        title=title[:500],
        byline=byline[:500],
        date=_date(html),
        text=text,
        fingerprint=fingerprint(text),
        notices=correction_notices(text),
    )


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _date(html: str) -> datetime.date | None:
    try:
        found = htmldate.find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    try:
        return datetime.date.fromisoformat(found)
    except ValueError:
        return None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def fingerprint(text: str) -> str:
    """The text's MinHash as hex words separated by spaces; empty for a text too short to have one."""
    words = _words(text)
    if not words:
        return ""
    size = min(SHINGLE_WORDS, len(words))
    shingles = {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + size]).encode(), digest_size=8).digest(), "big")
        for i in range(len(words) - size + 1)
    }
    return " ".join(f"{min((a * shingle + b) % _PRIME for shingle in shingles):x}" for a, b in _PARAMETERS)


def similarity(first: str, second: str) -> float | None:
    """How alike two fingerprints' texts are, from 0 (nothing shared) to 1 (the same); None if one is missing."""
    if not first or not second:
        return None
    ours, theirs = first.split(), second.split()
    if len(ours) != len(theirs):
        return None
    return sum(a == b for a, b in zip(ours, theirs, strict=True)) / len(ours)


def correction_notices(text: str) -> tuple[str, ...]:
    """The sentences that flag a correction or update ("Correction: ...", "Editor's note: ...")."""
    notices = []
    for paragraph in text.splitlines():
        for sentence in _SENTENCE_END.split(paragraph):
            sentence = _one_line(sentence)
            if sentence and _NOTICE.search(sentence):
                notices.append(sentence[:500])
    return tuple(dict.fromkeys(notices))


def normalised(value: str) -> str:
    """For comparing titles and bylines: case, spacing and curly quotes do not count as a change."""
    value = value.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(value.casefold().split())
