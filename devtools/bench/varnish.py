"""`make bench`'s "through Varnish" column: deploy/varnish/default.vcl in front of the benchmark's gunicorn.

varnishd runs in the foreground on 127.0.0.1 (its own working directory, no management port), its
backend pointed at the benchmark's server. Skipped, with a note, where varnishd is not installed.
"""

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"


def available():
    return shutil.which("varnishd") is not None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(backend_port, workdir):
    """varnishd in front of 127.0.0.1:`backend_port`; returns (process, its base URL) once it answers."""
    vcl = re.sub(r'\.port = "\d+";', f'.port = "{backend_port}";', VCL.read_text(), count=1)
    (workdir / "bench.vcl").write_text(vcl)
    address = f"127.0.0.1:{free_port()}"
    command = ["varnishd", "-F", "-j", "none", "-n", str(workdir / "varnish"), "-a", address, "-T", "none"]
    command += ["-f", str(workdir / "bench.vcl"), "-s", "malloc,256m"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)  # noqa: S603, S607
    url = f"http://{address}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310  # nosec B310  # loopback
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("varnishd did not answer within 30 s")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
