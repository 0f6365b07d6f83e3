from django.core.management.base import BaseCommand, CommandError

from portability.content_file import ContentFileError, import_content


class Command(BaseCommand):
    help = (
        "Load FILE, made by export_content, and the files beside it into an empty site. Everything is checked "
        "first; if anything is wrong, nothing is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a JSON file written by export_content")

    def handle(self, *args, file, **options):
        try:
            result = import_content(file)
        except ContentFileError as error:
            raise CommandError(f"Nothing was imported. {error}") from None
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        summary = ", ".join(f"{count} {label}" for label, count in result.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {summary}; {result.files} files."))
