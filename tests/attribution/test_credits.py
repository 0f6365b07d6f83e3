"""attribution.credits: what the partner's republication kit says, as HTML and as plain text."""

import pytest
from bs4 import BeautifulSoup

from attribution.credits import republication_kit
from attribution.models import CanonicalPolicy
from tests.factories import AuthorFactory, CrossPostFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def test_kit_text_lists_every_credit(article, publication):
    kit = republication_kit(article, publication=publication, our_url=BASE + article.get_absolute_url())

    assert kit.text.splitlines() == [
        "Colombia and NATO",
        "By Andrew Korybko and Jane Roe",
        "First published on 6 June 2018",
        f"The original source of this article is Oriental Review: {article.original_url}",
        "Copyright © Andrew Korybko, Jane Roe, Oriental Review, 2018",
        "Republished from Crosspost Review: http://testserver/articles/colombia-and-nato/",
        "The views expressed are the author's own.",
    ]


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
