"""attribution.credits: what the partner's kit says, and the copyright line as text and as HTML."""

import pytest
from bs4 import BeautifulSoup

from attribution.credits import Attribution
from attribution.credits import attribution_for
from attribution.credits import republication_kit
from attribution.models import CanonicalPolicy
from attribution.models import CopyrightHolders
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def test_kit_text_lists_every_credit(article, publication, article_credits):
    kit = republication_kit(article, publication=publication, our_url=BASE + article.get_absolute_url())

    assert kit.text.splitlines() == article_credits


def test_kit_html_links_are_absolute(article, publication):
    kit = republication_kit(article, publication=publication, our_url=BASE + article.get_absolute_url())

    hrefs = [a["href"] for a in BeautifulSoup(kit.html, "html.parser").find_all("a")]
    assert hrefs and all(href.startswith(("http://", "https://")) for href in hrefs)
    assert BASE + "/author/andrew-korybko/" in hrefs


@pytest.mark.parametrize(
    ("policy", "canonical"),
    [
        (CanonicalPolicy.ORIGINAL, "https://orientalreview.example.org/2018/06/06/colombia/"),
        (CanonicalPolicy.SELF, BASE + "/articles/colombia-and-nato/"),
    ],
)
def test_kit_canonical_follows_the_articles_policy(article, publication, policy, canonical):
    article.canonical_policy = policy
    article.save()

    kit = republication_kit(article, publication=publication, our_url=BASE + article.get_absolute_url())

    assert kit.canonical_tag == f'<link rel="canonical" href="{canonical}">'


def test_kit_escapes_what_editors_typed(publication):
    article = CrossPostFactory(title="Guns & <butter>", authors=[AuthorFactory(name="O'Brien <b>")])

    kit = republication_kit(article, publication=publication, our_url=BASE + article.get_absolute_url())

    assert "<butter>" not in kit.html and "<b>" not in kit.html
    assert "Guns &amp; &lt;butter&gt;" in kit.html


# --- the copyright line: text and HTML from the same parts -------------------------------------------


@pytest.mark.parametrize(
    ("changes", "line", "linked"),
    [
        (
            {},
            "Copyright © Andrew Korybko, Jane Roe, Oriental Review, 2018",
            ["Andrew Korybko", "Jane Roe", "Oriental Review"],
        ),
        ({"copyright_holders": CopyrightHolders.SOURCE}, "Copyright © Oriental Review, 2018", ["Oriental Review"]),
        ({"copyright_holders": CopyrightHolders.OTHER, "copyright_holder_other": "AP"}, "Copyright © AP, 2018", []),
        ({"copyright_holders": CopyrightHolders.OTHER, "copyright_holder_other": ""}, "Copyright © 2018", []),
    ],
)
def test_copyright_text_and_html_say_the_same(article, publication, changes, line, linked):
    for field, value in changes.items():
        setattr(article, field, value)
    article.save()

    credits = attribution_for(article, publication=publication)
    html = BeautifulSoup(credits.copyright_html, "html.parser")

    assert credits.copyright_line == line
    assert html.get_text() == line
    assert [a.get_text() for a in html.find_all("a")] == linked


def test_copyright_html_escapes_a_holder_typed_by_an_editor(article, publication):
    article.copyright_holders = CopyrightHolders.OTHER
    article.copyright_holder_other = "Guns & <butter>"
    article.save()

    credits = attribution_for(article, publication=publication)

    assert credits.copyright_html == "Copyright © Guns &amp; &lt;butter&gt;, 2018"
    assert credits.copyright_line == "Copyright © Guns & <butter>, 2018"


def test_no_holder_and_no_year_means_no_copyright_line():
    credits = Attribution(
        authors=[],
        source=None,
        original_url="",
        original_date=None,
        copyright_holders=[],
        copyright_year=None,
        canonical_policy=CanonicalPolicy.SELF,
        disclaimer="",
    )

    assert credits.copyright_parts == []
    assert credits.copyright_line == credits.copyright_html == ""
