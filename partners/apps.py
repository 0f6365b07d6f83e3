from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """Partners' requests to republish our articles, the editors' decisions and the partner kit.

    Called `syndication` until it was renamed, as Django's own feeds framework is; its
    0001_initial migration takes over a database the old app left (see its docstring).
    """

    name = "partners"
    verbose_name = "Syndication partners"

    def ready(self):
        from articles.admin_panels import register_article_panel

        from .admin import article_reprints_panel

        # The article's admin page lists its reprints (articles knows nothing of partners).
        register_article_panel(article_reprints_panel)
