"""What the page-cache tests share: a stand-in for Varnish or a CDN's purge API on 127.0.0.1."""

import threading
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

import pytest


class Recorder(BaseHTTPRequestHandler):
    """Stands in for Varnish or a CDN's API on 127.0.0.1: records each request, answers `server.answer`."""

    def handle_one(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        self.server.seen.append({"method": self.command, "path": self.path, "headers": self.headers, "body": body})
        status, text = self.server.answer
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(text.encode())

    do_PURGE = do_POST = handle_one

    def log_message(self, *args):
        pass


@pytest.fixture
def api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.seen, server.answer = [], (200, '{"status": "ok", "success": true}')
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()
