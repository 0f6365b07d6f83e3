"""The two editorial roles, as Django groups with the permissions each needs.

A data migration creates them; after every `migrate` any permission named here that has
appeared since (a new app, a new model) is added. Nothing is ever removed, so an
administrator's own additions to a group are kept.
"""

from django.db.models import Q

EDITORS = "Editors"
CONTRIBUTORS = "Contributors"

# Editors: everything in these apps, publishing and reprint triage included.
EDITOR_APPS = [
    "articles",
    "authors",
    "attribution",
    "curation",
    "flatpages",
    "images",
    "pagecache",  # the purge log: when a correction reached the shared cache (read-only)
    "taggit",
    "partners",
    "originals",  # the watched originals and the queue of those that need attention
    "digests",  # readers' e-mail digests: subscribers, schedule, preview and history
    "redirects",
    "reversion",
]

# Contributors: write and submit their own drafts; read what they need to file them.
CONTRIBUTOR_PERMISSIONS = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.add_articleauthor",
    "articles.change_articleauthor",
    "articles.delete_articleauthor",
    "articles.view_articleauthor",
    "articles.view_region",
    "articles.view_theme",
    "authors.view_author",
    "attribution.view_source",
    "images.add_image",
    "images.view_image",
    "taggit.view_tag",
]


def sync_roles(Group, Permission, using="default"):
    """Create the groups and give them every permission they should have (idempotent)."""
    editors, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    contributors, _ = Group.objects.using(using).get_or_create(name=CONTRIBUTORS)
    permissions = Permission.objects.using(using)
    editors.permissions.add(*permissions.filter(content_type__app_label__in=EDITOR_APPS))
    wanted = Q()
    for name in CONTRIBUTOR_PERMISSIONS:
        app_label, codename = name.split(".", 1)
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    contributors.permissions.add(*permissions.filter(wanted))


def sync_roles_after_migrate(sender, using="default", **kwargs):
    """Bring both groups up to date after `migrate` (and `flush`), whichever app sent the signal.

    Django sends post_migrate once per app that has models, after that app's permissions are made.
    Syncing on every one is idempotent, and the last send sees every permission that exists; the
    groups no longer depend on which app happens to be installed last.
    """
    from django.contrib.auth.models import Group, Permission

    sync_roles(Group, Permission, using=using)
