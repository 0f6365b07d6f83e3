"""Deleting a library image removes its files: one by one, in a bulk action or by a cascade."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Image
from .services import image_delete_files


@receiver(post_delete, sender=Image, dispatch_uid="images.delete_files")
def delete_files_with_the_image(sender, instance, **kwargs):
    image_delete_files(image=instance)
