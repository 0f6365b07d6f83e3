"""The republication kit: its private page, and one code path for the kit, the article page and the feeds."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import Status
from attribution.credits import republication_kit
from attribution.models import CopyrightHolders
from partners.models import RequestStatus
from partners.services import permission_request_approve
from partners.services import permission_request_revoke_kit
from tests.factories import ArticleFactory
from tests.factories import PermissionRequestFactory

from .conftest import CONTACT

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def approved(article, editor):
    request = PermissionRequestFactory(article=article, organisation="Partner Press")
    return permission_request_approve(request=request, by=editor, note="Run it in full, please.")


def soup_of(response_or_html):
    html = getattr(response_or_html, "content", response_or_html)
    return BeautifulSoup(html, "html.parser")


# --- the private page -----------------------------------------------------------------------------


def test_kit_page_gives_the_block_as_html_and_text_and_the_canonical_tag(client, approved, article, publication):
    response = client.get(approved.get_kit_path())

    assert response.status_code == 200
    soup = soup_of(response)
    tracking_url = BASE + reverse("reprint_pixel", kwargs={"token": approved.pixel_token})
    kit = republication_kit(
        article, publication=publication, our_url=BASE + article.get_absolute_url(), tracking_url=tracking_url
    )
    assert soup.h1.get_text() == "Republication kit: Colombia and NATO"
    assert "Run it in full, please." in soup.get_text()
    # What the partner copies is exactly the kit, character for character.
    assert soup.find("textarea", id="kit-html").string == kit.html
    assert soup.find("textarea", id="kit-text").string == kit.text
    assert soup.find("textarea", id="kit-canonical").string == f'<link rel="canonical" href="{article.original_url}">'
    for textarea in soup.find_all("textarea"):
        assert soup.find("label", attrs={"for": textarea["id"]})
    preview = soup.select_one(".kit-preview")
    assert preview.select_one(".original-source a")["href"] == article.original_url


def test_kit_page_is_private(client, approved):
    response = client.get(approved.get_kit_path())

    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    soup = soup_of(response)
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert soup.find("link", rel="canonical") is None, "the private address is never advertised"


def test_kit_link_is_unguessable(approved):
    assert len(approved.kit_token) >= 43
    assert approved.kit_token not in (str(approved.pk), approved.email)


def test_unknown_kit_token_is_404(client, approved):
    assert client.get(reverse("partners:kit", kwargs={"token": "x" * 43})).status_code == 404


@pytest.mark.parametrize("status", [RequestStatus.NEW, RequestStatus.SPAM])
def test_a_request_that_was_never_approved_has_no_kit(client, article, status):
    request = PermissionRequestFactory(article=article, status=status)

    assert client.get(request.get_kit_path()).status_code == 404


def test_a_revoked_kit_is_410_with_a_short_notice(client, approved, editor):
    permission_request_revoke_kit(request=approved, by=editor)

    response = client.get(approved.get_kit_path())

    assert response.status_code == 410
    assert "This republication kit is no longer available" in response.content.decode()
    assert CONTACT in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_declining_after_approval_closes_the_kit(client, approved, editor):
    from partners.services import permission_request_decline

    permission_request_decline(request=approved, by=editor, note="The author objected.")

    assert client.get(approved.get_kit_path()).status_code == 410


def test_the_kit_of_an_article_no_longer_published_is_410(client, approved, article):
    article.status = Status.WITHDRAWN
    article.save()

    response = client.get(approved.get_kit_path())

    assert response.status_code == 410
    assert "no longer published" in response.content.decode()


# --- one code path: the article page, the RSS feed and the kit agree -------------------------------


def credits(html, base=BASE):
    """Authors (name, link), source (name, link) and copyright line, as a reader of `html` sees them."""
    soup = soup_of(html)
    source = soup.select_one(".original-source a")
    copyright_line = soup.select_one(".copyright")
    return {
        "authors": [(a.get_text(), urljoin(base, a["href"])) for a in soup.select("a[rel=author]")],
        "source": (source.get_text(), source["href"]) if source else None,
        "copyright": " ".join(copyright_line.get_text().split()) if copyright_line else None,
    }


def rss_description(client, article):
    feed = ET.fromstring(client.get(reverse("articles:rss")).content)  # noqa: S314 - our own feed
    for item in feed.iter("item"):
        if item.findtext("link").endswith(article.get_absolute_url()):
            return item.findtext("description")  # the parser has already undone the XML escaping
    raise AssertionError("article not in the feed")


VARIANTS = {
    "source, authors and source hold copyright": {},
    "original without a source record": {"source": None, "copyright_holders": CopyrightHolders.AUTHORS},
    "someone else holds copyright": {"copyright_holders": CopyrightHolders.OTHER, "copyright_holder_other": "AP"},
    "source holds copyright, year set": {"copyright_holders": CopyrightHolders.SOURCE, "copyright_year": 2017},
}


@pytest.mark.parametrize("changes", VARIANTS.values(), ids=VARIANTS.keys())
def test_article_page_rss_item_and_kit_agree_on_every_credit(client, article, editor, changes):
    for field, value in changes.items():
        setattr(article, field, value)
    article.save()
    request = permission_request_approve(request=PermissionRequestFactory(article=article), by=editor)

    page = credits(client.get(article.get_absolute_url()).content)
    feed = credits(rss_description(client, article))
    kit_page = soup_of(client.get(request.get_kit_path()))
    kit = credits(str(kit_page.select_one(".kit-preview")))
    kit_text = kit_page.find("textarea", id="kit-text").string

    assert page["authors"] == [
        ("Andrew Korybko", BASE + "/author/andrew-korybko/"),
        ("Jane Roe", BASE + f"/author/{article.ordered_authors[1].slug}/"),
    ]
    assert page["source"] and page["copyright"]
    assert page == feed == kit
    # The plain-text kit says the same.
    assert "By Andrew Korybko and Jane Roe" in kit_text
    assert page["copyright"] in kit_text
    assert f"The original source of this article is {page['source'][0]}: {page['source'][1]}" in kit_text


# --- the article page's link ----------------------------------------------------------------------


def test_article_page_links_to_the_form_for_this_article_and_keeps_the_contact_address(client, article):
    soup = soup_of(client.get(article.get_absolute_url()))

    link = soup.find("a", string="Request permission to republish")
    assert link["href"] == f"/republish/{article.slug}/"
    assert soup.find("a", href=f"mailto:{CONTACT}")
    form = soup_of(client.get(link["href"]))
    assert form.select_one(".chosen-article").find("a", string=article.title)


def test_the_link_is_there_without_a_permissions_contact(client, publication):
    from tests.factories import publication_settings

    publication_settings(permissions_contact_email="")
    article = ArticleFactory(published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))

    link = soup_of(client.get(article.get_absolute_url())).find("a", string="Request permission to republish")

    assert link["href"] == reverse("partners:request_article", kwargs={"slug": article.slug})
