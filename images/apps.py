from django.apps import AppConfig
from django.conf import settings


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Image library"

    def ready(self):
        from PIL import Image as PILImage

        from . import signals  # noqa: F401 - connects the receivers

        # Our own check refuses oversized images from their headers; this makes Pillow itself refuse
        # a decompression bomb anywhere in the process (any ImageField), not only warn about it.
        PILImage.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
