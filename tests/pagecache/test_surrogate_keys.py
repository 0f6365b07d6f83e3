"""Surrogate keys: every shared page names what it shows, and a change forgets only the pages showing it."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.cache_keys import keys_changed
from articles.models import Status
from articles.services import article_publish
from articles.services import article_set_authors
from pagecache.store import EVERY_PAGE
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _publication():
    publication_settings(site_name="Crosspost Review")


def filed_article(name="Ada Byline", **values):
    author, region, theme, tag = AuthorFactory(name=name), RegionFactory(), ThemeFactory(), TagFactory()
    article = CrossPostFactory(
        authors=[author], regions=[region], themes=[theme], tags=[tag], lead_image=ImageFactory(), **values
    )
    return {"article": article, "author": author, "region": region, "theme": theme, "tag": tag}


@pytest.fixture
def filed():
    return filed_article()


@pytest.fixture
def unrelated():
    """Another article sharing nothing with `filed`: no author, source, region, theme or tag."""
    return filed_article(name="Zoe Elsewhere", title="An unrelated article")


def keys(response):
    surrogate = response["Surrogate-Key"].split(" ")
    assert response["Cache-Tag"].split(",") == surrogate, "the two headers must name the same keys"
    return set(surrogate)


def test_the_article_page_names_what_it_shows(client, filed):
    article = filed["article"]
    shown = keys(client.get(article.get_absolute_url()))
    assert {
        EVERY_PAGE,
        f"article-{article.pk}",
        f"author-{filed['author'].pk}",
        f"source-{article.source_id}",
        f"region-{filed['region'].pk}",
        f"theme-{filed['theme'].pk}",
        f"tag-{filed['tag'].pk}",
        f"image-{article.lead_image_id}",
        # "More by" and "related" come from these lists: a new article in one changes the page.
        f"author-{filed['author'].pk}-archive",
        f"region-{filed['region'].pk}-archive",
    } <= shown


def test_listings_name_their_list_and_every_card(client, filed):
    article, author = filed["article"], filed["author"]
    card = {f"article-{article.pk}", f"author-{author.pk}", f"source-{article.source_id}"}
    expected = {
        reverse("home"): {"home", "menu"},
        reverse("articles:rss"): {"feeds"},
        reverse("articles:json_feed"): {"feeds"},
        filed["region"].get_absolute_url(): {f"region-{filed['region'].pk}-archive", f"region-{filed['region'].pk}"},
        author.get_absolute_url(): {f"author-{author.pk}-archive"},
        reverse("articles:tag_rss", kwargs={"slug": filed["tag"].slug}): {f"tag-{filed['tag'].pk}-archive"},
        reverse("articles:search") + "?q=article": {"search"},
    }
    for url, own in expected.items():
        assert own | card <= keys(client.get(url)), url
    assert {"sitemap", EVERY_PAGE} == keys(client.get(reverse("sitemap")))


def test_a_correction_to_one_author_leaves_unrelated_pages_cached(client, filed, unrelated):
    kept = [unrelated["article"].get_absolute_url(), unrelated["region"].get_absolute_url()]
    changed = [filed["article"].get_absolute_url(), filed["author"].get_absolute_url(), reverse("articles:rss")]
    for url in kept + changed:
        client.get(url)

    filed["author"].name = "Ada Corrected"
    filed["author"].save()

    for url in kept:
        assert client.get(url)["X-Page-Cache"] == "hit", url
    for url in changed:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss" and "Ada Corrected" in response.content.decode(), url


def test_publishing_purges_the_site_listings_and_the_archives_it_joins():
    region, author = RegionFactory(), AuthorFactory()
    draft = ArticleFactory(status=Status.DRAFT, authors=[author], regions=[region])
    purged = keys_changed(draft)
    assert {"home", "feeds", "sitemap", "search"} <= purged
    assert {f"article-{draft.pk}", f"region-{region.pk}-archive", f"author-{author.pk}-archive"} <= purged
    # An author's correction is not an article's: no listing of every article is purged for it.
    assert keys_changed(author) == {f"author-{author.pk}", "sitemap"}


def test_an_archive_an_article_leaves_is_purged_through_the_card_it_showed(client, filed):
    """Filed elsewhere, the article leaves its old region's archive: that page showed its card."""
    old_region = filed["region"].get_absolute_url()
    client.get(old_region)
    filed["article"].regions.set([RegionFactory()])
    response = client.get(old_region)
    assert response["X-Page-Cache"] == "miss" and filed["article"].title not in response.content.decode()


def test_a_new_byline_purges_the_new_authors_archive(client, filed):
    newcomer = AuthorFactory(name="Newly Credited")
    archive = newcomer.get_absolute_url()
    assert filed["article"].title not in client.get(archive).content.decode()
    article_set_authors(article=filed["article"], authors=[filed["author"], newcomer])
    assert filed["article"].title in client.get(archive).content.decode()


def test_a_publication_reaches_the_archive_feed_of_its_tag(client, filed):
    url = reverse("articles:tag_rss", kwargs={"slug": filed["tag"].slug})
    client.get(url)
    draft = ArticleFactory(
        title="Freshly tagged",
        status=Status.DRAFT,
        tags=[filed["tag"]],
        authors=[AuthorFactory()],
        regions=[RegionFactory()],
    )
    article_publish(article=draft)
    assert "Freshly tagged" in client.get(url).content.decode()


def test_personal_responses_carry_no_keys_and_are_private(editor, filed):
    editors = Client()
    editors.force_login(editor)
    draft = ArticleFactory(status=Status.DRAFT)
    for response in (
        editors.get(filed["article"].get_absolute_url()),
        editors.get(draft.get_absolute_url()),  # a preview
        editors.get(reverse("admin:index")),
        Client().get(reverse("partners:request")),  # a form with a CSRF token
        Client().get(reverse("admin:login")),
    ):
        assert not response.has_header("Surrogate-Key") and not response.has_header("Cache-Tag")
        assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
        assert "s-maxage" not in response["Cache-Control"] and "public" not in response["Cache-Control"]
