"""What each page costs to build, in process: `python -m devtools.bench.inprocess [article home ...]`.

The same requests `make bench` makes, through Django's test client with the page cache off, on the
benchmark's database (run `make bench` once to generate it): no gunicorn and no wrk sharing the
machine's cores, so two trees can be compared a minute apart. Prints each page's median and
10th-percentile time over BENCH_REQUESTS requests (150).
"""

import os
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
    from django.test import Client
    from django.test.utils import override_settings

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
            print(f"{name:8s} median {statistics.median(samples):6.2f} ms  p10 {tenth:6.2f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
