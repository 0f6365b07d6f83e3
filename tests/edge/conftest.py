"""A real Varnish (deploy/varnish/default.vcl) on loopback in front of the Django live server, or a clear skip.

Varnish talks to the site through `Switch`, a TCP forwarder the tests can turn off: the site "down"
without stopping the live server the whole session shares. CI sets REQUIRE_VARNISH=1, which turns
a missing varnishd into a failure instead of a skip.
"""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or next(
    (path for path in ("/usr/sbin/varnishd", "/usr/local/sbin/varnishd") if os.access(path, os.X_OK)), None
)


def require_varnish():
    if VARNISHD:
        return
    message = "varnishd is not installed (Debian: apt-get install -y varnish varnish-modules); see docs/deployment.md"
    if os.environ.get("REQUIRE_VARNISH") == "1":
        pytest.fail(f"Varnish is required here (REQUIRE_VARNISH=1): {message}.")
    pytest.skip(message)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
    vcl = VCL.read_text()
    vcl, found = re.subn(r'\.port = "\d+";', f'.port = "{backend_port}";', vcl, count=1)
    assert found, "the VCL's backend port was not found"
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
    (tmp_path / "default.vcl").write_text(vcl_for(switch.port, probe_interval=0.1))
    address = f"127.0.0.1:{free_port()}"
    command = [VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-a", address, "-T", "none"]
    command += ["-f", str(tmp_path / "default.vcl"), "-s", "malloc,32m", "-p", "vcc_allow_inline_c=off"]
    # Its output goes to a file: a pipe nobody reads would stop varnishd once the pipe's buffer is full.
    log_path = tmp_path / "varnishd.log"
    log = log_path.open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    url = f"http://{address}"
    settings.ALLOWED_HOSTS = ["*"]
    settings.EDGE_PURGE, settings.EDGE_VARNISH_URLS = "varnish", [url + "/"]
    settings.EDGE_MAX_AGE = 3600
    deadline = time.monotonic() + 20
    while True:  # ready when a request passes through to a healthy site
        if process.poll() is not None:
            log.close()
            pytest.fail(f"varnishd exited: {log_path.read_text(errors='replace')}")
        try:
            if requests.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("varnishd did not answer within 20 s")
        time.sleep(0.05)
    yield Varnish(url, switch, process)
    switch.down()
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()
