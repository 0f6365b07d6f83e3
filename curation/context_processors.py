from django.utils.functional import SimpleLazyObject

from articles.cache_keys import MENU, key
from pagecache.middleware import shows
from pagecache.store import remember

from .models import MenuItem


def menu_items():
    """The menu as (label, address) pairs, in the editors' order (none until they choose some), and its keys."""
    terms = [item.term for item in MenuItem.objects.select_related("region", "theme")]
    return {"items": [(term.name, term.get_absolute_url()) for term in terms], "keys": [MENU, *map(key, terms)]}


def navigation(request):
    """The menu for every page, kept by the page cache's rules (it changes only when content does).

    Lazy: read only by templates that show it (not by feed items or e-mails); a page that shows it
    is purged when an entry, or a region or theme it names, changes.
    """

    def menu():
        found = remember("navigation:menu", menu_items, keys=lambda found: found["keys"])
        shows(request, *found["keys"])
        return found["items"]

    return {"menu": SimpleLazyObject(menu)}
