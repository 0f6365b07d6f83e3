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


def group_member(django_user_model, group, username):
    """A staff account in one of the roles' groups (articles.roles), as an administrator would set it up."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-test-password")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def contributor(django_user_model):
    from articles import roles

    return group_member(django_user_model, roles.CONTRIBUTORS, "carla")


@pytest.fixture
def editor_member(django_user_model):
    """An editor by group membership, not a superuser (`editor`)."""
    from articles import roles

    return group_member(django_user_model, roles.EDITORS, "eddie")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def demo_article(db):
    from devtools.demo.loader import load_seed_article

    return load_seed_article()
