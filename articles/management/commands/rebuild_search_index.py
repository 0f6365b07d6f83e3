import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from articles.models import Article
from articles.search import engine, rebuild_search_index


class Command(BaseCommand):
    help = (
        "Index every article for search afresh: PostgreSQL's stored vectors, or SQLite's FTS5 table. "
        "Saves and imports keep the index current; this is for after changes made behind Django's back."
    )

    def handle(self, *args, **options):
        kind = engine(connection)
        if kind is None:
            self.stdout.write("This database has no full-text index; search uses a plain word match. Nothing to do.")
            return
        started = time.perf_counter()
        with transaction.atomic():
            rebuild_search_index()
        count = Article.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} article{'' if count == 1 else 's'} on {kind} "
                f"in {time.perf_counter() - started:.1f} s."
            )
        )
