"""What export_content and import_content share: one content file to name, and its errors to report."""

from abc import ABCMeta, abstractmethod

from django.core.management.base import BaseCommand, CommandError

from portability.content_file import ContentFileError


class ContentFileCommand(BaseCommand, metaclass=ABCMeta):
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

    @abstractmethod
    def handle_file(self, file):
        """Export to or import from `file`; raise ContentFileError to end the command with its message."""
