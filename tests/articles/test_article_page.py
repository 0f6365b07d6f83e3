"""The article page: every element of the seed page, in the seed's order, built from structured data."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.html import escape

from articles.models import ArticleAuthor
from attribution.models import CanonicalPolicy
from attribution.models import CopyrightHolders
from attribution.models import Source
from authors.models import Author
from devtools.demo import seed
from images.models import Image
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db

AUTHOR_URL = reverse("articles:author", kwargs={"slug": seed.AUTHOR["slug"]})
REGION_URL = reverse("articles:region", kwargs={"slug": seed.REGION["slug"]})
THEME_URLS = [reverse("articles:theme", kwargs={"slug": theme["slug"]}) for theme in seed.THEMES]
PUBLICATION = seed.PUBLICATION


# --- reading the page as a reader sees it ---------------------------------------------------


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def squash(text):
    return " ".join(text.split())


def innermost(soup, pattern):
    """Elements whose visible text matches `pattern` while none of their descendants' does, in page order."""
    regex = re.compile(pattern)
    matches = [tag for tag in soup.find_all(True) if regex.search(squash(tag.get_text()))]
    matched = {id(tag) for tag in matches}
    return [tag for tag in matches if not any(id(inner) in matched for inner in tag.find_all(True))]


def only(soup, pattern):
    """The one element that shows text matching `pattern`."""
    found = innermost(soup, pattern)
    assert len(found) == 1, f"expected one element showing {pattern!r}, found {[str(tag) for tag in found]}"
    return found[0]


def exactly(text):
    return "^" + re.escape(text) + "$"


def links(element):
    """(text, href) of every link inside `element`, in order."""
    return [(squash(a.get_text()), a.get("href")) for a in element.find_all("a")]


def link_to(soup, href):
    """The first link on the page that points to `href`."""
    found = soup.find("a", href=href)
    assert found is not None, f"no link to {href}"
    return found


def canonical(soup):
    found = soup.find_all("link", rel="canonical")
    assert len(found) == 1
    return found[0]["href"]


def robots(soup):
    return [meta.get("content", "") for meta in soup.find_all("meta", attrs={"name": "robots"})]


def copyright_line(soup):
    return only(soup, r"^Copyright ©")


# --- the seed page, element by element --------------------------------------------------------


@pytest.fixture
def seed_page(client, demo_article):
    return page(client, demo_article)


def seed_elements(soup):
    """The seed's elements, located by what a reader sees, in the page's reading order: PRODUCT.md's,
    except that the credits panel puts the contacts and the request link with the source and copyright."""
    short_bios = innermost(soup, exactly(seed.AUTHOR["short_bio"]))
    assert len(short_bios) == 2, "the short bio shows after the body and in the About the author block"
    return {
        "1 title": soup.find("h1"),
        "2 dek": only(soup, exactly(seed.DEK)),
        "3 byline": only(soup, r"^By Andrew Korybko$"),
        "4 site name and date": only(soup, r"^Crosspost Review, 7 June 2018$"),
        "5 source line": only(soup, r"^First published by Oriental Review on 6 June 2018$"),
        "6 region": soup.select_one(".terms").find("a", string=seed.REGION["name"]),
        "7 themes": only(soup, r"Militarization and WMD, US NATO War Agenda$"),
        "8 body start": only(soup, r"^NATO's interest in Colombia is easy to explain"),
        "8 body figure": soup.find("img", alt=seed.FIGURE["alt_text"]),
        "8 body end": only(soup, r"A Petro victory would put the whole arrangement in doubt\.$"),
        "9 author bio after body": short_bios[0],
        "10 original source": only(soup, r"^The original source of this article is Oriental Review$"),
        "11 copyright": copyright_line(soup),
        # The credits panel gathers who to ask, beside what is owed: the seed's 16th element comes here.
        "16 media contact": link_to(soup, "mailto:" + PUBLICATION["media_contact_email"]),
        "16 permissions contact": link_to(soup, "mailto:" + PUBLICATION["permissions_contact_email"]),
        "16 request permission": soup.find("a", string="Request permission to republish"),
        "12 comment call to action": soup.find("a", string=PUBLICATION["comment_link_text"]),
        "12 membership call to action": soup.find("a", string=PUBLICATION["membership_link_text"]),
        "13 articles by": only(soup, r"^Articles by: Andrew Korybko$"),
        "14 about the author heading": only(soup, r"^About the author:?$"),
        "14 about the author bio": short_bios[1],
        "15 disclaimer": only(soup, re.escape(PUBLICATION["reprint_disclaimer"])),
        "15 fair-use notice": only(soup, re.escape(PUBLICATION["fair_use_notice"])),
    }


def test_seed_page_shows_every_element_in_the_seed_order(seed_page):
    elements = seed_elements(seed_page)
    missing = [name for name, element in elements.items() if element is None]
    assert not missing, f"not on the page: {missing}"

    position = {id(tag): index for index, tag in enumerate(seed_page.find_all(True))}
    positions = [(position[id(element)], name) for name, element in elements.items()]
    assert [name for _, name in sorted(positions)] == list(elements)


def test_seed_page_title_is_the_only_h1(seed_page):
    assert [squash(h1.get_text()) for h1 in seed_page.find_all("h1")] == [seed.TITLE]
    assert squash(seed_page.title.get_text()).startswith(seed.TITLE)


def test_seed_page_shows_the_dek_under_the_title(seed_page):
    dek = only(seed_page, exactly(seed.DEK))
    assert dek.find_previous("h1") is seed_page.find("h1")


def test_seed_page_byline_links_the_author_to_their_page(seed_page):
    byline = only(seed_page, r"^By Andrew Korybko$")
    assert links(byline) == [("Andrew Korybko", AUTHOR_URL)]


def test_seed_page_shows_site_name_and_machine_readable_site_date(seed_page):
    site_date = only(seed_page, r"^Crosspost Review, 7 June 2018$")
    time = site_date.find("time")
    assert squash(time.get_text()) == "7 June 2018"
    assert datetime.datetime.fromisoformat(time["datetime"]) == seed.SITE_DATE


def test_seed_page_source_line_links_to_the_original_with_its_date(seed_page):
    source_line = only(seed_page, r"^First published by Oriental Review on 6 June 2018$")
    assert links(source_line) == [("Oriental Review", seed.ORIGINAL_URL)]
    assert source_line.find("time")["datetime"] == "2018-06-06"


def test_seed_page_region_links_to_its_archive(seed_page):
    region = seed_page.find("a", string=seed.REGION["name"])
    assert region["href"] == REGION_URL


def test_seed_page_themes_are_comma_separated_links_to_their_archives(seed_page):
    themes = only(seed_page, r"Militarization and WMD, US NATO War Agenda$")
    assert links(themes) == [(theme["name"], url) for theme, url in zip(seed.THEMES, THEME_URLS, strict=True)]


def test_seed_page_body_keeps_headings_quotes_separators_and_links(seed_page):
    body_start = only(seed_page, r"^NATO's interest in Colombia is easy to explain")
    body = body_start.parent
    assert [squash(h2.get_text()) for h2 in body.find_all("h2")] == [
        "A partner on the hinge of two continents",
        "Two candidates, two directions",
    ]
    assert squash(body.find("blockquote").get_text()).startswith("In short: a partnership framed as cooperation")
    assert body.find("hr") is not None
    assert ("Pacific Alliance", "https://alianzapacifico.net/en/") in links(body)
    assert ("2016 peace agreement", "https://en.wikipedia.org/wiki/Colombian_peace_process") in links(body)


def test_seed_page_body_shows_the_embedded_picture_with_caption_and_credit_from_the_library(seed_page):
    picture = Image.objects.get(alt_text=seed.FIGURE["alt_text"])
    img = seed_page.find("img", alt=seed.FIGURE["alt_text"])
    assert img["src"] == picture.file.url
    figure = img.find_parent("figure")
    caption = squash(figure.find("figcaption").get_text())
    assert seed.FIGURE["caption"] in caption
    assert seed.FIGURE["credit"] in caption
    # Placed where the editor put the embed code: after the quote, before the second heading.
    assert figure.find_previous("blockquote") is not None
    assert squash(figure.find_next("h2").get_text()) == "Two candidates, two directions"
    assert seed_page.find("figure", attrs={"data-image": True}) is None, "the raw embed code must not leak"


def test_seed_page_shows_the_author_short_bio_after_the_body(seed_page):
    body_end = only(seed_page, r"A Petro victory would put the whole arrangement in doubt\.$")
    first_bio = innermost(seed_page, exactly(seed.AUTHOR["short_bio"]))[0]
    assert first_bio in body_end.find_all_next()


def test_seed_page_names_the_original_source_with_a_link_to_the_original(seed_page):
    statement = only(seed_page, r"^The original source of this article is Oriental Review$")
    assert links(statement) == [("Oriental Review", seed.ORIGINAL_URL)]


def test_seed_page_copyright_links_author_to_their_page_and_source_to_its_homepage(seed_page):
    line = copyright_line(seed_page)
    assert squash(line.get_text()) == "Copyright © Andrew Korybko, Oriental Review, 2018"
    assert links(line) == [("Andrew Korybko", AUTHOR_URL), ("Oriental Review", seed.SOURCE["homepage"])]


def test_seed_page_shows_both_calls_to_action_from_publication_settings(seed_page):
    comment = seed_page.find("a", string=PUBLICATION["comment_link_text"])
    membership = seed_page.find("a", string=PUBLICATION["membership_link_text"])
    assert comment["href"] == PUBLICATION["comment_link_url"]
    assert membership["href"] == PUBLICATION["membership_link_url"]


def test_seed_page_articles_by_links_to_the_author_archive(seed_page):
    articles_by = only(seed_page, r"^Articles by: Andrew Korybko$")
    assert links(articles_by) == [("Andrew Korybko", AUTHOR_URL)]


def test_seed_page_about_the_author_block_shows_the_bio(seed_page):
    heading = only(seed_page, r"^About the author:?$")
    assert heading.name in {"h2", "h3", "h4"}
    block = heading.parent
    assert seed.AUTHOR["short_bio"] in squash(block.get_text())
    assert ("Andrew Korybko", AUTHOR_URL) in links(block)


def test_seed_page_shows_disclaimer_and_fair_use_notice_from_publication_settings(seed_page):
    assert only(seed_page, re.escape(PUBLICATION["reprint_disclaimer"]))
    assert only(seed_page, re.escape(PUBLICATION["fair_use_notice"]))


def test_seed_page_shows_media_and_permissions_contacts(seed_page):
    media = link_to(seed_page, "mailto:media@example.org")
    permissions = link_to(seed_page, "mailto:permissions@example.org")
    assert squash(media.get_text()) == "media@example.org"
    assert squash(permissions.get_text()) == "permissions@example.org"


def test_seed_page_request_permission_link_opens_the_form_for_this_article(seed_page, demo_article, client):
    link = seed_page.find("a", string="Request permission to republish")
    assert link["href"] == f"/republish/{demo_article.slug}/"
    form_page = client.get(link["href"])
    assert form_page.status_code == 200
    assert seed.TITLE.encode() in form_page.content or escape(seed.TITLE).encode() in form_page.content


def test_seed_page_points_canonical_to_the_original_and_stays_indexable(seed_page):
    assert canonical(seed_page) == seed.ORIGINAL_URL
    assert not any("noindex" in content for content in robots(seed_page))


# --- the page is built from records, not typed text -------------------------------------------


def test_editing_publication_settings_changes_the_page(client, demo_article):
    publication_settings(
        site_name="The Other Review",
        reprint_disclaimer="A brand new disclaimer.",
        fair_use_notice="A brand new fair-use notice.",
        comment_link_text="Talk about it",
        comment_link_url="https://talk.example.net/",
        membership_link_text="Join us",
        membership_link_url="https://join.example.net/",
        media_contact_email="press@example.net",
        permissions_contact_email="rights@example.net",
    )
    soup = page(client, demo_article)
    text = squash(soup.get_text())

    assert only(soup, r"^The Other Review, 7 June 2018$")
    assert only(soup, r"A brand new disclaimer\.")
    assert only(soup, r"^A brand new fair-use notice\.$")
    assert soup.find("a", string="Talk about it")["href"] == "https://talk.example.net/"
    assert soup.find("a", string="Join us")["href"] == "https://join.example.net/"
    assert link_to(soup, "mailto:press@example.net")
    assert link_to(soup, "mailto:rights@example.net")
    assert soup.find("a", string="Request permission to republish")["href"] == f"/republish/{demo_article.slug}/"
    for old in ("Crosspost Review", PUBLICATION["reprint_disclaimer"], PUBLICATION["fair_use_notice"]):
        assert old not in text
    for old in (PUBLICATION["comment_link_url"], PUBLICATION["membership_link_url"], "mailto:media@example.org"):
        assert soup.find("a", href=old) is None


def test_editing_the_author_changes_byline_and_bios(client, demo_article):
    Author.objects.filter(slug=seed.AUTHOR["slug"]).update(name="A. Korybko", short_bio="A freshly edited bio.")
    soup = page(client, demo_article)

    assert only(soup, r"^By A\. Korybko$")
    assert len(innermost(soup, r"^A freshly edited bio\.$")) == 2
    assert seed.AUTHOR["short_bio"] not in soup.get_text()
    assert squash(copyright_line(soup).get_text()) == "Copyright © A. Korybko, Oriental Review, 2018"


def test_editing_the_source_changes_source_line_statement_and_copyright(client, demo_article):
    Source.objects.filter(slug=seed.SOURCE["slug"]).update(name="Eastern Review", homepage="https://eastern.example/")
    soup = page(client, demo_article)

    assert only(soup, r"^First published by Eastern Review on 6 June 2018$")
    assert only(soup, r"^The original source of this article is Eastern Review$")
    line = copyright_line(soup)
    assert squash(line.get_text()) == "Copyright © Andrew Korybko, Eastern Review, 2018"
    assert ("Eastern Review", "https://eastern.example/") in links(line)
    assert "Oriental Review" not in soup.get_text()


def test_editing_the_library_image_changes_the_embedded_caption(client, demo_article):
    Image.objects.filter(alt_text=seed.FIGURE["alt_text"]).update(caption="A new caption.", credit="Photo: Someone")
    figure = page(client, demo_article).find("img", alt=seed.FIGURE["alt_text"]).find_parent("figure")
    caption = squash(figure.find("figcaption").get_text())
    assert "A new caption." in caption
    assert "Photo: Someone" in caption
    assert seed.FIGURE["caption"] not in caption


def test_source_disclaimer_replaces_the_site_wide_one(client, demo_article):
    Source.objects.filter(slug=seed.SOURCE["slug"]).update(disclaimer="Oriental Review's own reprint terms.")
    soup = page(client, demo_article)
    assert only(soup, r"Oriental Review's own reprint terms\.")
    assert PUBLICATION["reprint_disclaimer"] not in soup.get_text()


def test_article_disclaimer_replaces_source_and_site_wide_ones(client, demo_article):
    Source.objects.filter(slug=seed.SOURCE["slug"]).update(disclaimer="Oriental Review's own reprint terms.")
    demo_article.disclaimer = "This article only: a special disclaimer."
    demo_article.save()
    text = page(client, demo_article).get_text()
    assert "This article only: a special disclaimer." in text
    assert "Oriental Review's own reprint terms." not in text
    assert PUBLICATION["reprint_disclaimer"] not in text


# --- copyright holders and canonical policy ---------------------------------------------------


@pytest.mark.parametrize(
    ("holders", "other", "line", "expected_links"),
    [
        (CopyrightHolders.AUTHORS, "", "Copyright © Andrew Korybko, 2018", [("Andrew Korybko", AUTHOR_URL)]),
        (
            CopyrightHolders.SOURCE,
            "",
            "Copyright © Oriental Review, 2018",
            [("Oriental Review", seed.SOURCE["homepage"])],
        ),
        (CopyrightHolders.OTHER, "Agence Example", "Copyright © Agence Example, 2018", []),
    ],
)
def test_article_copyright_holders_choice_is_rendered(client, demo_article, holders, other, line, expected_links):
    demo_article.copyright_holders = holders
    demo_article.copyright_holder_other = other
    demo_article.save()
    rendered = copyright_line(page(client, demo_article))
    assert squash(rendered.get_text()) == line
    assert links(rendered) == expected_links


def test_source_default_copyright_holders_apply_when_the_article_leaves_it_empty(client, demo_article):
    Source.objects.filter(slug=seed.SOURCE["slug"]).update(default_copyright_holders=CopyrightHolders.SOURCE)
    demo_article.copyright_holders = ""
    demo_article.save()
    assert squash(copyright_line(page(client, demo_article)).get_text()) == "Copyright © Oriental Review, 2018"


@pytest.mark.parametrize(
    ("policy", "points_to_original", "noindex"),
    [
        (CanonicalPolicy.ORIGINAL, True, False),
        (CanonicalPolicy.SELF, False, False),
        (CanonicalPolicy.NOINDEX, False, True),
    ],
)
def test_source_canonical_policy_sets_canonical_link_and_robots(
    client, demo_article, policy, points_to_original, noindex
):
    Source.objects.filter(slug=seed.SOURCE["slug"]).update(canonical_policy=policy)
    soup = page(client, demo_article)
    our_url = "http://testserver" + demo_article.get_absolute_url()
    assert canonical(soup) == (seed.ORIGINAL_URL if points_to_original else our_url)
    assert robots(soup) == (["noindex"] if noindex else [])


def test_article_canonical_policy_overrides_the_source(client, demo_article):
    demo_article.canonical_policy = CanonicalPolicy.SELF
    demo_article.save()
    soup = page(client, demo_article)
    assert canonical(soup) == "http://testserver" + demo_article.get_absolute_url()


def test_original_article_has_no_source_line_and_is_its_own_canonical(client):
    author = AuthorFactory(name="Nadia Original")
    article = ArticleFactory(authors=[author])
    soup = page(client, article)

    assert canonical(soup) == "http://testserver" + article.get_absolute_url()
    assert robots(soup) == []
    assert "original source" not in soup.get_text()
    # The site date is the only date shown: no original-publication line.
    assert len(soup.find_all("time")) == 1
    assert squash(copyright_line(soup).get_text()) == f"Copyright © Nadia Original, {article.published_at.year}"


def test_no_empty_notices_box_when_there_is_no_disclaimer_or_fair_use_notice(client):
    soup = page(client, ArticleFactory(authors=[AuthorFactory()]))

    assert soup.select(".notices") == []


# --- authors, pictures and escaping -----------------------------------------------------------


def test_several_authors_appear_in_byline_order(client):
    article = CrossPostFactory()
    first, second, third = (AuthorFactory(name=name) for name in ("Zoe Adams", "Maria Brown", "Carl Cole"))
    # Created out of order, and neither name nor creation order matches `order`.
    ArticleAuthor.objects.create(article=article, author=third, order=2)
    ArticleAuthor.objects.create(article=article, author=first, order=0)
    ArticleAuthor.objects.create(article=article, author=second, order=1)
    soup = page(client, article)
    expected = [(author.name, author.get_absolute_url()) for author in (first, second, third)]

    byline = only(soup, r"^By Zoe Adams, Maria Brown and Carl Cole$")
    assert links(byline) == expected
    assert links(only(soup, r"^Articles by: Zoe Adams, Maria Brown, Carl Cole$")) == expected
    assert only(soup, r"^About the authors:?$")


def test_deleted_embedded_image_leaves_no_broken_figure(client):
    picture = ImageFactory(alt_text="A picture that will be deleted")
    article = ArticleFactory(body=f"<p>Before the picture.</p>{picture.embed_code}<p>After the picture.</p>")
    assert page(client, article).find("img", alt="A picture that will be deleted") is not None

    picture.delete()
    soup = page(client, article)
    assert soup.find("figure") is None
    assert soup.find("img", alt="A picture that will be deleted") is None
    assert only(soup, r"^Before the picture\.$")
    assert only(soup, r"^After the picture\.$")


def test_markup_in_a_title_is_shown_as_text(client):
    title = 'Guns <script>alert("x")</script> & <em>Butter</em>'
    soup = page(client, ArticleFactory(title=title))
    h1 = soup.find("h1")
    assert h1.get_text() == title
    assert h1.find(True) is None
    assert soup.find("em") is None
    assert squash(soup.title.get_text()).startswith(title)
    # The only scripts are whole, inert JSON-LD blocks: the title's <script> never became an element.
    for script in soup.find_all("script"):
        assert script.get("type") == "application/ld+json"
        assert json.loads(script.string)


def test_cross_post_without_a_source_record_still_names_and_points_to_its_original(client):
    from tests.factories import ArticleFactory

    article = ArticleFactory(original_url="https://www.original.example.net/2019/ports/", source=None)
    soup = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    statement = soup.select_one(".original-source")
    assert statement.get_text(" ", strip=True) == "The original source of this article is www.original.example.net"
    assert statement.a["href"] == "https://www.original.example.net/2019/ports/"
    assert soup.find("link", rel="canonical")["href"] == "https://www.original.example.net/2019/ports/"


def test_copyright_line_without_a_year_has_no_dangling_comma(client, editor_client):
    from tests.factories import ArticleFactory
    from tests.factories import AuthorFactory

    article = ArticleFactory(status="draft", published_at=None, authors=[AuthorFactory(name="Ann Lee")])
    soup = BeautifulSoup(editor_client.get(article.get_absolute_url()).content, "html.parser")
    assert soup.select_one(".copyright").get_text(" ", strip=True) == "Copyright © Ann Lee"
