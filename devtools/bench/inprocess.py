"""What each page costs to build, in process: `python -m devtools.bench.inprocess [article home ...]`.

The same requests `make bench` makes, through Django's test client with the page cache off, on the
benchmark's database (run `make bench` once to generate it): no gunicorn and no wrk sharing the
machine's cores, so two trees can be compared a minute apart. Prints each page's median and
10th-percentile time over BENCH_REQUESTS requests (150), and the CPU time this process spent per
request (the best of four rounds): on a machine shared with other work the CPU time moves far less
than the clock. The benchmark's own cache folder is emptied first, so values one tree stored
(`remember`) never stand in for another tree's (with REDIS_URL it is left alone: clearing Redis
flushes its whole database).
"""

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
REQUESTS = int(os.environ.get("BENCH_REQUESTS") or 150)


def pages():
    from django.urls import reverse

    from articles.models import Article, Region

    articles = Article.objects.published().order_by("pk").values_list("slug", flat=True)[:50]
    region = Region.objects.order_by("pk").values_list("slug", flat=True).first()
    return {
        "article": [reverse("articles:detail", kwargs={"slug": slug}) for slug in articles],
        "home": [reverse("home")],
        "archive": [reverse("articles:region", kwargs={"slug": region})],
        "search": [reverse("articles:search") + "?q=water+policy"],
        "feed": [reverse("articles:rss")],
    }


def main(wanted):
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    if settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
        # The benchmark's own folder (config.settings.bench). Redis is left alone: it may be shared.
        shutil.rmtree(settings.CACHES["default"]["LOCATION"], ignore_errors=True)
    with override_settings(PAGE_CACHE=False, ALLOWED_HOSTS=["*"]):
        client = Client()
        for name, urls in pages().items():
            if wanted and name not in wanted:
                continue
            for url in urls[:5]:  # warm up: templates compiled, settings cached
                client.get(url)
            samples = []
            for index in range(REQUESTS):
                started = time.perf_counter()
                response = client.get(urls[index % len(urls)])
                samples.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    sys.exit(f"{urls[index % len(urls)]} answered {response.status_code}")
            tenth = sorted(samples)[len(samples) // 10]
            cpu = min(cpu_per_request(client, urls) for _ in range(4))
            print(f"{name:8s} median {statistics.median(samples):6.2f} ms  p10 {tenth:6.2f} ms  CPU {cpu:6.2f} ms")


def cpu_per_request(client, urls, count=40):
    started = time.process_time()
    for index in range(count):
        client.get(urls[index % len(urls)])
    return (time.process_time() - started) * 1000 / count


if __name__ == "__main__":
    main(sys.argv[1:])
