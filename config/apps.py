"""The project's own configuration of third-party apps (Django's documented way to rename one)."""

from taggit.apps import TaggitAppConfig


class TagsConfig(TaggitAppConfig):
    """django-taggit, shown to editors as "Tags": its package name means nothing to them."""

    verbose_name = "Tags"
