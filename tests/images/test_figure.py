"""Pictures on the article page: one include for the lead image and the body, every rendition in
srcset, the size known before it loads, and nothing resized while a reader waits."""

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage

from images.models import Image
from tests.factories import ArticleFactory
from tests.factories import ImageFactory
from tests.images.samples import animated_gif
from tests.images.samples import files_under
from tests.images.samples import picture_bytes

pytestmark = pytest.mark.django_db

SIZES = "(min-width: 792px) 756px, calc(100vw - 36px)"
VNU = Path(django_settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _image(content, **values):
    return ImageFactory(file=ContentFile(content, name="upload"), **values)


@pytest.fixture
def article():
    lead = _image(picture_bytes("JPEG", 2000, 1200), alt_text="The harbour at dawn", caption="Dawn.", credit="Photo: A")
    placed = _image(picture_bytes("PNG", 1000, 500), alt_text="A chart of exports", caption="Exports.", credit="")
    # Whole seconds: the page's <time datetime> takes at most three decimals (a separate matter).
    published = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    body = f"<p>Before.</p>{placed.embed_code}<p>After.</p>"
    return ArticleFactory(lead_image=lead, body=body, published_at=published)


def _page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _candidates(srcset):
    """(path under MEDIA_ROOT, width) for each candidate of a srcset."""
    candidates = []
    for candidate in srcset.split(", "):
        url, descriptor = candidate.rsplit(" ", 1)
        assert url.startswith(django_settings.MEDIA_URL), url
        candidates.append((unquote(url.removeprefix(django_settings.MEDIA_URL)), int(descriptor.removesuffix("w"))))
    return candidates


def _assert_candidates_are_real_files(srcset, fmt, settings):
    for name, width in _candidates(srcset):
        with PILImage.open(Path(settings.MEDIA_ROOT) / name) as stored:
            assert stored.format == fmt
            assert stored.width == width


def test_lead_image_has_srcsets_in_webp_and_jpeg_sizes_and_dimensions(client, article, settings):
    figure = _page(client, article).select_one("article figure.figure-lead")

    source = figure.select_one("picture > source")
    img = figure.select_one("picture > img")
    assert source["type"] == "image/webp"
    assert [width for _, width in _candidates(source["srcset"])] == [480, 800, 1200, 1600]
    assert [width for _, width in _candidates(img["srcset"])] == [480, 800, 1200, 1600]
    _assert_candidates_are_real_files(source["srcset"], "WEBP", settings)
    _assert_candidates_are_real_files(img["srcset"], "JPEG", settings)
    assert source["sizes"] == img["sizes"] == SIZES
    assert (img["width"], img["height"]) == ("1600", "960")
    assert img["alt"] == "The harbour at dawn"
    # Seen first, so fetched at once: no lazy loading for the lead image.
    assert not img.has_attr("loading")
    assert img["fetchpriority"] == "high"
    assert figure.find("figcaption").get_text(" ", strip=True) == "Dawn. Photo: A"


def test_picture_placed_in_the_body_has_srcsets_and_loads_lazily(client, article, settings):
    img = _page(client, article).select_one(".body figure img")

    figure = img.find_parent("figure")
    source = figure.select_one("source[type='image/webp']")
    assert [width for _, width in _candidates(source["srcset"])] == [480, 800, 1000]
    assert [width for _, width in _candidates(img["srcset"])] == [480, 800, 1000]
    _assert_candidates_are_real_files(img["srcset"], "PNG", settings)
    assert img["sizes"] == source["sizes"] == SIZES
    assert (img["width"], img["height"]) == ("1000", "500")
    assert img["alt"] == "A chart of exports"
    assert img["loading"] == "lazy"
    assert figure.find("figcaption").get_text(strip=True) == "Exports."


def test_lead_and_body_use_the_same_include(client, article):
    soup = _page(client, article)

    figures = soup.select("article figure.figure")
    assert len(figures) == 2
    parts = ["picture", "source", "img", "figcaption"]
    shapes = [[child.name for child in figure.find_all(parts)] for figure in figures]
    assert shapes[0] == shapes[1] == parts


def test_an_animated_gif_is_shown_as_uploaded_with_no_still_webp(client):
    gif = _image(animated_gif(frames=3, width=600, height=400), alt_text="A moving chart")
    article = ArticleFactory(body=gif.embed_code)

    figure = _page(client, article).find("img", alt="A moving chart").find_parent("figure")

    assert figure.find("source") is None
    img = figure.find("img")
    assert img["src"] == gif.file.url
    assert img["srcset"] == f"{gif.file.url} 600w"
    assert (img["width"], img["height"]) == ("600", "400")


def test_an_image_without_renditions_still_shows_its_original(client):
    legacy = Image(alt_text="Stored long ago", width=40, height=30)
    legacy.file.save("old.png", ContentFile(picture_bytes("PNG", 40, 30)), save=True)
    article = ArticleFactory(lead_image=legacy)

    img = _page(client, article).find("img", alt="Stored long ago")

    assert img["src"] == legacy.file.url
    assert not img.has_attr("srcset")
    assert (img["width"], img["height"]) == ("40", "30")


def test_viewing_the_page_never_resizes_or_writes_a_file(client, article, settings, monkeypatch):
    before = {path: path.stat().st_mtime_ns for path in files_under(settings.MEDIA_ROOT)}

    def must_not_run(*args, **kwargs):
        raise AssertionError("an image was opened or written while a reader waited")

    monkeypatch.setattr(PILImage, "open", must_not_run)
    monkeypatch.setattr(PILImage.Image, "save", must_not_run)
    monkeypatch.setattr(PILImage.Image, "resize", must_not_run)
    monkeypatch.setattr(article.lead_image.file.storage.__class__, "save", must_not_run)
    monkeypatch.setattr(article.lead_image.file.storage.__class__, "open", must_not_run)

    for _ in range(3):
        _page(client, article)

    assert {path: path.stat().st_mtime_ns for path in files_under(settings.MEDIA_ROOT)} == before


def test_figure_markup_is_valid_html(client, article, tmp_path):
    if not VNU.exists() or shutil.which("java") is None:
        pytest.skip("The Nu HTML Checker (npm install) and Java are needed for this check.")
    gif = _image(animated_gif(frames=2), alt_text="A moving chart", caption="", credit="Source: B")
    article.body += gif.embed_code
    article.save()
    page = tmp_path / "article.html"
    page.write_bytes(client.get(article.get_absolute_url()).content)
    assert len(re.findall(r"<figure", page.read_text())) == 3

    result = subprocess.run(  # noqa: S603 - fixed arguments, a local file
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(page)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=120,
    )

    messages = json.loads(result.stderr or "{}").get("messages", [])
    assert [f"line {m.get('lastLine')}: {m['message']}" for m in messages] == []
