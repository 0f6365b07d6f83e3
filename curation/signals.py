"""Every page shows the menu, and the front page its lead and sections: a change to either is a change to pages."""

from django.db.models.signals import post_delete, post_save

from pagecache.store import content_changed

from .models import FrontPage, FrontPageSection, MenuItem


def pages_changed(sender, instance=None, **kwargs):
    content_changed(instance if instance is not None else sender)


for model in (MenuItem, FrontPage, FrontPageSection):
    post_save.connect(pages_changed, sender=model, dispatch_uid=f"page_cache.save.{model._meta.label}")
    post_delete.connect(pages_changed, sender=model, dispatch_uid=f"page_cache.delete.{model._meta.label}")
