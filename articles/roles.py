"""The two editorial roles, as Django groups with the permissions each needs.

A data migration creates them; after every `migrate` any permission named here that has
appeared since (a new app, a new model) is added. Nothing is ever removed, so an
administrator's own additions to a group are kept.
"""

EDITORS = "Editors"
CONTRIBUTORS = "Contributors"

# Editors: everything in these apps, publishing and reprint triage included.
EDITOR_APPS = ["articles", "authors", "attribution", "images", "taggit", "partners", "redirects", "reversion"]

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


def sync_roles(Group, Permission):
    """Create the groups and give them every permission they should have (idempotent)."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    contributors, _ = Group.objects.get_or_create(name=CONTRIBUTORS)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    wanted = [name.split(".", 1) for name in CONTRIBUTOR_PERMISSIONS]
    for app_label, codename in wanted:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            contributors.permissions.add(permission)


def sync_roles_after_migrate(sender, using="default", apps=None, **kwargs):
    """post_migrate is sent once per app; act on the last one, when every permission exists."""
    from django.apps import apps as global_apps
    from django.contrib.auth.models import Group, Permission

    if sender.label != list(global_apps.get_app_configs())[-1].label:
        return

    sync_roles(Group.objects.db_manager(using).model, Permission.objects.db_manager(using).model)
