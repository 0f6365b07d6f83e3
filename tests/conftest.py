import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The publication-settings record is cached; a test's rolled-back data must not leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache_off(settings):
    """Render every page: for tests that count what building a page costs (articles.cache keeps them otherwise)."""
    settings.PAGE_CACHE = False


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def demo_article(db):
    from articles.demo.loader import load_seed_article

    return load_seed_article()
