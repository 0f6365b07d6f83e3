from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wordpress_import.importer import Importer
from wordpress_import.mapping import Mapping, MappingError, load_mapping
from wordpress_import.parser import ExportError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export, WXR 1.0–1.2): posts become articles with their authors, "
        "categories and tags; pictures found under --media-dir go to the image library; old permalinks answer "
        "301. Safe to run again: it updates what an earlier run made. See README, “Importing from WordPress”."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file WordPress exported.")
        parser.add_argument(
            "--media-dir",
            help="A copy of the site's wp-content/uploads folder. Pictures are read from here and nowhere else; "
            "without it no attachment is imported.",
        )
        parser.add_argument(
            "--mapping",
            help="A TOML (or .json) file saying which categories become regions, themes or tags, and which custom "
            "fields hold the original URL, date and source name.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and check everything and report what an import would do, writing nothing.",
        )

    def handle(self, *args, export, media_dir, mapping, dry_run, verbosity, **options):
        path = Path(export)
        if not path.is_file():
            raise CommandError(f"No export file at {path}.")
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a folder.")
        try:
            rules = load_mapping(mapping) if mapping else Mapping()
        except MappingError as exc:
            raise CommandError(str(exc)) from None

        def progress(total):
            return tqdm(total=total, unit="item", desc="Importing", disable=verbosity < 1, file=self.stderr._out)

        importer = Importer(path, media_dir=media_dir, mapping=rules, dry_run=dry_run, progress=progress)
        try:
            report = importer.run()
        except ExportError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from None
        self.stdout.write(report.render())
        if report.failed:
            self.stdout.write(self.style.WARNING(f"{report.failed} item(s) failed: see “Failed” above."))
        else:
            self.stdout.write(self.style.SUCCESS("Dry run complete." if dry_run else "Import complete."))
