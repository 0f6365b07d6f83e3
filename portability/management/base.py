"""What export_content and import_content share: one content file to name, and its errors to report."""

from django.core.management.base import BaseCommand, CommandError

from portability.content_file import ContentFileError


class ContentFileCommand(BaseCommand):
    """A command on one content file: `handle_file(file)` does the work; a ContentFileError ends it with its message."""

    file_help = ""
    # Said before the error's own message, when the command has something to add (e.g. that nothing was kept).
    error_prefix = ""

    def add_arguments(self, parser):
        parser.add_argument("file", help=self.file_help)

    def handle(self, *args, file, **options):
        try:
            self.handle_file(file)
        except ContentFileError as error:
            raise CommandError(f"{self.error_prefix}{error}") from None

    def handle_file(self, file):
        raise NotImplementedError("subclasses of ContentFileCommand must provide a handle_file() method")
