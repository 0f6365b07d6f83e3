"""Large exports: memory stays flat while streaming, and database work grows by chunk, not by post.

Speed itself (10,000 posts in under a minute on SQLite) is measured by scripts/bench-wordpress-import,
not by a timed test; these pin the two properties that make it true.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from devtools.sample_wxr import write_wxr

from . import wxr
from .conftest import run_import

ROOT = Path(__file__).resolve().parents[2]
PEAK_MEMORY = """
import resource, sys
from wordpress_import.parser import WXRReader
reader = WXRReader(sys.argv[1])
export = reader.scan()
items = sum(1 for _ in reader.items())
print(items, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_kilobytes(export):
    """Items read and peak resident memory (KB) of a fresh process that reads `export` in both passes."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", PEAK_MEMORY, str(export)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    items, peak = result.stdout.split()
    return int(items), int(peak)


def test_reading_an_export_ten_times_larger_needs_no_more_memory(tmp_path):
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    write_wxr(small, posts=60, paragraphs=(20, 30))
    write_wxr(large, posts=1200, paragraphs=(20, 30))
    growth_allowed = large.stat().st_size // 1024 // 3  # a third of the extra file size, in KB
    assert large.stat().st_size > 10 * 1024 * 1024

    small_items, small_peak = peak_kilobytes(small)
    large_items, large_peak = peak_kilobytes(large)
    assert (small_items, large_items) == (100, 1240)  # posts and the guest-author items
    # Holding the tree would cost several times the file (about 2 KB of memory per KB of XML with lxml).
    assert large_peak - small_peak < growth_allowed, (small_peak, large_peak)


@pytest.mark.django_db
def test_import_queries_grow_with_chunks_not_with_posts(tmp_path):
    tag = '<category domain="post_tag" nicename="t"><![CDATA[A tag]]></category>'
    category = '<category domain="category" nicename="c"><![CDATA[A theme]]></category>'

    def queries_for(first, count):
        export = wxr.write(
            tmp_path,
            wxr.wxr(
                *(wxr.post(number, f"Post {number}", extra=tag + category) for number in range(first, first + count))
            ),
            name=f"export-{first}.xml",
        )
        with CaptureQueriesContext(connection) as captured:
            run_import(export)
        return len(captured)

    few = queries_for(1, 10)
    many = queries_for(1000, 200)
    assert Article.objects.count() == 210
    assert many <= few + 5, (few, many)
