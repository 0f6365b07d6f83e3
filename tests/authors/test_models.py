"""Authors: unique slugs, their archive URL and their name as their string."""

import pytest
from django.db import IntegrityError
from django.db import transaction
from django.urls import resolve

from articles.views import ArchiveView
from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def test_duplicate_author_slug_is_refused_by_the_database():
    AuthorFactory(slug="andrew-korybko")

    with pytest.raises(IntegrityError), transaction.atomic():
        AuthorFactory(slug="andrew-korybko")


def test_author_url_resolves_to_the_author_archive():
    author = AuthorFactory(slug="andrew-korybko")

    match = resolve(author.get_absolute_url())

    assert author.get_absolute_url() == "/author/andrew-korybko/"
    assert match.view_name == "articles:author"
    assert match.func.view_class is ArchiveView
    assert match.func.view_initkwargs["subject"].model is type(author)
    assert match.kwargs == {"slug": "andrew-korybko"}


def test_author_str_is_the_byline_name():
    assert str(AuthorFactory(name="Andrew Korybko")) == "Andrew Korybko"
