"""Other sites, for tests: an HTTP server on 127.0.0.1 whose pages a test sets and flips per path.

    with origin_server() as origin:
        origin.page("/story/", "<html>...</html>")
        origin.redirect("/old/", "/story/", status=301)
        origin.status("/gone/", 410)
        origin.slow("/slow/", seconds=3)
        origin.huge("/big/", size=10_000_000)
        origin.robots("User-agent: *\\nDisallow: /private/")
        fetch(origin.url("/story/"))
        origin.requests  # [(path, headers), ...] in the order they came

Paths not set answer 404 (robots.txt included, which means "fetch anything").
"""

import dataclasses
import http.server
import threading
import time

from tests.local_server import LocalServer
from tests.local_server import serving


@dataclasses.dataclass
class Page:
    status: int = 200
    body: bytes = b""
    headers: dict = dataclasses.field(default_factory=dict)
    delay: float = 0.0  # seconds before the first byte
    drip: float = 0.0  # seconds between chunks of the body
    size: int | None = None  # a body of this many bytes, sent in chunks (huge pages), instead of `body`
    declare_length: bool = True


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002  # quiet: tests read `requests` instead
        pass

    def do_GET(self):
        server = self.server
        path = self.path
        with server.lock:
            server.requests.append((path, {name.lower(): value for name, value in self.headers.items()}))
            page = server.pages.get(path.split("?", 1)[0], Page(status=404, body=b"<h1>Not found</h1>"))
        try:
            if page.delay:
                time.sleep(page.delay)
            self.send_response(page.status)
            headers = {"Content-Type": "text/html; charset=utf-8", **page.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            length = page.size if page.size is not None else len(page.body)
            if page.declare_length:
                self.send_header("Content-Length", str(length))
            self.send_header("Connection", "close")
            self.end_headers()
            if page.size is not None:
                chunk = b"x" * 65536
                sent = 0
                while sent < page.size:
                    piece = chunk[: page.size - sent]
                    self.wfile.write(piece)
                    sent += len(piece)
                    if page.drip:
                        time.sleep(page.drip)
            elif page.drip:
                for index in range(0, len(page.body), 16):
                    self.wfile.write(page.body[index : index + 16])
                    self.wfile.flush()
                    time.sleep(page.drip)
            else:
                self.wfile.write(page.body)
            self.wfile.flush()
        except OSError:
            return  # the client gave up on us: that is what some tests want
        self.close_connection = True


class OriginServer(LocalServer, http.server.ThreadingHTTPServer):
    def __init__(self, tls=None):
        super().__init__(_Handler)
        self.tls = tls
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.lock = threading.Lock()
        self.pages: dict[str, Page] = {}
        self.requests: list[tuple[str, dict]] = []

    def url(self, path="/"):
        if self.tls is not None:
            return f"https://localhost:{self.port}{path}"  # the name its certificate is for
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path, page):
        with self.lock:
            self.pages[path] = page

    def page(self, path, html, *, status=200, headers=None, delay=0.0, drip=0.0):
        body = html.encode() if isinstance(html, str) else html
        self.set(path, Page(status=status, body=body, headers=dict(headers or {}), delay=delay, drip=drip))

    def status(self, path, status, html="", headers=None):
        self.page(path, html or f"<h1>{status}</h1>", status=status, headers=headers)

    def redirect(self, path, to, *, status=301):
        location = to if "://" in to else self.url(to)
        self.page(path, "", status=status, headers={"Location": location})

    def slow(self, path, *, seconds, html="<p>at last</p>"):
        self.page(path, html, delay=seconds)

    def huge(self, path, *, size, declare_length=True, drip=0.0):
        self.set(path, Page(size=size, declare_length=declare_length, drip=drip))

    def robots(self, text, *, status=200):
        self.page("/robots.txt", text, status=status, headers={"Content-Type": "text/plain"})

    def paths_requested(self):
        with self.lock:
            return [path for path, _headers in self.requests]


def origin_server(tls=None):
    """A running OriginServer on 127.0.0.1 at a free port, stopped on exit; `tls`: an ssl.SSLContext to serve HTTPS."""
    return serving(OriginServer(tls))
