from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from devtools.sample_wxr import write_wxr


class Command(BaseCommand):
    help = (
        "Write a made-up WordPress export (WXR) of N posts, for the import benchmark (scripts/bench-wordpress-import) "
        "and for trying import_wordpress out. Touches no database."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="Where to write the export.")
        parser.add_argument("--posts", type=int, default=10_000)
        parser.add_argument("--attachments", type=int, default=0, help="Attachments (featured images) to include.")
        parser.add_argument("--pages", type=int, default=0)
        parser.add_argument(
            "--media-dir", help="Also write each attachment's picture here, as under wp-content/uploads."
        )
        parser.add_argument("--wxr-version", dest="wxr_version", default="1.2", choices=["1.1", "1.2"])
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, output, posts, attachments, pages, media_dir, wxr_version, seed, **options):
        if posts < 0 or attachments < 0 or pages < 0:
            raise CommandError("Counts must be zero or more.")
        write_wxr(
            output,
            posts=posts,
            attachments=attachments,
            pages=pages,
            seed=seed,
            version=wxr_version,
            media_dir=media_dir,
        )
        size = Path(output).stat().st_size
        self.stdout.write(
            f"Wrote {output}: {posts} posts, {attachments} attachments, {pages} pages, {size / 1e6:.1f} MB."
        )
