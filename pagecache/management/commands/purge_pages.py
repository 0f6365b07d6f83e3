"""Forget cached pages and purge them from the shared cache in front; run after each release."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pagecache import edge
from pagecache.models import Purge
from pagecache.store import EVERY_PAGE, forget


class Command(BaseCommand):
    help = (
        "Forget every cached page and remembered value (or only those showing the surrogate keys given) and "
        "purge them from the shared cache in front. Run it after each release: pages are then rendered again "
        "by the new templates and code."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "keys",
            nargs="*",
            metavar="KEY",
            help=f'surrogate keys as pages send them ("article-12", "author-3"); none: every page ("{EVERY_PAGE}")',
        )

    def handle(self, *args, keys, **options):
        keys = sorted(set(keys)) or [EVERY_PAGE]
        malformed = [key for key in keys if not key.isascii() or not key.replace("-", "").isalnum()]
        if malformed:
            raise CommandError(
                f"Not a surrogate key: {', '.join(map(repr, malformed))}. Keys are letters, digits and hyphens, "
                'as in the Surrogate-Key header of a page ("article-12").'
            )
        forget(keys)
        named = "every page" if keys == [EVERY_PAGE] else "the pages showing " + " ".join(keys)
        self.stdout.write(f"Forgot {named} in the page cache.")
        if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
            self.stdout.write(
                "The cache is in each process's memory (no REDIS_URL): the site's own processes keep theirs until "
                "they restart."
            )
        purge = edge.purge_later(keys)
        if purge is None:
            self.stdout.write("No shared cache in front is set up (DJANGO_EDGE_PURGE), so nothing was purged there.")
            return
        purge.refresh_from_db()  # the task may have run already (with no worker, or a fast one)
        if purge.result == Purge.Result.PENDING:
            self.stdout.write(f"Purge {purge.pk} to {purge.backend} is queued: the task worker sends it.")
        elif purge.result == Purge.Result.DONE:
            self.stdout.write(f"Purge {purge.pk} to {purge.backend}: purged.")
        else:
            result = purge.get_result_display().lower()
            self.stdout.write(f"Purge {purge.pk} to {purge.backend}: {result}: {purge.detail}")
