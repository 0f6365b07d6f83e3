"""Hostile or broken exports: a clear error and nothing stored; no file outside --media-dir, no network."""

import http.server
import socket
import threading
from pathlib import Path

import pytest
from django.core.management.base import CommandError

from articles.models import Article
from authors.models import Author
from images.models import Image
from tests.factories import png_bytes
from wordpress_import.models import ImportRecord
from wordpress_import.parser import WXRReader

from . import wxr
from .conftest import FIXTURES
from .conftest import counts
from .conftest import run_import

pytestmark = pytest.mark.django_db


def nothing_stored():
    return not (
        Article.objects.exists() or Author.objects.exists() or Image.objects.exists() or ImportRecord.objects.exists()
    )


def refused(export, match, **options):
    with pytest.raises(CommandError, match=match) as caught:
        run_import(export, **options)
    assert nothing_stored()
    return str(caught.value)


# --- broken files ---------------------------------------------------------------------------------


def test_malformed_xml_is_a_clear_error_and_not_even_the_good_items_before_it_are_stored():
    message = refused(FIXTURES / "malformed.xml", r"The export is not well-formed XML")
    assert "line 19" in message  # where the damage is, for the person fixing the file
    assert message.endswith("Nothing was imported.")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02 not xml at all",
        b"<?xml version='1.0'?><rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><wp:wxr_version>1.2</wp:wxr_version><item>",
        "<rss>é</rss>".encode("latin-1"),
    ],
    ids=["empty", "binary", "truncated", "wrong-encoding"],
)
def test_files_that_are_not_xml_are_refused(tmp_path, content):
    export = tmp_path / "export.xml"
    export.write_bytes(content)
    refused(export, r"not well-formed XML")


def test_an_unknown_wxr_version_is_refused():
    refused(
        FIXTURES / "unknown-version.xml",
        r"WXR version 9\.9 is not supported; this importer reads versions 1\.0, 1\.1, 1\.2",
    )


def test_a_feed_without_a_wxr_version_is_not_taken_for_an_export():
    refused(FIXTURES / "no-version.xml", r"This is not a WordPress export \(WXR\): its channel has no <wp:wxr_version>")


def test_a_document_that_is_not_rss_is_refused(tmp_path):
    export = wxr.write(tmp_path, "<?xml version='1.0'?><html><body>Hello</body></html>")
    refused(export, r"its root element is <html>, not <rss>")


def test_a_missing_export_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No export file at"):
        run_import(tmp_path / "nowhere.xml")


# --- entities ---------------------------------------------------------------------------------------


def test_external_file_entity_is_refused_and_the_file_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    doctype = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    export = wxr.write(tmp_path, wxr.wxr(wxr.post(1, "Leak", content="&xxe;"), doctype=doctype))
    # The CDATA above keeps &xxe; as text; a reference outside CDATA is what an attacker writes:
    export.write_text(export.read_text().replace("<![CDATA[&xxe;]]>", "&xxe;"))
    message = refused(export, r"declares a document type or entities, which WordPress exports never do")
    assert "TOP-SECRET-MARKER" not in message


def test_the_fixture_xxe_on_etc_passwd_is_refused():
    refused(FIXTURES / "xxe-file.xml", r"declares a document type")


def test_entity_expansion_bomb_is_refused():
    refused(FIXTURES / "billion-laughs.xml", r"declares a document type or entities")


@pytest.fixture
def listener():
    """A web server on this machine's loopback that records every request it gets."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY leak "LEAKED-OVER-HTTP">')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def http_entity_export(tmp_path, base):
    doctype = (
        f'<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{base}/evil.dtd"> %remote; <!ENTITY xxe SYSTEM "{base}/secret">]>\n'
    )
    export = wxr.write(tmp_path, wxr.wxr(wxr.post(1, "Calls home", content="x"), doctype=doctype))
    export.write_text(export.read_text().replace("<title>Calls home</title>", "<title>&xxe;&leak;</title>"))
    return export


def test_external_http_entity_is_refused_and_no_request_is_made(tmp_path, listener):
    base, requests = listener
    refused(http_entity_export(tmp_path, base), r"declares a document type")
    assert requests == []


def test_even_past_the_doctype_check_the_parser_neither_fetches_nor_expands(tmp_path, listener, monkeypatch):
    """Defence in depth: with defusedxml's check switched off, lxml's own settings still hold."""
    base, requests = listener
    monkeypatch.setattr(WXRReader, "_refuse_doctype", lambda self: None)
    run_import(http_entity_export(tmp_path, base))
    assert requests == []
    assert "LEAKED" not in Article.objects.get().title

    with pytest.raises(CommandError, match="amplification"):
        run_import(FIXTURES / "billion-laughs.xml")


def test_without_the_doctype_check_a_file_entity_still_reads_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(WXRReader, "_refuse_doctype", lambda self: None)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    doctype = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    export = wxr.write(tmp_path, wxr.wxr(wxr.post(1, "Leak", content="x"), doctype=doctype))
    export.write_text(export.read_text().replace("<title>Leak</title>", "<title>Leak &xxe;</title>"))
    run_import(export)
    stored = Article.objects.get()
    assert "TOP-SECRET-MARKER" not in f"{stored.title} {stored.body} {stored.dek}"


# --- files and network ------------------------------------------------------------------------------


@pytest.fixture
def outside(tmp_path):
    """A sound picture next to (not inside) the uploads folder: reading it would be a traversal."""
    uploads = tmp_path / "uploads"
    (uploads / "2020" / "01").mkdir(parents=True)
    secret = tmp_path / "secret.png"
    secret.write_bytes(png_bytes())
    (uploads / "2020" / "01" / "link.png").symlink_to(secret)
    return uploads, secret


def test_no_file_outside_media_dir_is_read(tmp_path, outside, monkeypatch):
    uploads, secret = outside
    opened = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self.resolve())
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    items = [
        wxr.attachment(1, "https://built.example.org/wp-content/uploads/../secret.png"),
        wxr.attachment(2, "https://built.example.org/wp-content/uploads/%2e%2e/%2e%2e/secret.png"),
        wxr.attachment(3, "https://cdn.example.net/elsewhere.png", attached_file="../../secret.png"),
        wxr.attachment(4, "https://cdn.example.net/elsewhere.png", attached_file=str(secret)),
        wxr.attachment(5, "https://built.example.org/wp-content/uploads/2020/01/link.png"),
        wxr.attachment(6, "https://built.example.org/wp-content/uploads/2020/01/%00.png"),
        wxr.post(7, "Wants a picture", extra=wxr.thumbnail(1)),
    ]
    export = wxr.write(tmp_path, wxr.wxr(*items))
    report = run_import(export, media_dir=str(uploads))

    assert Image.objects.count() == 0
    assert secret.resolve() not in opened
    # Beside the export and the uploads folder, nothing near them was opened (Python's own files may be).
    near = [path for path in opened if path.is_relative_to(tmp_path.resolve())]
    assert all(path == export.resolve() or path.is_relative_to(uploads.resolve()) for path in near)
    assert counts(report)["attachment"]["failed"] == 6
    failed = report.split("Failed (6):")[1].split("Notes")[0]
    assert all(f"attachment {number} “picture {number}”" in failed for number in range(1, 7))
    assert "leads outside --media-dir; not read" in failed
    assert "\x00" not in report  # a NUL in a path is shown escaped
    assert Article.objects.get().lead_image is None


def test_no_network_connection_is_attempted(import_site, monkeypatch):
    """Attachments name their web addresses; the import never goes there (nor anywhere)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted during an import")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    report = import_site()
    assert attempts == []
    assert counts(report)["post"]["created"] == 8
    assert counts(report)["attachment"] == {"created": 1, "updated": 0, "unchanged": 0, "skipped": 1, "failed": 0}
