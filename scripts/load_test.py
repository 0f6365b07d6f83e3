"""Load test: wrk against gunicorn on 127.0.0.1, production settings, demo content. Run scripts/load-test.

It builds a throwaway site in a temporary folder (database, media, collected static files), starts
gunicorn with config/gunicorn.py on a loopback port, checks every page answers 200, warms the
workers up, then runs wrk for --duration seconds at --connections connections over article, home,
archive, search and feed pages. It passes when wrk saw no socket error and no non-2xx answer, and the
workers' memory grew by less than 10 % over the run. Traffic never leaves 127.0.0.1 and every step
has a time limit. It installs nothing.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# One page of each kind, all from the demo content (articles/demo/seed.py and generated.py).
PAGES = [
    "/articles/colombia-run-off-nato-global-partnership/",
    "/",
    "/?page=2",
    "/region/latin-america-caribbean/",
    "/theme/us-nato-war-agenda/",
    "/author/andrew-korybko/",
    "/source/oriental-review/",
    "/search/?q=Colombia",
    "/search/?q=trade+corridors",
    "/feeds/rss/",
    "/feeds/atom/",
    "/region/latin-america-caribbean/rss/",
]
# What nginx adds in front of gunicorn: the site is then served exactly as in production (HTTPS).
PROXY_HEADER = ("X-Forwarded-Proto", "https")
MAX_GROWTH = 0.10

LUA = """
local paths = %(paths)s
local counter, threads = 0, {}
non2xx = 0  -- a global: done() reads each thread's own with thread:get()
wrk.headers["%(header)s"] = "%(value)s"
function setup(thread) table.insert(threads, thread) end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format("RESULT {\\"requests\\": %%d, \\"non2xx\\": %%d, \\"connect\\": %%d, \\"read\\": %%d, "
    .. "\\"write\\": %%d, \\"status\\": %%d, \\"timeout\\": %%d}\\n",
    summary.requests, total, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def fail(message, code=1):
    print(f"load-test: {message}", file=sys.stderr)
    sys.exit(code)


def run(command, env, timeout, **kwargs):
    result = subprocess.run(command, cwd=ROOT, env=env, timeout=timeout, capture_output=True, text=True, **kwargs)  # noqa: S603
    if result.returncode != 0:
        fail(f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def workers_of(master):
    """PIDs of the gunicorn master's children (its workers)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            children.append(int(stat.parent.name))
    return sorted(children)


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def get(url, timeout=10):
    request = urllib.request.Request(url, headers=dict([PROXY_HEADER]))  # noqa: S310 - a loopback http URL we built
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  # nosec B310  # a loopback http URL we built
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(base, *, threads, connections, duration, script):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "5s", "--latency"]
    command += ["-s", str(script), base]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)  # noqa: S603
    if result.returncode != 0:
        fail(f"wrk failed: {result.stderr}")
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        fail(f"wrk printed no result:\n{result.stdout}")
    return json.loads(line.removeprefix("RESULT ")), result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of measured load (default 60)")
    parser.add_argument("--connections", type=int, default=64, help="open connections (default 64)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2, for 2 cores)")
    parser.add_argument("--warm-up", type=int, default=10, help="seconds of unmeasured load first (default 10)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--database-url", default="", help="default: a new SQLite file in the temporary folder")
    options = parser.parse_args()

    if shutil.which("wrk") is None:
        fail(
            "wrk is not installed. On Debian or Ubuntu: `sudo apt-get install wrk`; on macOS: `brew install wrk`. "
            "This script installs nothing itself.",
            code=2,
        )
    if not GUNICORN.exists():
        fail("no .venv: run `make setup` first.", code=2)

    folder = Path(tempfile.mkdtemp(prefix="crosspost-load-"))
    base = f"http://127.0.0.1:{options.port}"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(folder),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": options.database_url or f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "DJANGO_SITE_DOMAIN": f"127.0.0.1:{options.port}",
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{options.port}",
        "GUNICORN_WORKERS": str(options.workers),
    }
    server = None
    try:
        print(f"Preparing a site in {folder} (production settings, demo content) ...")
        run([PYTHON, "manage.py", "migrate", "--noinput"], env, timeout=300)
        run([PYTHON, "manage.py", "collectstatic", "--noinput"], env, timeout=300)
        run([PYTHON, "manage.py", "load_demo"], env, timeout=300)

        log = open(folder / "gunicorn.log", "w")  # noqa: SIM115 - closed with the server below
        # No worker recycling during the measurement: a recycled worker would hide a leak.
        server = subprocess.Popen(  # noqa: S603
            [GUNICORN, "-c", "config/gunicorn.py", "--max-requests", "0", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while get_status_safely(f"{base}/healthz") != 200:
            if server.poll() is not None or time.monotonic() > deadline:
                fail(f"gunicorn did not start; see {folder / 'gunicorn.log'}")
            time.sleep(0.5)
        wrong = {path: status for path in PAGES if (status := get(base + path)) != 200}
        if wrong:
            fail(f"pages that do not answer 200 before the test: {wrong}")

        script = folder / "pages.lua"
        paths = "{" + ", ".join(json.dumps(path) for path in PAGES) + "}"
        script.write_text(LUA % {"paths": paths, "header": PROXY_HEADER[0], "value": PROXY_HEADER[1]})

        print(f"Warming up for {options.warm_up} s ...")
        wrk(base, threads=options.threads, connections=options.connections, duration=options.warm_up, script=script)
        workers = workers_of(server.pid)
        before = {pid: rss_kib(pid) for pid in workers}

        print(f"Measuring: {options.duration} s, {options.connections} connections, {len(PAGES)} pages ...")
        result, output = wrk(
            base, threads=options.threads, connections=options.connections, duration=options.duration, script=script
        )
        after = {pid: rss_kib(pid) for pid in workers_of(server.pid)}
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()

    print(output.split("RESULT", 1)[0].rstrip())
    errors = sum(result[kind] for kind in ("connect", "read", "write", "timeout"))
    same_workers = set(before) == set(after)
    total_before, total_after = sum(before.values()), sum(after.get(pid, 0) for pid in before)
    growth = (total_after - total_before) / total_before if total_before else 1.0
    print()
    print(f"requests:            {result['requests']}")
    print(f"socket errors:       {errors} (connect {result['connect']}, read {result['read']}, "
          f"write {result['write']}, timeout {result['timeout']})")  # fmt: skip
    print(f"non-2xx responses:   {result['non2xx']}")
    for pid in before:
        print(f"worker {pid} RSS:    {before[pid] / 1024:.1f} MiB -> {after.get(pid, 0) / 1024:.1f} MiB")
    print(f"worker memory:       {growth:+.1%} (limit +{MAX_GROWTH:.0%})")
    problems = []
    if errors:
        problems.append("socket errors")
    if result["non2xx"]:
        problems.append("non-2xx responses")
    if not same_workers:
        problems.append("a worker was replaced during the run (crash or timeout; see gunicorn.log)")
    if growth >= MAX_GROWTH:
        problems.append("worker memory grew too much")
    if problems:
        fail("FAILED: " + ", ".join(problems) + f". Logs: {folder}")
    shutil.rmtree(folder, ignore_errors=True)
    print("PASSED")


def get_status_safely(url):
    try:
        return get(url, timeout=2)
    except OSError:
        return None


if __name__ == "__main__":
    main()
