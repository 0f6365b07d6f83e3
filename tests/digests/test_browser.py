"""In Chromium, at a phone's width and a desktop's: the sign-up under an article, without JavaScript,
and a digest e-mail's HTML as a mail client shows it."""

import datetime
import os
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from digests import services
from digests.mail import digest_message
from digests.models import Frequency
from digests.models import Subscriber
from tests.browser.conftest import axe_problems
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import ThemeFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.browser

WIDTHS = (360, 1280)
# Set DIGEST_SCREENSHOTS=/some/folder to keep what the browser saw, for a person to look at.
SHOTS = os.environ.get("DIGEST_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def live_article(transactional_db):
    publication_settings(site_name="Crosspost Review")
    return CrossPostFactory(
        title="Ports and power on the Pacific coast",
        dek="Who controls the ports controls the trade routes.",
        authors=[AuthorFactory(name="Ana Ruiz"), AuthorFactory(name="Li Wei")],
        regions=[RegionFactory(name="Latin America")],
        themes=[ThemeFactory(name="Trade")],
        lead_image=ImageFactory(alt_text="Cranes over the port of Callao"),
        published_at=timezone.now() - datetime.timedelta(hours=2),
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_a_reader_without_javascript_subscribes_from_an_article(live_server, chromium, live_article, width):
    def reader(page):
        page.goto(live_server.url + live_article.get_absolute_url())
        form = page.locator("section.subscribe")
        form.scroll_into_view_if_needed()
        seen = {
            "fits": page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
            "box": form.bounding_box(),
            "honeypot": page.locator("#subscribe-website").bounding_box(),
        }
        shot(page, f"article-{width}")
        page.get_by_label("Your e-mail address").fill("reader@example.org")
        page.get_by_label("Follow").select_option(label="Region: Latin America")
        page.get_by_label("Daily").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Subscribe").click()
        seen["heading"] = page.get_by_role("heading", level=1).inner_text()
        shot(page, f"check-inbox-{width}")
        return seen

    seen = chromium.run(reader, java_script_enabled=False, viewport={"width": width, "height": 900})

    assert seen["fits"], "nothing wider than the screen"
    assert seen["box"]["x"] >= 0 and seen["box"]["x"] + seen["box"]["width"] <= width
    assert seen["honeypot"] is None or seen["honeypot"]["x"] + seen["honeypot"]["width"] <= 0
    assert seen["heading"] == "Check your inbox"
    assert Subscriber.objects.get().email == "reader@example.org"
    assert mail.outbox[0].to == ["reader@example.org"]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_digest_email_reads_at_every_width(chromium, live_article, axe_source, tmp_path, width):
    reader = Subscriber.objects.create(email="reader@example.org", confirmed_at=timezone.now())
    services.subscription_set(subscriber=reader, kind="publication", subject=None, frequency="daily")
    [digest] = services.digests_build(frequency=Frequency.DAILY)
    html = digest_message(digest, reader).alternatives[0][0]
    file = tmp_path / "digest.html"
    file.write_text(html, encoding="utf-8")

    def mail_client(page):
        page.goto(file.as_uri())
        image = page.locator(".digest-item img").bounding_box()
        page.add_script_tag(content=axe_source)
        found = {
            "fits": page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
            "image": image,
            "axe": axe_problems(page, "digest e-mail"),
        }
        shot(page, f"digest-email-{width}")
        return found

    found = chromium.run(mail_client, viewport={"width": width, "height": 900})
    assert found["fits"]
    assert found["image"]["width"] <= min(width, 600)
    assert found["axe"] == []
