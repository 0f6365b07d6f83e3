from django import forms
from django.urls import reverse

from .models import Image


class ImageChooserWidget(forms.Widget):
    """A library picture for a foreign key: its thumbnail, and buttons to choose, upload or remove one.

    The value travels in a hidden input; js/image-chooser.js opens the library's chooser in a popup
    (the admin's own way of picking related objects) and updates the thumbnail when it answers.
    """

    template_name = "images/widgets/image_chooser.html"

    class Media:
        js = ["js/image-chooser.js"]

    def __init__(self, attrs=None, *, label=""):
        super().__init__(attrs)
        self.label = label

    def id_for_label(self, id_):
        # A hidden input takes no label, and a label on a button would replace the words saying what
        # it does; the buttons are grouped under the field's name (`label`) instead.
        return None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = None
        if value not in (None, "") and str(value).isdigit():
            image = Image.objects.filter(pk=value).first()
        context["image"] = image
        context["label"] = self.label
        context["chooser_url"] = reverse("admin:images_image_choose")
        return context
