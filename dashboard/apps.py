from django.apps import AppConfig


class DashboardConfig(AppConfig):
    """The editors' front page in the admin; it reads every other app and nothing reads it."""

    name = "dashboard"
    verbose_name = "Dashboard"
