"""The digests' part of `make bench`: 10,000 readers' daily digest built and queued, timed.

`python -m devtools.bench.digests` alone (on the benchmark's database, after `make bench` has made
its corpus), or as the last step of `make bench`. Readers are made for the run and deleted after
it, with the issue and its deliveries: BENCH_DIGEST_SUBSCRIBERS (10,000) confirmed readers, all
following the whole publication daily, one in five a region too. The issue covers the corpus's last
day (the newest article's publication, and the day before it). Measured: building every issue
(articles, credits, HTML and text) with a delivery row per reader, and queueing the sending tasks
(DIGEST_BATCH_SIZE deliveries each) in the database backend, as production does; the e-mail
itself is not sent.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
SUBSCRIBERS = int(os.environ.get("BENCH_DIGEST_SUBSCRIBERS") or 10_000)
DOMAIN = "bench-digest.invalid"  # the readers made here, and only they, have addresses on it


def measure(subscribers=SUBSCRIBERS):
    """Make the readers, time the build and the queueing, clean up; returns the figures."""
    import datetime

    from django.test.utils import override_settings
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from articles.models import Article, Region
    from digests import services, tasks
    from digests.models import Delivery, Digest, Frequency, Subscriber, Subscription, TargetKind

    newest = Article.objects.published().order_by("-published_at").values_list("published_at", flat=True).first()
    if newest is None:
        raise SystemExit("No published article: run `make bench` once to generate the corpus.")
    now = newest + datetime.timedelta(minutes=1)
    cleanup(DOMAIN)
    regions = list(Region.objects.values_list("pk", flat=True)[:5])
    confirmed = timezone.now()
    made = Subscriber.objects.bulk_create(
        [Subscriber(email=f"reader{n}@{DOMAIN}", confirmed_at=confirmed) for n in range(subscribers)],
        batch_size=2000,
    )
    daily = Frequency.DAILY
    follows = [
        Subscription(subscriber=s, kind=TargetKind.PUBLICATION, target_key="publication", frequency=daily) for s in made
    ]
    follows += [
        Subscription(subscriber=s, kind=TargetKind.REGION, region_id=pk, target_key=f"region:{pk}", frequency=daily)
        for s, pk in zip(made[::5], regions * (subscribers // 5 + 1), strict=False)
    ]
    Subscription.objects.bulk_create(follows, batch_size=2000)
    already = set(DBTaskResult.objects.values_list("pk", flat=True))
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        started = time.perf_counter()
        digests = services.digests_build(frequency=Frequency.DAILY, now=now)
        built = time.perf_counter()
        for digest in digests:
            tasks.queue_deliveries(digest.deliveries.values_list("pk", flat=True))
        queued = time.perf_counter()
    deliveries = Delivery.objects.filter(digest__in=digests).count()
    queued_tasks = DBTaskResult.objects.exclude(pk__in=already).count()
    result = {
        "subscribers": subscribers,
        "subscriptions": len(follows),
        "issues": len(digests),
        "articles_in_largest_issue": max((d.articles.count() for d in digests), default=0),
        "deliveries": deliveries,
        "sending_tasks_queued": queued_tasks,
        "build_seconds": round(built - started, 2),
        "queue_seconds": round(queued - built, 2),
        "total_seconds": round(queued - started, 2),
    }
    DBTaskResult.objects.exclude(pk__in=already).delete()
    Digest.objects.filter(pk__in=[d.pk for d in digests]).delete()
    cleanup(DOMAIN)
    return result


def cleanup(domain):
    from digests.models import Subscriber

    Subscriber.objects.filter(email__endswith=f"@{domain}").delete()


def summary(result):
    return (
        f"Digests: {result['subscribers']:,} readers' daily digest ({result['issues']} issues, "
        f"{result['deliveries']:,} deliveries, {result['sending_tasks_queued']} sending tasks) built in "
        f"{result['build_seconds']} s and queued in {result['queue_seconds']} s: {result['total_seconds']} s "
        f"in all (target: under 60 s)"
    )


def main():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    print(summary(measure()))


if __name__ == "__main__":
    main()
