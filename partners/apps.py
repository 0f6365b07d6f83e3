from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """Partners' requests to republish our articles, the editors' decisions and the partner kit.

    Called `syndication` until it was renamed, as Django's own feeds framework is; its
    0001_initial migration takes over a database the old app left (see its docstring).
    """

    name = "partners"
    verbose_name = "Syndication partners"
