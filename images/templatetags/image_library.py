from django import template

from ..models import Image
from ..usage import uses_of

register = template.Library()


@register.simple_tag
def picture_uses(images):
    """[(image, its uses)] for each of `images` (one picture or several) that an article shows."""
    images = [images] if isinstance(images, Image) else list(images)
    uses = uses_of(image.pk for image in images)
    return [(image, uses[image.pk]) for image in images if uses[image.pk]]
