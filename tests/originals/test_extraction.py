"""Reading an original: title, byline, date, main text, notices, and a fingerprint that ignores the page around it."""

import datetime

from originals import extraction
from tests.originals.conftest import paragraphs
from tests.originals.conftest import story


def test_the_title_byline_and_date_are_read_from_the_page():
    reading = extraction.read_page(story(), url="https://example.org/story/")
    assert reading.title == "Ports, power and politics"
    assert reading.byline == "Ana Lima"
    assert reading.date == datetime.date(2026, 3, 4)
    assert paragraphs()[3] in reading.text
    assert "tote bag" not in reading.text  # the advert is not the article


def test_a_new_advert_or_menu_leaves_the_fingerprint_alike():
    first = extraction.read_page(story(), url="https://example.org/story/")
    second = extraction.read_page(
        story(nav="Home Podcasts Shop Newsletter Jobs", advert="Subscribe for 1 dollar a week, cancel any time"),
        url="https://example.org/story/",
    )
    assert extraction.similarity(first.fingerprint, second.fingerprint) >= 0.95


def test_a_reworded_sentence_moves_the_fingerprint_little_and_a_rewrite_a_lot():
    original = paragraphs()
    edited = [*original]
    edited[4] = edited[4].replace(" in ", " around the year ", 1)
    rewritten = original[:4] + paragraphs(8, seed=9)
    base = extraction.fingerprint("\n".join(original))
    assert extraction.similarity(base, extraction.fingerprint("\n".join(edited))) >= 0.9
    assert extraction.similarity(base, extraction.fingerprint("\n".join(rewritten))) < 0.5


def test_no_text_has_no_fingerprint():
    assert extraction.fingerprint("") == ""
    assert extraction.similarity("", extraction.fingerprint("words here")) is None


def test_correction_notices_are_found_in_their_usual_wordings():
    text = (
        "The port opened in 1901. Correction: an earlier version gave the wrong year.\n"
        "Editor’s note: the minister has since resigned.\n"
        "This article has been updated to include the union's reply.\n"
        "An earlier version of this story misnamed the harbour master.\n"
        "The correction of the quay wall took ten years."
    )
    assert extraction.correction_notices(text) == (
        "Correction: an earlier version gave the wrong year.",
        "Editor’s note: the minister has since resigned.",
        "This article has been updated to include the union's reply.",
        "An earlier version of this story misnamed the harbour master.",
    )


def test_titles_compare_without_case_spacing_or_curly_quotes():
    assert extraction.normalised("The  ‘Port’ of Call") == extraction.normalised("the 'port' of call")
