import datetime

import pytest
from django.core.cache import cache

from tests.origin_server import origin_server

CONTACT = "permissions@crosspost.example.org"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The publication-settings record is cached; a test's rolled-back data must not leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache_off(settings):
    """Render every page: for tests that count what building a page costs (pagecache keeps them otherwise)."""
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
def editor_member_client(client, editor_member):
    client.force_login(editor_member)
    return client


@pytest.fixture
def demo_article(db):
    from devtools.demo.loader import load_seed_article

    return load_seed_article()


@pytest.fixture
def publication(db):
    from tests.factories import publication_settings

    return publication_settings(
        site_name="Crosspost Review",
        permissions_contact_email=CONTACT,
        reprint_disclaimer="The views expressed are the author's own.",
    )


@pytest.fixture
def article(publication):
    """A cross-post with every credit: a source, two authors, the original's address and date."""
    from tests.factories import AuthorFactory
    from tests.factories import CrossPostFactory
    from tests.factories import SourceFactory

    source = SourceFactory(name="Oriental Review", reprint_terms="Non-commercial reprints with a credit and a link.")
    return CrossPostFactory(
        title="Colombia and NATO",
        slug="colombia-and-nato",
        source=source,
        original_url="https://orientalreview.example.org/2018/06/06/colombia/",
        original_published_on=datetime.date(2018, 6, 6),
        authors=[AuthorFactory(name="Andrew Korybko", slug="andrew-korybko"), AuthorFactory(name="Jane Roe")],
    )


@pytest.fixture
def article_credits(article):
    """What a partner's kit says to credit `article`, line by line, with `publication`'s settings."""
    return [
        "Colombia and NATO",
        "By Andrew Korybko and Jane Roe",
        "First published on 6 June 2018",
        f"The original source of this article is Oriental Review: {article.original_url}",
        "Copyright © Andrew Korybko, Jane Roe, Oriental Review, 2018",
        "Republished from Crosspost Review: http://testserver/articles/colombia-and-nato/",
        "The views expressed are the authors' own.",  # two authors: the disclaimer in the plural
    ]


@pytest.fixture
def origin():
    """Another site, on 127.0.0.1 (tests/origin_server.py): pages set with origin.page(...), origin.redirect(...)."""
    with origin_server() as server:
        yield server
