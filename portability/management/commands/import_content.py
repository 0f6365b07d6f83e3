from portability.content_file import import_content
from portability.management.base import ContentFileCommand


class Command(ContentFileCommand):
    help = (
        "Load FILE, made by export_content, and the files beside it into an empty site. Everything is checked "
        "first; if anything is wrong, nothing is kept."
    )
    file_help = "a JSON file written by export_content"
    error_prefix = "Nothing was imported. "

    def handle_file(self, file):
        result = import_content(file)
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(self.style.SUCCESS(f"Imported {result.summary}; {result.files} files."))
