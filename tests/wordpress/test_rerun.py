"""Safe to run again: records keyed on the WordPress site, post id and GUID; a second run updates."""

import pytest
from django.contrib.redirects.models import Redirect
from taggit.models import Tag
from taggit.models import TaggedItem

from articles.models import Article
from articles.models import ArticleAuthor
from articles.models import Region
from articles.models import Status
from articles.models import Theme
from attribution.models import Source
from authors.models import Author
from images.models import Image
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import TagFactory
from wordpress_import.models import ImportRecord

from .conftest import FIXTURES
from .conftest import counts

pytestmark = pytest.mark.django_db

MODELS = [Article, ArticleAuthor, Author, Region, Theme, Tag, TaggedItem, Source, Image, Redirect, ImportRecord]


def totals():
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "regions": Article.regions.through.objects.count(),
        "themes": Article.themes.through.objects.count(),
    }


def edited_export(tmp_path, *replacements):
    text = (FIXTURES / "site.xml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "edited.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_second_run_of_the_same_export_changes_and_duplicates_nothing(imported, import_site):
    before = totals()
    bodies = dict(Article.objects.values_list("pk", "updated_at"))
    report = import_site()
    assert totals() == before
    assert dict(Article.objects.values_list("pk", "updated_at")) == bodies
    table = counts(report)
    assert table["post"] == {"created": 0, "updated": 0, "unchanged": 8, "skipped": 1, "failed": 0}
    assert table["attachment"] == {"created": 0, "updated": 0, "unchanged": 1, "skipped": 1, "failed": 0}
    assert table["redirect"] == {"created": 0, "updated": 0, "unchanged": 3, "skipped": 0, "failed": 0}
    assert "author" not in table and "tag" not in table


def test_second_run_updates_what_changed_in_wordpress(imported, import_site, tmp_path):
    pipeline = Article.objects.get(title="Pipeline politics in the Sahel")
    export = edited_export(
        tmp_path,
        ("<![CDATA[Pipeline politics in the Sahel]]>", "<![CDATA[Pipeline politics in the Sahel, revisited]]>"),
        ("<p>The pipeline crosses <strong>three borders</strong>.</p>", "<p>The pipeline crosses four borders.</p>"),
        ('<category domain="post_tag" nicename="pipelines"><![CDATA[Pipelines]]></category>', ""),
    )
    report = import_site(export)
    pipeline.refresh_from_db()
    assert pipeline.title == "Pipeline politics in the Sahel, revisited"
    assert "four borders" in pipeline.body and "four borders" in pipeline.body_text
    assert pipeline.slug == "pipeline-politics"  # the address does not move
    assert sorted(pipeline.tags.names()) == ["News", "Oil"]
    assert Article.objects.count() == 8
    assert counts(report)["post"]["updated"] == 1
    assert counts(report)["post"]["unchanged"] == 7


def test_a_site_that_moved_is_recognised_by_guid(imported, import_site, tmp_path):
    before = totals()
    moved = edited_export(
        tmp_path,
        (
            "<wp:base_site_url>https://old.example.org</wp:base_site_url>",
            "<wp:base_site_url>https://new-home.example.com</wp:base_site_url>",
        ),
        (
            "<wp:base_blog_url>https://old.example.org</wp:base_blog_url>",
            "<wp:base_blog_url>https://new-home.example.com</wp:base_blog_url>",
        ),
    )
    report = import_site(moved)
    assert counts(report)["post"]["created"] == 0
    after = totals()
    # Posts are matched by GUID; attachments and authors are keyed on the new site, so they come again.
    assert after["Article"] == before["Article"]
    assert after["Redirect"] == before["Redirect"]
    assert ImportRecord.objects.filter(kind="post", site="new-home.example.com").count() == 8


def test_an_article_deleted_by_an_editor_is_not_brought_back(imported, import_site):
    Article.objects.get(title="Two voices on the grid").delete()
    report = import_site()
    assert not Article.objects.filter(title="Two voices on the grid").exists()
    assert "its article was deleted here after an earlier import; not brought back" in report


def test_a_post_trashed_in_wordpress_since_is_no_longer_public(imported, import_site, tmp_path, client):
    trashed = edited_export(
        tmp_path,
        (
            "<wp:post_name><![CDATA[two-voices]]></wp:post_name>\n\t\t<wp:status><![CDATA[publish]]></wp:status>",
            "<wp:post_name><![CDATA[two-voices]]></wp:post_name>\n\t\t<wp:status><![CDATA[trash]]></wp:status>",
        ),
    )
    report = import_site(trashed)
    article = Article.objects.get(title="Two voices on the grid")
    assert article.status == Status.DRAFT
    assert client.get("/2023/10/two-voices/").status_code == 404
    assert "in the WordPress trash: made a draft, no longer public" in report


def test_what_editors_added_is_kept_when_the_export_has_nothing_there(imported, import_site):
    two_voices = Article.objects.get(title="Two voices on the grid")
    source, picture = SourceFactory(), ImageFactory()
    two_voices.source, two_voices.lead_image = source, picture
    two_voices.original_url = "https://elsewhere.example.net/two-voices/"
    two_voices.save()
    import_site()
    two_voices.refresh_from_db()
    assert (two_voices.source, two_voices.lead_image) == (source, picture)
    assert two_voices.original_url == "https://elsewhere.example.net/two-voices/"


def test_an_existing_article_with_the_same_slug_is_left_alone(db, import_site):
    mine = ArticleFactory(slug="pipeline-politics", title="Ours, not WordPress's")
    import_site()
    mine.refresh_from_db()
    assert mine.title == "Ours, not WordPress's"
    imported = Article.objects.get(title="Pipeline politics in the Sahel")
    assert imported.slug == "pipeline-politics-2"
    assert Redirect.objects.get(old_path="/2023/05/pipeline-politics/").new_path == "/articles/pipeline-politics-2/"


def test_an_existing_author_region_and_tag_with_the_same_slug_are_reused(db, import_site):
    jane = AuthorFactory(name="Jane Doe", slug="jane-doe")
    africa = RegionFactory(name="West Africa", slug="west-africa")
    oil = TagFactory(name="oil")
    import_site()
    pipeline = Article.objects.get(title="Pipeline politics in the Sahel")
    assert pipeline.ordered_authors == [jane]
    assert africa in pipeline.regions.all()
    assert oil in pipeline.tags.all()
    assert Author.objects.filter(name="Jane Doe").count() == 1


def test_a_post_unpublished_in_wordpress_since_loses_its_redirect(imported, import_site, tmp_path, client):
    unpublished = edited_export(
        tmp_path,
        (
            "<wp:post_name><![CDATA[two-voices]]></wp:post_name>\n\t\t<wp:status><![CDATA[publish]]></wp:status>",
            "<wp:post_name><![CDATA[two-voices]]></wp:post_name>\n\t\t<wp:status><![CDATA[draft]]></wp:status>",
        ),
    )
    assert client.get("/2023/10/two-voices/").status_code == 301
    report = import_site(unpublished)
    assert Article.objects.get(title="Two voices on the grid").status == Status.DRAFT
    assert client.get("/2023/10/two-voices/").status_code == 404
    assert counts(report)["post"]["updated"] == 1
