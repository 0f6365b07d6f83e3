from django.utils.functional import SimpleLazyObject

from pagecache.store import remember

from .models import MenuItem


def menu_items():
    """The menu as (label, address) pairs, in the editors' order (none until they choose some)."""
    items = MenuItem.objects.select_related("region", "theme")
    return [(item.term.name, item.term.get_absolute_url()) for item in items]


def navigation(request):
    """The menu for every page, kept by the page cache's rules (it changes only when content does).

    Lazy: read only by templates that show it (not by feed items or e-mails).
    """
    return {"menu": SimpleLazyObject(lambda: remember("navigation:menu", menu_items))}
