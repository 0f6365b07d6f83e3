"""An editor's day in a real browser: upload a picture, paste an article, publish, see it live."""

import io
import re

import feedparser
import pytest
from django.contrib.auth import get_user_model
from PIL import Image as PILImage

from articles.models import Article
from articles.models import Status
from images.models import Image
from tests.browser.conftest import PASSWORD
from tests.browser.conftest import sign_in
from tests.factories import AuthorFactory
from tests.factories import RegionFactory

pytestmark = pytest.mark.browser

PASTED = """
<h2>What the treaty says</h2>
<p>The text runs to <a href="https://treaty.example.org/text">forty pages</a> and three annexes.</p>
<ul><li>Fishing quotas</li><li>Port access</li></ul>
<blockquote><p>A quoted passage from the original.</p></blockquote>
<hr>
<p>After the separator.</p>
"""


def picture_file(tmp_path):
    path = tmp_path / "harbour.png"
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 600), (20, 90, 160)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def choose(page, container, text):
    """Pick `text` in one of the admin's autocomplete (select2) boxes."""
    page.locator(container).locator(".select2-selection").first.click()
    page.locator(".select2-search__field").last.fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def paste_html(page, html):
    """Paste HTML into the body editor the way a browser does when an editor presses Ctrl+V."""
    page.locator(".field-body [contenteditable=true]").first.click()
    page.evaluate(
        """(html) => {
            const target = document.querySelector('.field-body [contenteditable=true]');
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', html.replace(/<[^>]+>/g, ''));
            target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        html,
    )


def test_editor_uploads_places_a_picture_publishes_and_readers_see_it(live_server, page, tmp_path, transactional_db):
    get_user_model().objects.create_superuser("desk", "desk@example.org", PASSWORD)
    AuthorFactory(name="Ines Duarte")
    RegionFactory(name="Northern Europe")

    sign_in(page, live_server)

    # 1. Upload a picture to the library.
    page.goto(f"{live_server.url}/admin/images/image/add/")
    page.set_input_files("#id_file", str(picture_file(tmp_path)))
    page.fill("#id_alt_text", "A harbour under a blue sky")
    page.fill("#id_caption", "The harbour at dawn.")
    page.click("input[name=_continue]")
    page.locator(".field-used_in").wait_for(timeout=15000)
    # Pasted in as HTML, as an article copied from elsewhere with the figure in it would be (the picture
    # button's own path is tests/browser/test_picture_picking.py).
    embed = str(Image.objects.get().embed_code)
    assert 'data-file="' in embed

    # 2. Write the article: paste the text from the original, then place the picture.
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Harbour treaty explained")
    choose(page, ".field-author", "Ines Duarte")
    choose(page, ".field-regions", "Northern Europe")
    paste_html(page, PASTED + embed)
    page.select_option("#id_status", Status.PUBLISHED)
    page.click(".article-desk__publishing input[name=_save]")
    page.locator(".messagelist .success").wait_for(timeout=15000)

    article = Article.objects.get(title="Harbour treaty explained")
    assert article.status == Status.PUBLISHED
    for kept in ("<h2>What the treaty says</h2>", 'href="https://treaty.example.org/text"', "<ul>", "Port access",
                 "<blockquote>", "<hr>", "data-file=", "<figcaption>"):  # fmt: skip
        assert kept in article.body, kept
    assert re.search(r"<li>(<p>)?Port access", article.body)

    # 3. Readers see it: home page, feed, and the page with its responsive figure.
    page.goto(f"{live_server.url}/")
    assert page.locator("a", has_text="Harbour treaty explained").count() >= 1
    feed = feedparser.parse(page.request.get(f"{live_server.url}/feeds/rss/").body())
    assert "Harbour treaty explained" in [entry.title for entry in feed.entries]
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    figure = page.locator(".body figure")
    assert figure.locator("img").get_attribute("srcset")
    assert figure.locator("figcaption").inner_text().startswith("The harbour at dawn.")
    assert page.locator(".body h2", has_text="What the treaty says").count() == 1
