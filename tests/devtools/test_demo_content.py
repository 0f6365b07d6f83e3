"""The demo publication `make run` serves: what `load_demo` puts in it."""

import datetime
import json
import re

import pytest
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone

from articles.embeds import embedded_image_ids
from articles.models import Article
from articles.models import Region
from articles.models import Status
from articles.models import Theme
from articles.sanitizer import sanitize_html
from attribution.models import CanonicalPolicy
from attribution.models import CopyrightHolders
from attribution.models import PublicationSettings
from attribution.models import Source
from authors.models import Author
from devtools.demo import pictures
from devtools.demo import seed
from devtools.demo.articles import ARTICLES
from devtools.demo.articles import read_articles
from devtools.demo.loader import body_html
from devtools.demo.loader import load_demo_content
from devtools.demo.loader import picture_words
from images.models import Image

pytestmark = pytest.mark.django_db

SEED_SLUG = "colombia-run-off-nato-global-partnership"
PHOTO = re.compile(r"\bphoto(graph)?s?\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for this module's read-only tests, and rolled back after them.

    Drawing and resizing three dozen pictures takes seconds; the tests below only read what was loaded,
    each inside its own savepoint, as Django's TestCase.setUpTestData does.
    """
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        load_demo_content()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seed_article(demo):
    return Article.objects.with_page_data().get(slug=SEED_SLUG)


# --- the seed article ---------------------------------------------------------------------------


def test_seed_article_has_its_title_and_is_published_on_its_site_date(seed_article):
    assert seed_article.title == seed.TITLE
    assert seed_article.status == Status.PUBLISHED
    assert seed_article.published_at == seed.SITE_DATE
    assert seed_article.published_at.astimezone(datetime.UTC).date() == datetime.date(2018, 6, 7)
    assert seed_article in Article.objects.published()


def test_seed_article_is_by_andrew_korybko_with_his_bio(seed_article):
    assert [author.name for author in seed_article.ordered_authors] == ["Andrew Korybko"]
    author = seed_article.ordered_authors[0]
    assert "political analyst" in author.short_bio
    assert "Moscow" in author.bio
    assert len(author.bio) > len(author.short_bio)


def test_seed_article_credits_oriental_review_with_original_url_and_date(seed_article):
    assert seed_article.source.name == "Oriental Review"
    assert seed_article.original_url == (
        "https://orientalreview.org/2018/06/06/latin-america-and-the-globalization-of-nato/"
    )
    assert seed_article.original_published_on == datetime.date(2018, 6, 6)
    assert seed_article.effective_copyright_year == 2018
    assert seed_article.is_cross_post


def test_seed_article_is_filed_under_its_region_and_themes(seed_article):
    assert [region.name for region in seed_article.regions.all()] == ["Latin America & Caribbean"]
    assert sorted(theme.name for theme in seed_article.themes.all()) == [
        "Militarization and WMD",
        "US NATO War Agenda",
    ]


def test_seed_article_embeds_a_chart_of_the_first_round_captioned_as_a_chart(seed_article):
    (image_id,) = embedded_image_ids(seed_article.body)
    figure = Image.objects.get(pk=image_id)

    assert "Ivan Duque" in figure.alt_text
    assert figure.alt_text.startswith("Bar chart")
    assert figure.caption.startswith("Chart:")
    assert not PHOTO.search(figure.caption)
    assert figure.credit == pictures.CREDIT
    assert (figure.width, figure.height) == (1200, 800)


# --- the publication around it -----------------------------------------------------------------


def test_demo_has_at_least_thirty_published_articles_besides_the_seed(demo):
    published = Article.objects.published().exclude(slug=SEED_SLUG)
    assert published.count() == len(ARTICLES) >= 30
    assert PublicationSettings.get_solo().site_name == "Crosspost Review"


def test_every_article_in_the_content_files_is_stored_with_every_field(demo):
    stored = {article.slug: article for article in Article.objects.with_page_data()}
    today = timezone.now().date()
    for data in ARTICLES:
        article = stored[data["slug"]]
        assert (article.title, article.dek) == (data["title"], data["dek"])
        assert article.body == sanitize_html(body_html(data["body"]))
        assert [author.slug for author in article.ordered_authors] == data["authors"]
        assert sorted(region.slug for region in article.regions.all()) == sorted(data["regions"])
        assert sorted(theme.slug for theme in article.themes.all()) == sorted(data["themes"])
        assert sorted(tag.name for tag in article.tags.all()) == sorted(data["tags"])
        assert (article.source.slug if article.source else None) == data["source"]
        assert article.published_at.astimezone(datetime.UTC).date() == today - datetime.timedelta(days=data["days_ago"])
        lead = article.lead_image
        assert (lead.alt_text, lead.caption) == picture_words(data["slug"], data["picture"])


def test_articles_are_read_from_json_metadata_and_a_markdown_body_each(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a-map.md").write_text("First.\n\n## Then\n", encoding="utf-8")
    metadata = {"slug": "a-map", "title": "A map", "days_ago": 2, "source": None}
    picture = {"kind": "map", "area": "somewhere", "focus": [[1, 2, 3]], "label": "Here", "subject": "here"}
    (tmp_path / "articles.json").write_text(
        json.dumps({"areas": {"somewhere": [-10, -5, 10, 5]}, "articles": [{**metadata, "picture": picture}]}),
        encoding="utf-8",
    )

    assert read_articles(tmp_path) == [
        {
            **metadata,
            "picture": {**picture, "area": (-10, -5, 10, 5), "focus": [(1, 2, 3)]},
            "body": "First.\n\n## Then\n",
        }
    ]


def test_every_region_and_theme_has_at_least_three_articles(demo):
    for vocabulary in (Region, Theme):
        counts = dict(vocabulary.objects.annotate(n=Count("articles")).values_list("name", "n"))
        assert len(counts) >= 7
        assert min(counts.values()) >= 3, counts


def test_every_article_is_filed_with_authors_region_theme_and_tags(demo):
    for article in Article.objects.with_page_data():
        assert article.ordered_authors, f"{article} has no author"
        assert article.regions.all(), f"{article} has no region"
        assert article.themes.all(), f"{article} has no theme"
        assert article.tags.all(), f"{article} has no tag"


def test_titles_and_standfirsts_are_distinct_sentences_and_bodies_real_paragraphs(demo):
    articles = list(Article.objects.exclude(slug=SEED_SLUG))
    assert len({article.title for article in articles}) == len(articles)
    for article in articles:
        assert article.dek.endswith((".", "?")), article.slug
        paragraphs = article.body.count("<p>")
        assert 4 <= paragraphs <= 8, f"{article.slug} has {paragraphs} paragraphs"


def test_every_article_has_a_lead_image_that_says_what_it_is(demo):
    for article in Article.objects.exclude(slug=SEED_SLUG).select_related("lead_image"):
        image = article.lead_image
        assert image is not None, f"{article.slug} has no lead image"
        assert image.alt_text and image.caption and image.credit == pictures.CREDIT
        assert image.caption.startswith(("Illustration:", "Map illustration", "Chart (illustrative data):"))
        assert len(image.renditions) >= 6


def test_no_generated_picture_is_called_a_photograph(demo):
    for image in Image.objects.all():
        for words in (image.alt_text, image.caption, image.credit):
            assert not PHOTO.search(words), f"image {image.pk}: {words}"


def test_lead_images_differ_from_one_article_to_the_next(demo):
    images = Image.objects.exclude(caption__startswith="Chart: ")
    assert images.values("caption").distinct().count() == images.count()
    assert len({pictures.palette_for(article["slug"]) for article in ARTICLES}) == len(pictures.PALETTES)


def test_every_author_has_a_generated_portrait_and_a_bio(demo):
    authors = Author.objects.all()
    assert authors.count() >= 7
    for author in authors:
        assert author.photo, f"{author} has no photo"
        assert author.short_bio and author.bio, f"{author} has no bio"
        assert author.articles.exists(), f"{author} has written nothing"


def test_several_sources_with_different_policies_and_some_original_articles(demo):
    assert Source.objects.count() >= 4
    assert len(set(Source.objects.values_list("canonical_policy", flat=True))) == len(CanonicalPolicy)
    assert len(set(Source.objects.values_list("default_copyright_holders", flat=True))) >= 3
    originals = Article.objects.filter(source=None)
    assert originals.exists()
    assert set(originals.values_list("copyright_holders", flat=True)) == {CopyrightHolders.AUTHORS}
    assert Article.objects.exclude(source=None).count() > originals.count()


def test_dates_spread_over_recent_months_and_cross_posts_appeared_first_elsewhere(demo):
    today = timezone.now().date()
    articles = list(Article.objects.exclude(slug=SEED_SLUG))
    days = [article.published_at.date() for article in articles]
    assert len({(day.year, day.month) for day in days}) >= 3
    assert today - datetime.timedelta(days=3) <= max(days) < today
    assert today - datetime.timedelta(days=190) <= min(days)
    for article in articles:
        if article.source is not None:
            assert article.original_url.startswith(article.source.homepage)
            assert 1 <= (article.published_at.date() - article.original_published_on).days <= 5


def test_body_text_becomes_paragraphs_headings_and_quotes():
    html = body_html("One line\nwrapped.\n\n## A heading\n\n> A quote & more.\n\nLast.")
    assert html == (
        "<p>One line wrapped.</p>\n<h2>A heading</h2>\n"
        "<blockquote><p>A quote &amp; more.</p></blockquote>\n<p>Last.</p>"
    )
