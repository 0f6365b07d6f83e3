"""A real Chromium (Debian's, driven by Playwright) and the npm test tools, or a clear skip.

CI sets REQUIRE_BROWSER=1, which turns a missing tool into a failure instead of a skip.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The password of the editors the browser tests sign in as.
PASSWORD = "a-long-browser-test-password"

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def require(condition, what):
    if condition:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} is required here (REQUIRE_BROWSER=1) but missing.")
    pytest.skip(f"{what} is not installed; see README, 'Browser tests'.")


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in requirements/dev.txt
        require(False, "The playwright Python package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    require(AXE.exists(), "axe-core (npm install)")
    return AXE.read_text()


@pytest.fixture(scope="session")
def vnu_jar():
    require(VNU.exists(), "vnu-jar (npm install)")
    require(shutil.which("java") is not None, "Java")
    return VNU


def html_problems(vnu_jar, folder, pages):
    """The Nu HTML Checker's errors in `pages` ({name: HTML as bytes}), each as "name: line N: message"."""
    files = {}
    for name, content in pages.items():
        target = folder / f"{len(files):02d}.html"
        target.write_bytes(content)
        files[str(target)] = name
    result = subprocess.run(  # noqa: S603 - fixed arguments, local files
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *files],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]


def axe_problems(page, name):
    """What axe-core, already loaded in `page`, finds against WCAG 2.1 AA, each as "name: rule (impact): target"."""
    result = page.evaluate("(tags) => axe.run(document, {runOnly: tags})", WCAG)
    return [
        f"{name}: {violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def sign_in(page, live_server, username="desk", password=PASSWORD):
    """Sign in on the admin's login page as an editor would, and wait for the admin's index."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


# --- Layout checks shared by the browser tests: where things are on the page ---------------------


def box(page, selector):
    """The bounding box of the first element matching `selector`, which must be visible."""
    locator = page.locator(selector).first
    assert locator.is_visible(), f"{selector} is not visible"
    return locator.bounding_box()


def overlap(one, other):
    return not (
        one["x"] + one["width"] <= other["x"]
        or other["x"] + other["width"] <= one["x"]
        or one["y"] + one["height"] <= other["y"]
        or other["y"] + other["height"] <= one["y"]
    )
