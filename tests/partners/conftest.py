import datetime
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from attribution.models import CopyrightHolders
from tests.browser import conftest as browser_tools
from tests.browser.conftest import axe_source  # noqa: F401 - the shared tool fixtures
from tests.browser.conftest import vnu_jar  # noqa: F401 - the shared tool fixtures
from tests.conftest import CONTACT  # noqa: F401 - the permissions contact of the `publication` fixture
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import SourceFactory

from .reprint_pages import ORIGINAL


def form_data(**values):
    """A valid submission of the per-article form; the general form also needs `article_url`."""
    data = {
        "name": "Ada Partner",
        "organisation": "Partner Press",
        "email": "ada@press.example.com",
        "medium": "commercial_web",
        "publication_name": "The Partner Weekly",
        "publication_url": "https://weekly.example.com/",
        "planned_date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
        "audience": "40,000 monthly visitors",
        "message": "We would like to run it next week.",
        "agreed_to_terms": "on",
        "website": "",
    }
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


def request_url(article=None):
    if article is None:
        return reverse("partners:request")
    return reverse("partners:request_article", kwargs={"slug": article.slug})


@pytest.fixture
def general_data(article):
    return form_data(article_url="http://testserver" + article.get_absolute_url())


class BrowserThread:
    """Debian's Chromium, driven by Playwright from a thread of its own.

    Playwright's sync API runs one instance per thread, and tests/browser/conftest.py's session-wide
    `browser` may already hold this one; a second instance on the same thread fails to start. So
    these tests hand each scenario (a function of a fresh page) to this thread and get its result back.
    """

    def __init__(self):
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self._thread.submit(self._start).result()

    def _start(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=browser_tools.CHROMIUM, headless=True, args=browser_tools.CHROMIUM_ARGS
        )

    def run(self, scenario, **context_options):
        """`scenario(page)` in a new browser context; its return value, or its exception, comes back here."""

        def job():
            context = self._browser.new_context(**context_options)
            try:
                return scenario(context.new_page())
            finally:
                context.close()

        return self._thread.submit(job).result()

    def close(self):
        self._thread.submit(lambda: (self._browser.close(), self._playwright.stop())).result()
        self._thread.shutdown()


@pytest.fixture(scope="session")
def chromium():
    browser_tools.require(Path(browser_tools.CHROMIUM).exists(), f"Chromium at {browser_tools.CHROMIUM}")
    browser = BrowserThread()
    yield browser
    browser.close()


@pytest.fixture
def crosspost(publication):
    """Two authors, credited in the byline only (the source holds copyright), and a canonical to the original."""
    return CrossPostFactory(
        title="Ports, power and politics",
        slug="ports-power-and-politics",
        source=SourceFactory(name="Harbour Review", default_copyright_holders=CopyrightHolders.SOURCE),
        original_url=ORIGINAL,
        original_published_on=datetime.date(2019, 5, 4),
        authors=[AuthorFactory(name="Ada Lovelace"), AuthorFactory(name="Bo Zhang")],
    )
