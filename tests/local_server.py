"""What the tests' local servers (tests/origin_server.py, tests/smtp_server.py) have in common."""

import threading
from contextlib import contextmanager


class LocalServer:
    """A mixin for socketserver servers: bound to a free port on 127.0.0.1, a daemon thread per connection."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)

    @property
    def port(self):
        return self.server_address[1]


@contextmanager
def serving(server):
    """Run `server` in a background thread for the `with` block, then stop and close it."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
