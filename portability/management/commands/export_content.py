from django.core.management.base import BaseCommand, CommandError

from portability.content_file import ContentFileError, export_content, media_folder


class Command(BaseCommand):
    help = (
        "Write every article, author, source, region, theme, tag, image, permission request, redirect and the "
        "publication settings to FILE (JSON), and their stored files to a folder beside it (FILE.media)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="e.g. content-2026-05-01.json")

    def handle(self, *args, file, **options):
        try:
            result = export_content(file)
        except ContentFileError as error:
            raise CommandError(str(error)) from None
        summary = ", ".join(f"{count} {label}" for label, count in result.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported {summary}; {result.files} files in {media_folder(file)}."))
