"""Every page shows the menu, and the front page its lead and sections: a change to either is a change to pages."""

from django.db.models.signals import post_delete, post_save

from articles.cache_keys import HOME, MENU
from pagecache.store import content_changed

from .models import FrontPage, FrontPageSection, MenuItem

# What each model's rows change, as surrogate keys (articles.cache_keys).
SHOWN_ON = {MenuItem: MENU, FrontPage: HOME, FrontPageSection: HOME}


def pages_changed(sender, instance=None, **kwargs):
    content_changed(SHOWN_ON[sender])


for model in SHOWN_ON:
    post_save.connect(pages_changed, sender=model, dispatch_uid=f"page_cache.save.{model._meta.label}")
    post_delete.connect(pages_changed, sender=model, dispatch_uid=f"page_cache.delete.{model._meta.label}")
