"""A real varnishd with deploy/varnish/default.vcl on loopback: the benchmark's "through Varnish"
column and the edge tests both start it here.

varnishd runs in the foreground (its own working directory, no management port), its backend
pointed at a server on 127.0.0.1.
"""

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or next(
    (path for path in ("/usr/sbin/varnishd", "/usr/local/sbin/varnishd") if os.access(path, os.X_OK)), None
)


class VarnishError(RuntimeError):
    pass


def available():
    return VARNISHD is not None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def vcl_for(backend_port):
    """deploy/varnish/default.vcl with its backend at 127.0.0.1:`backend_port`."""
    vcl, found = re.subn(r'\.port = "\d+";', f'.port = "{backend_port}";', VCL.read_text(), count=1)
    if not found:
        raise VarnishError(f"{VCL} names no backend port")
    return vcl


def start(vcl, workdir, *, memory="256m", parameters=(), timeout=30):
    """varnishd serving `vcl` on a free loopback port; returns (process, its base URL) once /healthz answers
    200 through it. Its output is in `workdir`/varnishd.log."""
    (workdir / "default.vcl").write_text(vcl)
    address = f"127.0.0.1:{free_port()}"
    command = [VARNISHD, "-F", "-j", "none", "-n", str(workdir / "varnish"), "-a", address, "-T", "none"]
    command += ["-f", str(workdir / "default.vcl"), "-s", f"malloc,{memory}", *parameters]
    # Its output goes to a file: a pipe nobody reads would stop varnishd once the pipe's buffer is full.
    log = workdir / "varnishd.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
    url = f"http://{address}"
    deadline = time.monotonic() + timeout
    while process.poll() is None:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:  # noqa: S310  # nosec B310  # loopback
                if response.status == 200:
                    return process, url
        except OSError:
            pass  # not listening yet, or the backend not yet healthy (503)
        if time.monotonic() > deadline:
            stop(process)
            raise VarnishError(f"varnishd did not answer within {timeout} s")
        time.sleep(0.05)
    raise VarnishError(f"varnishd exited: {log.read_text(errors='replace')}")


def stop(process, timeout=10):
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
