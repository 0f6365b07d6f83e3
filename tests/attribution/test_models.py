"""Sources and the publication-settings singleton."""

import pytest
from django.db import IntegrityError
from django.db import transaction
from django.urls import resolve

from articles.views import ArchiveView
from attribution.models import PublicationSettings
from tests.factories import SourceFactory
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db


def test_duplicate_source_slug_is_refused_by_the_database():
    SourceFactory(slug="oriental-review")

    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(slug="oriental-review")


def test_source_url_resolves_to_the_source_archive():
    source = SourceFactory(slug="oriental-review")

    match = resolve(source.get_absolute_url())

    assert source.get_absolute_url() == "/source/oriental-review/"
    assert match.view_name == "articles:source"
    assert match.func.view_class is ArchiveView
    assert match.func.view_initkwargs["subject"].model is type(source)
    assert match.kwargs == {"slug": "oriental-review"}


def test_source_str_is_the_publication_name():
    assert str(SourceFactory(name="Oriental Review")) == "Oriental Review"


def test_publication_settings_str_says_what_it_is():
    assert str(PublicationSettings.get_solo()) == "Publication settings"


def test_publication_settings_is_a_single_record():
    PublicationSettings.objects.create(site_name="First")
    PublicationSettings(site_name="Second").save()

    assert PublicationSettings.objects.count() == 1
    assert PublicationSettings.get_solo().site_name == "Second"


def test_get_solo_returns_the_saved_record():
    publication_settings(site_name="Crosspost Review", media_contact_email="media@example.org")

    settings = PublicationSettings.get_solo()

    assert settings.pk == PublicationSettings.singleton_instance_id
    assert settings.site_name == "Crosspost Review"
    assert settings.media_contact_email == "media@example.org"
