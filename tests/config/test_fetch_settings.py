"""Where fetching may go: nowhere private in production, nowhere but this machine in the tests."""

from django.conf import settings

from tests.config.test_settings import production_values


def test_production_never_fetches_private_addresses_whatever_the_environment_says(production_env):
    production_env["FETCH_ALLOW_PRIVATE_ADDRESSES"] = "1"
    values = production_values(
        production_env,
        setup="from core.fetching import user_agent",
        private="settings.FETCH_ALLOW_PRIVATE_ADDRESSES",
        hosts="settings.FETCH_ALLOWED_HOSTS",
        robots="settings.FETCH_RESPECT_ROBOTS",
        agent="user_agent()",
    )
    assert values["private"] is False
    assert values["hosts"] == []
    assert values["robots"] is True
    assert "https://crosspost.example.org/" in values["agent"]


def test_the_tests_fetch_only_from_this_machine():
    assert settings.FETCH_ALLOWED_HOSTS == ["127.0.0.1", "localhost"]
