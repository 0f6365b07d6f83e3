"""Each item is its own transaction: one bad item is reported, the rest go on, nothing is half stored."""

import pytest
from django.contrib.redirects.models import Redirect
from django.db import IntegrityError
from taggit.models import TaggedItem

from articles.models import Article
from articles.models import ArticleAuthor
from wordpress_import import importer
from wordpress_import.models import ImportRecord

from . import wxr
from .conftest import counts
from .conftest import run_import

pytestmark = pytest.mark.django_db

TAG = '<category domain="post_tag" nicename="t"><![CDATA[A tag]]></category>'


def test_an_item_with_a_broken_date_fails_alone(tmp_path):
    export = wxr.write(
        tmp_path,
        wxr.wxr(
            wxr.post(1, "Good one"),
            wxr.post(2, "Broken date", date="2022-13-45 99:00:00"),
            wxr.post(3, "Good two"),
        ),
    )
    report = run_import(export)
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Good one", "Good two"]
    assert "post 2 “Broken date”: its publication date “2022-13-45 99:00:00” is not a date and time" in report
    assert counts(report)["post"] == {"created": 2, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 1}


def test_items_missing_required_fields_fail_alone_with_a_reason(tmp_path):
    export = wxr.write(
        tmp_path,
        wxr.wxr(
            wxr.post(1, "No id", omit=["post_id"]),
            wxr.post(2, "No status", omit=["status"]),
            wxr.post(3, "No type", omit=["post_type"]),
            wxr.post("x7", "Odd id"),
            wxr.post(4, "Complete"),
        ),
    )
    report = run_import(export)
    assert list(Article.objects.values_list("title", flat=True)) == ["Complete"]
    assert "post at line 14 “No id”: it has no <wp:post_id>" in report
    assert "post 2 “No status”: it has no <wp:status>" in report
    assert "item 3 “No type”: it has no <wp:post_type>" in report
    assert "post x7 “Odd id”: its <wp:post_id> “x7” is not a number" in report


def test_a_post_id_twice_in_the_export_is_imported_once(tmp_path):
    export = wxr.write(tmp_path, wxr.wxr(wxr.post(5, "First"), wxr.post(5, "Second")))
    report = run_import(export)
    assert list(Article.objects.values_list("title", flat=True)) == ["First"]
    assert "post 5 “Second”: its post id appears twice in the export" in report


def test_a_write_failing_half_way_leaves_nothing_of_that_item_and_the_rest_go_on(tmp_path, monkeypatch):
    """The failure comes after the article rows are written: without per-item transactions it would be half stored."""
    original = ImportRecord.objects.bulk_create

    def failing_bulk_create(records, *args, **kwargs):
        records = list(records)
        if any(record.wp_id == "2" and record.kind == "post" for record in records):
            raise IntegrityError("simulated failure while writing post 2")
        return original(records, *args, **kwargs)

    monkeypatch.setattr(ImportRecord.objects, "bulk_create", failing_bulk_create)
    export = wxr.write(
        tmp_path,
        wxr.wxr(
            wxr.post(1, "Post 1", extra=TAG),
            wxr.post(2, "Post 2", extra=TAG),
            wxr.post(3, "Post 3", extra=TAG + wxr.thumbnail(99)),
        ),
    )
    report = run_import(export)

    assert sorted(Article.objects.values_list("title", flat=True)) == ["Post 1", "Post 3"]
    # Post 3 was attempted twice (in its chunk, then alone): its note is there once.
    assert report.count("its featured image (attachment 99) is not in the image library") == 1
    assert not Article.objects.filter(title="Post 2").exists()
    assert ArticleAuthor.objects.count() == 2
    assert TaggedItem.objects.count() == 2
    assert set(Redirect.objects.values_list("old_path", flat=True)) == {"/1/post-1/", "/3/post-3/"}
    assert "post 2 “Post 2”: IntegrityError: simulated failure while writing post 2" in report
    assert counts(report)["post"] == {"created": 2, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 1}
    # The good ones were written one transaction each after their chunk failed; nothing counted twice.
    assert counts(report)["redirect"]["created"] == 2


def test_a_failed_chunk_forgets_the_terms_it_made_so_the_retry_makes_them_again(tmp_path, monkeypatch):
    original = ImportRecord.objects.bulk_create
    calls = []

    def fail_once(records, *args, **kwargs):
        records = list(records)
        if not calls and any(record.kind == "post" for record in records):
            calls.append(1)
            raise IntegrityError("the first chunk fails")
        return original(records, *args, **kwargs)

    monkeypatch.setattr(ImportRecord.objects, "bulk_create", fail_once)
    export = wxr.write(tmp_path, wxr.wxr(*(wxr.post(number, f"Post {number}", extra=TAG) for number in (1, 2))))
    run_import(export)
    assert Article.objects.count() == 2
    assert [article.tags.names()[0] for article in Article.objects.all()] == ["A tag", "A tag"]


def test_chunks_of_posts_are_written_separately(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK", 2)
    export = wxr.write(tmp_path, wxr.wxr(*(wxr.post(number, f"Post {number}", extra=TAG) for number in range(1, 6))))
    report = run_import(export)
    assert counts(report)["post"]["created"] == 5
    assert TaggedItem.objects.count() == 5
