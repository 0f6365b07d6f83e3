"""Give pictures stored before renditions existed their cleaned original and renditions."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from images.models import Image
from images.services import image_process


class Command(BaseCommand):
    help = "Clean and resize library images that have no renditions yet (all of them with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Process every image again, not only the missing.")

    def handle(self, *args, **options):
        images = Image.objects.order_by("pk")
        if not options["all"]:
            images = images.filter(renditions=[])
        done = refused = 0
        for image in images.iterator():
            try:
                image_process(image=image)
            except ValidationError as error:
                refused += 1
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {' '.join(error.messages)}")
            else:
                done += 1
        self.stdout.write(f"Processed {done} image(s); {refused} refused.")
