"""`make bench`: generate the corpus, serve it with gunicorn on 127.0.0.1, load each page with wrk, report.

Every page is measured on a freshly started server (so each worker's peak memory is that page's),
warmed up first (with the page cache on, every rotating page is requested once beforehand), then
loaded for BENCH_DURATION seconds by wrk on loopback. The ceiling view is measured in the same
run, and every page is reported against it. Results: a table on stdout, and JSON in
devtools/bench/results.json (and devtools/bench/results-<database>-<cache>-<articles>.json).

Last, the soak: every kind of page in turn at BENCH_SOAK_CONNECTIONS connections for
BENCH_SOAK_DURATION seconds, on one server whose workers are never recycled. It fails the run (exit
status 1) when a page does not answer 200 before it, when wrk sees a socket error or a non-2xx
answer, when a worker is replaced (a crash or a timeout), or when the workers' memory grows by
MAX_GROWTH or more over it (a leak).

Environment (all optional):
  BENCH_ARTICLES     corpus size (10000)                  DATABASE_URL  PostgreSQL (SQLite file otherwise)
  BENCH_DURATION     seconds of load per page (10)         REDIS_URL     shared cache for the workers (else
                                                           Redis at 127.0.0.1:6379/15 if it answers, else files)
  BENCH_LATENCY_DURATION  seconds at one connection per page, for latency alone (5)
  BENCH_CONNECTIONS  wrk connections (16)                  BENCH_THREADS wrk threads (2)
  BENCH_URLS         article addresses to rotate (2000)    BENCH_SEED    corpus seed (1)
  BENCH_PORT         port on 127.0.0.1 (8765)              BENCH_REUSE_CORPUS=1  keep a corpus of the right size
  BENCH_PAGES        only these pages, e.g. article,search (the ceiling is always measured)
  BENCH_SOAK_DURATION     seconds of the soak (60; 0 skips it)   BENCH_SOAK_CONNECTIONS  its connections (64)
  BENCH_VARNISH=0    skip the "through Varnish" column (measured when varnishd is installed)
  BENCH_ZIPF_REQUESTS     requests of the Zipf-distributed walk over every article, through Varnish (20000)

Then the digests: 10,000 readers' daily digest built and queued, timed (devtools/bench/digests.py).

Through Varnish: article, home, archive and feed are loaded again through deploy/varnish/default.vcl
in front of a server with the page cache on, after one visit of each path (so wrk measures hits);
then a walk over every published article, Zipf-distributed (s = 1, as readers favour a few), from a
cold Varnish, reports the share of requests Varnish answered itself.
"""

import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from config.env import env_int

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
sys.path.insert(0, str(ROOT))


ARTICLES = env_int("BENCH_ARTICLES", 10_000)
DURATION = env_int("BENCH_DURATION", 10)
LATENCY_DURATION = env_int("BENCH_LATENCY_DURATION", 5)
CONNECTIONS = env_int("BENCH_CONNECTIONS", 16)
THREADS = env_int("BENCH_THREADS", 2)
URL_COUNT = env_int("BENCH_URLS", 2000)
SEED = env_int("BENCH_SEED", 1)
PORT = env_int("BENCH_PORT", 8765)
# Only some pages (the ceiling is always measured): article, cached, home, archive, search, feed, soak.
PAGES = [key.strip() for key in os.environ.get("BENCH_PAGES", "").split(",") if key.strip()]
SOAK_DURATION = env_int("BENCH_SOAK_DURATION", 60)
SOAK_CONNECTIONS = env_int("BENCH_SOAK_CONNECTIONS", 64)
VARNISH = os.environ.get("BENCH_VARNISH", "1") != "0"
ZIPF_REQUESTS = env_int("BENCH_ZIPF_REQUESTS", 20_000)
THROUGH_VARNISH = {"article", "home", "archive", "feed"}
BASE_URL = f"http://127.0.0.1:{PORT}"
WARM_UP = 3  # seconds of load before each measurement
SOAK_WARM_UP = 10
MAX_GROWTH = 0.10  # of the workers' resident memory over the soak


def ensure_postgres_database():
    """Create the database DATABASE_URL names if the server has no such database yet."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError:
        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def setup_django():
    import django

    django.setup()


def prepare_corpus():
    from django.core.management import call_command
    from tqdm import tqdm

    from devtools import corpus

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    existing = corpus.generated_articles().count()
    if os.environ.get("BENCH_REUSE_CORPUS") == "1" and existing == ARTICLES:
        print(f"Reusing the corpus of {existing} generated articles.")
        return None
    if existing:
        corpus.remove_generated()
    with tqdm(total=ARTICLES, unit="article", desc="corpus") as progress:
        report = corpus.generate(ARTICLES, seed=SEED, progress=progress)
    print(f"Generated {report.articles} articles in {report.seconds:.1f} s.")
    return round(report.seconds, 1)


def page_paths(workdir):
    """The pages to load, each a file of paths that wrk requests in turn."""
    from articles.models import Region, Theme
    from devtools import corpus

    rng = random.Random(SEED)
    slugs = list(corpus.generated_articles().published().order_by("pk").values_list("slug", flat=True))
    slugs = rng.sample(slugs, min(URL_COUNT, len(slugs)))
    archives = [region.get_absolute_url() for region in Region.objects.filter(slug__startswith=corpus.PREFIX)]
    archives += [theme.get_absolute_url() for theme in Theme.objects.filter(slug__startswith=corpus.PREFIX)]
    topics = rng.sample(corpus.topic_list(), 20)
    lists = {
        "article": [f"/articles/{slug}/" for slug in slugs],
        "home": ["/"],
        "archive": archives,
        "search": ["/search/?q=" + topic.replace(" ", "+") for topic in topics],
        "feed": ["/feeds/rss/"],
        "ceiling": [f"/bench/ceiling/{slug}/" for slug in slugs],
    }
    # Every kind of page in turn, the second page of the home page and an archive's feed included.
    lists["soak"] = [
        path
        for group in zip(lists["article"][:50], lists["search"] * 3, (archives * 3)[:50], strict=False)
        for path in group
    ] + ["/", "/?page=2", "/feeds/rss/", "/feeds/atom/", *[f"{path}rss/" for path in archives[:3]]]
    files = {}
    for name, paths in lists.items():
        files[name] = workdir / f"{name}.txt"
        files[name].write_text("\n".join(paths) + "\n")
    # (key, label, paths, page cache on?)
    pages = [
        ("article", "article", files["article"], False),
        ("cached", "article, page cache on", files["article"], True),
        ("home", "home", files["home"], False),
        ("archive", "archive (region or theme, page 1)", files["archive"], False),
        ("search", "search (two words)", files["search"], False),
        ("feed", "feed (RSS)", files["feed"], False),
        ("ceiling", "ceiling", files["ceiling"], False),
    ]
    wanted = set(PAGES) | {"ceiling"} if PAGES else {key for key, *_ in pages}
    soak_file = files["soak"] if SOAK_DURATION and (not PAGES or "soak" in PAGES) else None
    edge = [(key, label, paths) for key, label, paths, cached in pages if key in wanted and key in THROUGH_VARNISH]
    return [(label, paths, cached) for key, label, paths, cached in pages if key in wanted], lists, soak_file, edge


def queries_per_page(pages, lists):
    """What each page costs in queries, counted in this process: the steady state, as a reader meets it."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    results = {}
    for label, path_file, cached in pages:
        path = path_file.read_text().split("\n", 1)[0]
        with override_settings(PAGE_CACHE=cached):
            client = Client()
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
        results[label] = {"queries": len(captured), "status": response.status_code, "bytes": len(response.content)}
    connection.close()
    return results


def start_server(cached, log, **extra):
    env = {**os.environ, "BENCH_PAGE_CACHE": "1" if cached else "0", "BENCH_BIND": f"127.0.0.1:{PORT}", **extra}
    server = subprocess.Popen(  # noqa: S603 - our own venv's gunicorn, fixed arguments
        [str(BIN / "gunicorn"), "-c", str(ROOT / "devtools" / "bench" / "gunicorn.py"), "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{BASE_URL}/healthz", timeout=2) as response:  # noqa: S310  # nosec B310  # loopback
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit(f"gunicorn did not answer on {BASE_URL} within a minute; see devtools/bench/gunicorn.log")


def worker_pids(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def rss_kib(pid):
    """A worker's resident memory now (VmRSS), in KiB; 0 once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def status_of(path):
    try:
        with urllib.request.urlopen(BASE_URL + path, timeout=30) as response:  # noqa: S310  # nosec B310  # loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def peak_rss_mb(pids):
    """The largest peak resident set size (VmHWM) among the workers, in MB."""
    peaks = []
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return round(max(peaks), 1) if peaks else None


def stop_server(server):
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wrk(path_file, seconds, connections=None, threads=None, base_url=BASE_URL):
    command = [
        "wrk",
        f"-t{threads or THREADS}",
        f"-c{connections or CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "-s",
        str(ROOT / "devtools" / "bench" / "rotate.lua"),
        base_url,
        "--",
        str(path_file),
    ]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout  # noqa: S603
    line = next(line for line in reversed(output.splitlines()) if line.startswith("{"))
    return json.loads(line)


def visit_each(path_file, base_url=BASE_URL):
    """Request every path once, eight at a time: with the page cache on, each page is then stored."""

    def fetch(path):
        with urllib.request.urlopen(base_url + path, timeout=30) as response:  # noqa: S310  # nosec B310  # loopback
            response.read()

    paths = [path for path in path_file.read_text().splitlines() if path]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(fetch, paths))


def measure(label, path_file, cached, log):
    server = start_server(cached, log)
    try:
        if cached:
            visit_each(path_file)
        wrk(path_file, WARM_UP)
        result = wrk(path_file, DURATION)
        # One request at a time: what a page costs to serve, without waiting behind fifteen others.
        alone = wrk(path_file, LATENCY_DURATION, connections=1, threads=1)
        memory = peak_rss_mb(worker_pids(server))
    finally:
        stop_server(server)
    seconds = result["duration_us"] / 1e6
    return {
        "page": label,
        "page_cache": cached,
        "requests_per_second": round(result["requests"] / seconds, 1),
        "p50_ms": round(result["p50_us"] / 1000, 2),
        "p99_ms": round(result["p99_us"] / 1000, 2),
        "p50_one_connection_ms": round(alone["p50_us"] / 1000, 2),
        "p99_one_connection_ms": round(alone["p99_us"] / 1000, 2),
        "errors": result["errors"] + alone["errors"],
        "requests": result["requests"],
        "worker_peak_rss_mb": memory,
    }


def through_varnish(pages, workdir, log):
    """{label: requests/s through Varnish, hits only} and the Zipf walk's hit ratio, with one server and one Varnish."""
    from devtools import corpus, varnish

    # Shared caches keep pages an hour here: nothing is purged during the run.
    server = start_server(True, log, DJANGO_EDGE_MAX_AGE="3600")
    vcl = varnish.vcl_for(PORT)
    process, url = varnish.start(vcl, workdir)
    rates = {}
    try:
        for _key, label, path_file in pages:
            print(f"Loading {label} through Varnish ...", flush=True)
            visit_each(path_file, base_url=url)
            wrk(path_file, WARM_UP, base_url=url)
            result = wrk(path_file, DURATION, base_url=url)
            rates[label] = round(result["requests"] / (result["duration_us"] / 1e6), 1)
            print(f"  {rates[label]:,.0f} requests/s, {result['errors']} errors", flush=True)
        varnish.stop(process)
        process, url = varnish.start(vcl, workdir)  # cold again for the walk
        slugs = list(corpus.generated_articles().published().order_by("pk").values_list("slug", flat=True))
        print(f"Zipf walk: {ZIPF_REQUESTS:,} requests over {len(slugs):,} articles through Varnish ...", flush=True)
        rng = random.Random(SEED)
        rng.shuffle(slugs)  # popularity has nothing to do with age here
        weights = [1 / rank for rank in range(1, len(slugs) + 1)]
        walk = rng.choices(slugs, weights=weights, k=ZIPF_REQUESTS)

        def hit(slug):
            with urllib.request.urlopen(f"{url}/articles/{slug}/", timeout=30) as response:  # noqa: S310  # nosec B310  # URLs from our settings or loopback
                response.read()
                return response.headers.get("X-Cache") == "HIT"

        with ThreadPoolExecutor(max_workers=8) as pool:
            hits = sum(pool.map(hit, walk))
    finally:
        varnish.stop(process)
        stop_server(server)
    return rates, {"requests": ZIPF_REQUESTS, "articles": len(slugs), "hit_ratio": round(hits / ZIPF_REQUESTS, 3)}


def soak(path_file, log):
    """Every kind of page at many connections for long, on workers never recycled: errors, crashes, leaks."""
    paths = list(dict.fromkeys(path for path in path_file.read_text().splitlines() if path))
    server = start_server(False, log)
    try:
        wrong = {path: status for path in paths if (status := status_of(path)) != 200}
        if wrong:
            return {"passed": False, "problems": [f"pages that do not answer 200 before the soak: {wrong}"]}
        wrk(path_file, SOAK_WARM_UP, connections=SOAK_CONNECTIONS)
        workers = sorted(worker_pids(server))
        before = {pid: rss_kib(pid) for pid in workers}
        result = wrk(path_file, SOAK_DURATION, connections=SOAK_CONNECTIONS)
        replaced = sorted(worker_pids(server)) != workers
        after = {pid: rss_kib(pid) for pid in workers}
    finally:
        stop_server(server)
    total_before, total_after = sum(before.values()), sum(after.values())
    growth = (total_after - total_before) / total_before if total_before else 1.0
    problems = []
    if result["errors"] - result["non_2xx"]:
        problems.append("socket errors")
    if result["non_2xx"]:
        problems.append("non-2xx answers")
    if replaced:
        problems.append("a worker was replaced during the soak (a crash or a timeout; see devtools/bench/gunicorn.log)")
    if growth >= MAX_GROWTH:
        problems.append(f"the workers' memory grew by {growth:.1%} (limit {MAX_GROWTH:.0%})")
    return {
        "passed": not problems,
        "problems": problems,
        "seconds": SOAK_DURATION,
        "connections": SOAK_CONNECTIONS,
        "pages": len(paths),
        "requests": result["requests"],
        "requests_per_second": round(result["requests"] / (result["duration_us"] / 1e6), 1),
        "p50_ms": round(result["p50_us"] / 1000, 2),
        "p99_ms": round(result["p99_us"] / 1000, 2),
        "errors": result["errors"],
        "non_2xx": result["non_2xx"],
        "worker_rss_mb_before_and_after": [round(total_before / 1024, 1), round(total_after / 1024, 1)],
        "worker_memory_growth_percent": round(growth * 100, 1),
    }


def soak_summary(result):
    if result.get("problems") and "requests" not in result:
        return f"Soak: FAILED: {'; '.join(result['problems'])}"
    line = (
        f"Soak: {result['requests']:,} requests over {result['pages']} pages in {result['seconds']} s at "
        f"{result['connections']} connections ({result['requests_per_second']:,.0f}/s, p50 {result['p50_ms']} ms, "
        f"p99 {result['p99_ms']} ms); {result['errors']} errors ({result['non_2xx']} non-2xx); workers' memory "
        f"{result['worker_rss_mb_before_and_after'][0]} → {result['worker_rss_mb_before_and_after'][1]} MB "
        f"({result['worker_memory_growth_percent']:+} %)"
    )
    return f"{line}: {'passed' if result['passed'] else 'FAILED: ' + '; '.join(result['problems'])}"


def machine():
    from django.conf import settings
    from django.db import connection

    import config.gunicorn as gunicorn_config

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        database_version = cursor.fetchone()[0]
    connection.close()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n", 1)[0]  # noqa: S607
    import django

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": f"{connection.vendor} {database_version}",
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[1],
        "gunicorn": (
            f"{gunicorn_config.workers} {gunicorn_config.worker_class} workers x {gunicorn_config.threads} threads"
        ),
        "load": f"{wrk_version}, -t{THREADS} -c{CONNECTIONS} -d{DURATION}s per page after a warm-up, 127.0.0.1",
    }


def ceiling_ratios(row, ceiling):
    """A page against the ceiling: its requests/s under load over the ceiling's, and the ceiling's
    one-connection p50 over its own (the same question without the queueing of sixteen connections
    on two cores, which moves the first ratio from run to run)."""
    alone = row.get("p50_one_connection_ms")
    return (
        row["requests_per_second"] / ceiling["requests_per_second"],
        ceiling["p50_one_connection_ms"] / alone if alone else None,
    )


def table(results):
    ceiling = next(row for row in results if row["page"] == "ceiling")
    header = (
        f"| page | req/s | × ceiling | × ceiling, 1 conn. | p50 ms ({CONNECTIONS} conn.) "
        f"| p99 ms ({CONNECTIONS} conn.) | p50 ms (1 conn.) | p99 ms (1 conn.) "
        "| errors | queries | KB | worker peak RSS MB | through Varnish req/s | × ceiling |"
    )
    lines = [header, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in results:
        loaded, alone = ceiling_ratios(row, ceiling)
        alone = f"{alone:.2f}" if alone is not None else "–"
        lines.append(
            f"| {row['page']} | {row['requests_per_second']:,.0f} | {loaded:.2f} | {alone} | "
            f"{row['p50_ms']} | {row['p99_ms']} | {row['p50_one_connection_ms']} | {row['p99_one_connection_ms']} | "
            f"{row['errors']} | {row['queries']} | {row['bytes'] / 1024:,.0f} | {row['worker_peak_rss_mb']} | "
            + (
                f"{edge:,.0f} | {edge / ceiling['requests_per_second']:.1f} |"
                if (edge := row.get("through_varnish_requests_per_second"))
                else "– | – |"
            )
        )
    return "\n".join(lines)


LOCAL_REDIS = "redis://127.0.0.1:6379/15"  # a database of its own, emptied before each run


def choose_shared_cache():
    """The workers' shared cache: REDIS_URL; else this machine's Redis, as in production; else files.

    Files are a poor stand-in: Django's file cache lists its whole folder on every write, and the page cache
    writes a record for each surrogate key a page is the first to show.
    """
    if os.environ.get("REDIS_URL"):
        return
    import redis

    try:
        client = redis.Redis.from_url(LOCAL_REDIS, socket_connect_timeout=1)
        client.flushdb()
    except redis.exceptions.RedisError:
        print("No Redis at 127.0.0.1:6379: the workers share a file cache (first visits are much slower).")
        return
    os.environ["REDIS_URL"] = LOCAL_REDIS
    print(f"Shared cache: {LOCAL_REDIS} (emptied)")


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    choose_shared_cache()
    ensure_postgres_database()
    setup_django()
    # Other work on the machine competes for its cores: the report says how busy it was.
    load_before = os.getloadavg()
    generation_seconds = prepare_corpus()
    workdir = Path(tempfile.mkdtemp(prefix="crosspost-bench-"))
    pages, lists, soak_file, edge_pages = page_paths(workdir)
    counts = queries_per_page(pages, lists)
    info = machine()
    results = []
    with open(ROOT / "devtools" / "bench" / "gunicorn.log", "w") as log:
        for label, path_file, cached in pages:
            print(f"Loading {label} ...", flush=True)
            row = measure(label, path_file, cached, log) | counts[label]
            print(f"  {row['requests_per_second']:,.0f} requests/s", flush=True)
            results.append(row)
        zipf = None
        if VARNISH and edge_pages:
            from devtools import varnish

            if varnish.available():
                rates, zipf = through_varnish(edge_pages, workdir, log)
                for row in results:
                    row["through_varnish_requests_per_second"] = rates.get(row["page"])
            else:
                print("varnishd is not installed (apt-get install -y varnish varnish-modules): no Varnish column.")
        if soak_file is not None:
            print(f"Soak: every kind of page, {SOAK_CONNECTIONS} connections, {SOAK_DURATION} s ...", flush=True)
            soaked = soak(soak_file, log)
    ceiling = next(row for row in results if row["page"] == "ceiling")
    for row in results:
        loaded, alone = ceiling_ratios(row, ceiling)
        row["ratio_to_ceiling"] = round(loaded, 2)
        row["ratio_to_ceiling_one_connection"] = round(alone, 2) if alone is not None else None
    report = {
        "when": time.strftime("%Y-%m-%d %H:%M %Z"),
        "command": command_line(),
        "articles": ARTICLES,
        "corpus_generation_seconds": generation_seconds,
        "rotating_article_urls": len(lists["article"]),
        "machine": info,
        "load_average_before_and_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "pages": results,
    }
    if soak_file is not None:
        report["soak"] = soaked
    print("Digests: 10,000 readers' daily digest, built and queued ...", flush=True)
    from devtools.bench import digests as digest_bench

    report["digests"] = digest_bench.measure()
    if zipf is not None:
        report["varnish_zipf_walk"] = zipf
    text = json.dumps(report, indent=2) + "\n"
    (ROOT / "devtools" / "bench" / "results.json").write_text(text)
    vendor, cache = info["database"].split()[0], info["cache"].removesuffix("Cache").lower()
    if not PAGES:  # a partial run (BENCH_PAGES) leaves the last full run's file alone
        (ROOT / "devtools" / "bench" / f"results-{vendor}-{cache}-{ARTICLES}.json").write_text(text)
    shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(f"{ARTICLES:,} articles on {info['database']}; corpus generated in {generation_seconds} s")
    print(f"{info['cpu']}, {info['cores']} cores; {info['gunicorn']}; {info['load']}")
    print(table(results))
    if zipf is not None:
        print(
            f"\nThrough Varnish, a Zipf walk (s = 1) of {zipf['requests']:,} requests over {zipf['articles']:,} "
            f"articles from a cold cache: {zipf['hit_ratio']:.1%} hits"
        )
    if soak_file is not None:
        print("\n" + soak_summary(soaked))
    print("\n" + digest_bench.summary(report["digests"]))
    print("\nJSON: devtools/bench/results.json")
    if soak_file is not None and not soaked["passed"]:
        raise SystemExit(1)


def command_line():
    variables = [
        f"{name}={os.environ[name]}"
        for name in (
            "BENCH_ARTICLES",
            "DATABASE_URL",
            "REDIS_URL",
            "BENCH_DURATION",
            "BENCH_CONNECTIONS",
            "BENCH_REUSE_CORPUS",
            "BENCH_PAGES",
            "BENCH_SOAK_DURATION",
            "BENCH_SOAK_CONNECTIONS",
        )
        if os.environ.get(name)
    ]
    return " ".join([*variables, "make bench"])


if __name__ == "__main__":
    main()
