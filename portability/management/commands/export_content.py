from portability.content_file import export_content, media_folder
from portability.management.base import ContentFileCommand


class Command(ContentFileCommand):
    help = (
        "Write every article, author, source, region, theme, tag, image, permission request, redirect and the "
        "publication settings to FILE (JSON), and their stored files to a folder beside it (FILE.media)."
    )
    file_help = "e.g. content-2026-05-01.json"

    def handle_file(self, file):
        result = export_content(file)
        folder = media_folder(file)
        self.stdout.write(self.style.SUCCESS(f"Exported {result.summary}; {result.files} files in {folder}."))
