"""What each WordPress post becomes: site.xml holds one item per case, imported with mapping.toml."""

import datetime

import pytest
from django.contrib.redirects.models import Redirect
from django.db import connection
from django.utils import timezone

from articles.models import Article
from articles.models import Status
from images.models import Image
from tests.factories import png_bytes
from wordpress_import.models import ImportRecord

from . import wxr
from .conftest import FIXTURES
from .conftest import counts
from .conftest import run_import

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def article(wp_id):
    record = ImportRecord.objects.get(kind="post", wp_id=str(wp_id))
    return Article.objects.get(pk=record.article_id)


def test_publish_becomes_published_at_its_gmt_time_and_readers_see_it(imported, client):
    pipeline = article(101)
    assert pipeline.status == Status.PUBLISHED
    assert pipeline.published_at == datetime.datetime(2023, 5, 2, 8, 30, tzinfo=UTC)  # post_date_gmt, not local
    assert Article.objects.published().filter(pk=pipeline.pk).exists()
    response = client.get(pipeline.get_absolute_url())
    assert response.status_code == 200
    assert "Pipeline politics in the Sahel" in response.content.decode()


def test_future_becomes_scheduled_at_its_date_and_stays_hidden_until_then(imported):
    budget = article(103)
    assert budget.status == Status.SCHEDULED
    assert budget.published_at == datetime.datetime(2031, 1, 15, 6, 0, tzinfo=UTC)
    assert not Article.objects.published().filter(pk=budget.pk).exists()
    assert Article.objects.scheduled().filter(pk=budget.pk).exists()


def test_draft_and_pending_become_draft_and_in_review(imported):
    draft, pending = article(104), article(105)
    assert (draft.status, pending.status) == (Status.DRAFT, Status.REVIEW)
    # WordPress's "0000-00-00" date of a draft is no publication time.
    assert draft.published_at is None and pending.published_at is None


def test_password_protected_and_private_posts_are_kept_as_drafts_never_public_and_reported(imported, client):
    memo, private = article(106), article(108)
    assert memo.status == Status.DRAFT and private.status == Status.DRAFT
    assert not Article.objects.published().filter(pk__in=[memo.pk, private.pk]).exists()
    assert client.get(memo.get_absolute_url()).status_code == 404
    assert client.get("/2023/07/leaked-memo/").status_code == 404  # no redirect to it either
    assert "post 106 “Members only: the leaked memo”: password-protected in WordPress: kept as a draft" in imported
    assert "post 108 “Private thoughts”: private in WordPress: kept as a draft, never public" in imported


def test_trashed_post_is_skipped_and_reported(imported):
    assert not ImportRecord.objects.filter(kind="post", wp_id="107").exists()
    assert not Article.objects.filter(title="Thrown away").exists()
    assert "post 107 “Thrown away”: in the WordPress trash" in imported


def test_untitled_post_gets_a_title_editors_can_find(imported):
    untitled = article(104)
    assert untitled.title == "(untitled WordPress post 104)"
    assert Article.objects.filter(title__icontains="untitled WordPress post").count() == 1
    assert "post 104: it has no title: called “(untitled WordPress post 104)”" in imported


def test_excerpt_becomes_the_standfirst_as_plain_text(imported):
    assert article(101).dek == "A pipeline, three borders and nobody asking the farmers."


def test_block_markup_is_unwrapped_and_the_body_goes_through_the_sanitiser(imported):
    body = article(101).body
    assert "wp:" not in body and "<!--" not in body
    assert "<p>The pipeline crosses <strong>three borders</strong>.</p>" in body
    assert "<h2>Who pays</h2>" in body
    assert "<blockquote><p>Nobody asked the farmers.</p></blockquote>" in body
    # The site's one sanitiser ran: no script, no event handler, no WordPress class names.
    assert "<script" not in body and "alert(1)" not in body and "onclick" not in body and "class=" not in body
    assert '<a href="https://example.com/report" rel="noopener noreferrer">report</a>' in body


def test_caption_shortcode_becomes_a_captioned_figure(imported):
    body = article(102).body
    picture = Image.objects.get().file.url  # attachment 201, imported from --media-dir
    assert "[caption" not in body and "[/caption]" not in body
    assert (
        f'<figure><a href="{picture}" rel="noopener noreferrer"><img src="{picture}" alt="A pipeline at dusk"'
        ' width="300" height="200"></a><figcaption>The pipeline near Agadez. Photo: Ана Иванова</figcaption></figure>'
    ) in body


def test_pictures_in_bodies_keep_their_old_address_when_the_library_has_no_copy(db):
    run_import(FIXTURES / "site.xml")  # no --media-dir: nothing in the library
    body = article(102).body
    assert '<img src="https://old.example.org/wp-content/uploads/2023/05/pipeline-300x200.png"' in body
    assert '<a href="https://old.example.org/wp-content/uploads/2023/05/pipeline.png"' in body


def test_classic_editor_paragraphs_and_line_breaks_become_html(imported):
    body = article(102).body
    assert body.startswith("<p>Первый абзац — with an accent: café.<br>\nSame paragraph, new line.</p>")
    assert body.endswith("<p>Last paragraph.</p>")


def test_non_ascii_title_body_and_tag_survive_with_addresses_the_site_can_serve(imported, client):
    cyrillic = article(102)
    assert cyrillic.title == "Учёные и энергия: ça change"
    # Its WordPress slug is Cyrillic; the site's addresses are ASCII, so it comes from the title's Latin part.
    assert cyrillic.slug == "ca-change"
    assert list(cyrillic.tags.names()) == ["Россия"]
    page = client.get(cyrillic.get_absolute_url())
    assert page.status_code == 200
    assert "Первый абзац" in page.content.decode()
    tag = cyrillic.tags.get()
    assert tag.slug.isascii()
    assert client.get(f"/tag/{tag.slug}/").status_code == 200


def test_authors_are_the_display_names_of_dc_creator(imported):
    assert [author.name for author in article(101).ordered_authors] == ["Jane Doe"]
    assert [author.name for author in article(102).ordered_authors] == ["Site Editor"]


def test_co_authors_plus_guest_authors_become_the_byline_in_their_order(imported, client):
    two_voices = article(109)
    # Weber comes first in the export although Okafor sorts first: the export's order is the byline's.
    assert [author.name for author in two_voices.ordered_authors] == ["Lukas Weber", "Amara Okafor"]
    html = client.get(two_voices.get_absolute_url()).content.decode()
    assert html.index("Lukas Weber") < html.index("Amara Okafor")


def test_categories_become_regions_and_themes_by_parent_and_slug_and_the_rest_tags(imported):
    pipeline = article(101)
    # west-africa sits under africa under regions: the nearest parent with a rule decides.
    assert sorted(pipeline.regions.values_list("slug", "name")) == [
        ("middle-east", "MENA"),  # by slug, into the slug the mapping names
        ("west-africa", "West Africa"),
    ]
    assert list(pipeline.themes.values_list("slug", "name")) == [("energy", "Energy & Power")]
    # "news" has no rule: `other = "tag"`; post_tag terms are tags too.
    assert sorted(pipeline.tags.names()) == ["News", "Oil", "Pipelines"]
    # "uncategorized" is skipped unless a rule says otherwise.
    assert not article(102).themes.exists() and not article(102).regions.exists()


def test_without_a_mapping_file_categories_become_themes(db, uploads):
    run_import(FIXTURES / "site.xml", media_dir=str(uploads))
    pipeline = article(101)
    assert sorted(pipeline.themes.values_list("slug", flat=True)) == ["energy", "mena", "news", "west-africa"]
    assert not pipeline.regions.exists()
    assert pipeline.original_url == ""  # no custom-field rules either


def test_custom_fields_named_in_the_mapping_give_the_original(imported):
    pipeline = article(101)
    assert pipeline.original_url == "https://sahel-monitor.example.net/2023/04/30/pipeline/"
    assert pipeline.original_published_on == datetime.date(2023, 4, 30)  # from ACF's 20230430
    assert pipeline.source.name == "Sahel Monitor"
    assert pipeline.is_cross_post


def test_attachment_found_under_media_dir_becomes_a_library_image_and_the_lead_image(imported, client):
    pipeline = article(101)
    image = pipeline.lead_image
    assert image is not None
    assert image.alt_text == "A pipeline at dusk"
    assert image.caption == "The pipeline near Agadez."
    assert (image.width, image.height) == (640, 400)
    assert image.renditions  # made by images.services like any upload
    assert ImportRecord.objects.get(kind="attachment", wp_id="201").image == image
    html = client.get(pipeline.get_absolute_url()).content.decode()
    assert image.file.url in html or image.picture.src in html


def test_missing_attachment_is_reported_and_its_post_has_no_lead_image(imported):
    assert Image.objects.count() == 1
    assert "attachment 202 “grid”: file not found under --media-dir: 2023/10/grid.jpg" in imported
    assert article(109).lead_image is None
    assert "its featured image (attachment 202) is not in the image library: no lead image" in imported


def test_attachments_without_media_dir_are_reported_not_fetched(db):
    report = run_import(FIXTURES / "site.xml")
    assert Image.objects.count() == 0
    assert "attachment 201 “pipeline”: no --media-dir given, so 2023/05/pipeline.png was not looked for" in report


def test_pages_and_other_post_types_are_skipped_with_a_reason(imported):
    assert "page 301 “About us”: pages are not imported: recreate policy pages in the admin" in imported
    assert "nav_menu_item 501 “Home”: the post type “nav_menu_item” is not imported" in imported
    assert not Article.objects.filter(title__in=["About us", "Home", "Lukas Weber"]).exists()


def test_report_counts_per_kind(imported):
    table = counts(imported)
    assert table["post"] == {"created": 8, "updated": 0, "unchanged": 0, "skipped": 1, "failed": 0}
    assert table["attachment"] == {"created": 1, "updated": 0, "unchanged": 0, "skipped": 1, "failed": 0}
    assert table["page"]["skipped"] == 1
    assert table["author"]["created"] == 4
    assert table["redirect"]["created"] == 3
    assert Article.objects.count() == 8


def test_a_wxr_1_1_export_imports_too(db):
    report = run_import(FIXTURES / "site-1.1.xml")
    imported = Article.objects.get()
    assert imported.title == "An older export"
    assert imported.published_at == datetime.datetime(2012, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert [author.name for author in imported.ordered_authors] == ["Old Timer"]
    assert "WXR 1.1" in report
    assert imported.published_at < timezone.now()


def test_imported_articles_are_found_by_the_site_search(imported, client):
    """Bulk writes send no signals: the importer refreshes PostgreSQL's search vectors itself."""
    page = client.get("/search/", {"q": "farmers"}).content.decode()
    assert "Pipeline politics in the Sahel" in page
    if connection.vendor == "postgresql":
        assert not Article.objects.filter(search_vector__isnull=True).exists()
        # Bylines are part of the vector too, guest authors included.
        assert "Two voices on the grid" in client.get("/search/", {"q": "Okafor"}).content.decode()


def test_only_the_old_sites_own_upload_addresses_move_to_the_library(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2020" / "01").mkdir(parents=True)
    (uploads / "2020" / "01" / "a.png").write_bytes(png_bytes())
    content = (
        '<p><img src="https://built.example.org/wp-content/uploads/2020/01/a-150x150.png" alt="ours"></p>'
        '<p><img src="https://other.example.com/wp-content/uploads/2020/01/a.png" alt="theirs"></p>'
    )
    export = wxr.write(
        tmp_path,
        wxr.wxr(
            wxr.attachment(1, "https://built.example.org/wp-content/uploads/2020/01/a.png"),
            wxr.post(2, "Pictures", content=content),
        ),
    )
    run_import(export, media_dir=str(uploads))
    body = Article.objects.get().body
    assert f'<img src="{Image.objects.get().file.url}" alt="ours">' in body
    assert '<img src="https://other.example.com/wp-content/uploads/2020/01/a.png" alt="theirs">' in body


def test_doubtful_values_are_left_out_and_noted(tmp_path):
    rules = tmp_path / "mapping.toml"
    rules.write_text('[custom_fields]\noriginal_url = "url"\noriginal_date = "date"\n')

    def meta(key, value):
        return f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{value}</wp:meta_value></wp:postmeta>"

    export = wxr.write(
        tmp_path,
        wxr.wxr(
            wxr.post(1, "Odd status", status="pitch"),
            wxr.post(2, "Bad original", extra=meta("url", "javascript:alert(1)") + meta("date", "soon")),
            wxr.post(3, "First at the address", link="https://built.example.org/same/"),
            wxr.post(4, "Second at the address", link="https://built.example.org/same/"),
        ),
    )
    report = run_import(export, mapping=str(rules))
    odd, bad = article(1), article(2)
    assert odd.status == Status.DRAFT
    assert "post 1 “Odd status”: its WordPress status “pitch” is unknown here: kept as a draft" in report
    assert (bad.original_url, bad.original_published_on) == ("", None)
    assert "its original URL “javascript:alert(1)” is not a web address: left empty" in report
    assert "its original date “soon” is not a date: left empty" in report
    assert "post 4 “Second at the address”: its old address /same/ is another post's too: that one keeps it" in report
    assert Redirect.objects.get(old_path="/same/").new_path == article(3).get_absolute_url()
