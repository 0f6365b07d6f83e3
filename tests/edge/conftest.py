"""A real Varnish (deploy/varnish/default.vcl) on loopback in front of the Django live server, or a clear skip.

Varnish talks to the site through `Switch`, a TCP forwarder the tests can turn off: the site "down"
without stopping the live server the whole session shares. CI sets REQUIRE_VARNISH=1, which turns
a missing varnishd into a failure instead of a skip.
"""

import contextlib
import os
import re
import socket
import threading

import pytest
import requests

from devtools import varnish as varnishd


def require_varnish():
    if varnishd.available():
        return
    message = "varnishd is not installed (Debian: apt-get install -y varnish varnish-modules); see docs/deployment.md"
    if os.environ.get("REQUIRE_VARNISH") == "1":
        pytest.fail(f"Varnish is required here (REQUIRE_VARNISH=1): {message}.")
    pytest.skip(message)


class Switch:
    """Forwards TCP connections from 127.0.0.1:`port` to `target`; `down()` refuses them, as a stopped site would."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
                upstream = socket.create_connection(self.target)
            except OSError:
                return  # down
            self.open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def down(self):
        self.listener.close()
        for connection in self.open:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


def vcl_for(backend_port, probe_interval):
    """deploy/varnish/default.vcl with the backend at `backend_port` and a probe quick enough for a test."""
    vcl = varnishd.vcl_for(backend_port)
    quick = (
        f'.url = "/healthz"; .interval = {probe_interval}s; .timeout = 0.5s; .window = 1; .threshold = 1; .initial = 1;'
    )
    vcl, found = re.subn(r"\.probe = \{[^}]*\}", f".probe = {{ {quick} }}", vcl, count=1)
    assert found, "the VCL's probe was not found"
    return vcl


class Varnish:
    def __init__(self, url, switch, process):
        self.url, self.switch, self.process = url, switch, process

    def get(self, path, **kwargs):
        return requests.get(self.url + path, timeout=5, allow_redirects=False, **kwargs)


@pytest.fixture
def varnish(live_server, settings, tmp_path):
    """varnishd in front of the live server, with the site purging it (DJANGO_EDGE_PURGE=varnish)."""
    require_varnish()
    host, port = live_server.url.split("//")[1].split(":")
    switch = Switch(("127.0.0.1" if host == "localhost" else host, int(port)))
    settings.ALLOWED_HOSTS = ["*"]
    try:
        process, url = varnishd.start(
            vcl_for(switch.port, probe_interval=0.1),
            tmp_path,
            memory="32m",
            parameters=["-p", "vcc_allow_inline_c=off"],
            timeout=20,
        )
    except varnishd.VarnishError as error:
        pytest.fail(str(error))
    settings.EDGE_PURGE, settings.EDGE_VARNISH_URLS = "varnish", [url + "/"]
    settings.EDGE_MAX_AGE = 3600
    yield Varnish(url, switch, process)
    switch.down()
    varnishd.stop(process, timeout=5)
