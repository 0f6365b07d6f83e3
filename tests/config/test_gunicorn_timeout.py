"""gunicorn's worker timeout really stops a stuck request (config/gunicorn.py), and the site serves on.

gunicorn runs with the project's own configuration file in a subprocess on 127.0.0.1, with a
two-second timeout and a view that sleeps for a minute.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

PROJECT_ROOT = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path, timeout):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_serving(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read()
        try:
            return get(port, "/healthz", timeout=5)
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start")


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.config.settings_slow",
        "SLOW_TEST_DATABASE": str(tmp_path / "db.sqlite3"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_TIMEOUT": "2",
    }
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter's gunicorn, fixed arguments
        [str(gunicorn_bin), "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_serving(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_worker_timeout_stops_a_stuck_request_and_the_site_keeps_serving(gunicorn):
    started = time.monotonic()
    status, body = get(gunicorn, "/stuck/", timeout=30)
    elapsed = time.monotonic() - started

    assert elapsed < 15, f"the stuck request held its worker {elapsed:.0f} s; the timeout is 2 s"
    assert status == 500, "gunicorn answers for the worker it stopped"
    assert b"finished" not in body
    status, body = wait_until_serving(gunicorn, process=_AlwaysRunning())
    assert (status, body) == (200, b"ok\n"), "a new worker serves the next request"


class _AlwaysRunning:
    """wait_until_serving's process check, for a server the fixture already watches."""

    def poll(self):
        return None
