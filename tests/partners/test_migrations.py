"""A database the app left when it was called `syndication` upgrades to `partners` with everything it held.

The old database is rebuilt from this test database: the partners app is migrated back to zero,
then its table is made again under the old name, its content types are labelled `syndication`
again and the old app's migration is recorded, which is all the `syndication` app left behind.
"""

import datetime

import pytest
from django.contrib.admin.models import CHANGE
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.urls import reverse

from articles import roles
from partners.models import PermissionRequest
from partners.models import RequestStatus
from tests.conftest import group_member
from tests.factories import CrossPostFactory
from tests.factories import PermissionRequestFactory

# Migrations change the schema, which a test's enclosing transaction cannot hold on every database.
pytestmark = pytest.mark.django_db(transaction=True)

OLD_TABLE = "syndication_permissionrequest"
# The migration that takes over the old app's table, and the newest of the app's migrations.
TAKEOVER = ("partners", "0001_initial")
LATEST = ("partners", "0002_reprint_ledger")


def migrate(target):
    MigrationExecutor(connection).migrate([target])
    ContentType.objects.clear_cache()


def tables():
    return set(connection.introspection.table_names())


@pytest.fixture
def syndication_database():
    """The `syndication` app's table, content types and migration record, and its PermissionRequest model."""
    roles.sync_roles(Group, Permission)  # an earlier transactional test's flush may have removed the groups
    migrate(("partners", None))
    state = MigrationExecutor(connection).loader.project_state(TAKEOVER)
    state.models["partners", "permissionrequest"].options["db_table"] = OLD_TABLE
    old_model = state.apps.get_model("partners", "PermissionRequest")
    with connection.schema_editor() as editor:
        editor.create_model(old_model)
    ContentType.objects.filter(app_label="partners").update(app_label="syndication")
    MigrationRecorder(connection).record_applied("syndication", "0001_initial")
    ContentType.objects.clear_cache()
    yield old_model
    # Whatever happened above, leave the schema that every other test expects.
    migrate(LATEST)


def test_an_existing_syndication_database_upgrades_with_its_data(syndication_database, client, django_user_model):
    assert OLD_TABLE in tables() and "partners_permissionrequest" not in tables()
    article = CrossPostFactory()
    old = syndication_database.objects.create(
        name="Ada Partner",
        organisation="Partner Press",
        email="ada@press.example.com",
        article_id=article.pk,
        medium="print",
        publication_name="The Partner Weekly",
        planned_date=datetime.date(2026, 1, 15),
        status=RequestStatus.APPROVED,
        kit_token="k" * 43,
    )
    second = syndication_database.objects.create(
        name="Bo Partner",
        organisation="Other Press",
        email="bo@other.example.com",
        article_id=article.pk,
        medium="print",
        publication_name="The Other Weekly",
        planned_date=datetime.date(2026, 1, 16),
        kit_token="j" * 43,
    )
    content_type = ContentType.objects.get(app_label="syndication", model="permissionrequest")
    change = Permission.objects.get(content_type=content_type, codename="change_permissionrequest")
    editors = Group.objects.get(name=roles.EDITORS)
    assert editors.permissions.filter(pk=change.pk).exists()
    eddie = group_member(django_user_model, roles.EDITORS, "eddie")
    entry = LogEntry.objects.create(
        user=eddie, content_type_id=content_type.pk, object_id=old.pk, object_repr="Partner Press", action_flag=CHANGE
    )
    # Served before `migrate` ran, the new code may have made a `partners` content type of its own.
    stray = ContentType.objects.create(app_label="partners", model="permissionrequest")
    Permission.objects.create(content_type=stray, codename="change_permissionrequest", name="Can change")

    migrate(LATEST)

    assert OLD_TABLE not in tables() and "partners_permissionrequest" in tables()
    kept = PermissionRequest.objects.get(pk=old.pk)
    # Requests made before the ledger each get a tracking-image token of their own.
    tokens = set(PermissionRequest.objects.values_list("pixel_token", flat=True))
    assert len(tokens) == 2 and None not in tokens
    assert PermissionRequest.objects.get(pk=second.pk).pixel_token != kept.pixel_token
    assert (kept.pk, kept.organisation, kept.article, kept.status) == (old.pk, "Partner Press", article, "approved")
    assert kept.kit_token == "k" * 43 and kept.planned_date == datetime.date(2026, 1, 15)
    # The content type and its permissions keep their ids, so whatever pointed at them still does.
    assert ContentType.objects.get_for_model(PermissionRequest).pk == content_type.pk
    assert not ContentType.objects.filter(app_label="syndication").exists()
    assert not ContentType.objects.filter(pk=stray.pk).exists()
    assert Permission.objects.get(codename="change_permissionrequest").pk == change.pk
    assert editors.permissions.filter(pk=change.pk).exists()
    assert LogEntry.objects.get(pk=entry.pk).get_edited_object() == kept
    # The old app's migration record is gone; the new one is there.
    applied = MigrationRecorder(connection).applied_migrations()
    assert LATEST in applied and not [key for key in applied if key[0] == "syndication"]

    # An editor by group membership still works on it, and new requests get new ids.
    client.force_login(eddie)
    assert client.get(reverse("admin:partners_permissionrequest_change", args=[kept.pk])).status_code == 200
    assert PermissionRequestFactory(article=article).pk > kept.pk


def test_a_new_database_gets_the_table_and_nothing_of_the_old_app():
    migrate(("partners", None))
    assert "partners_permissionrequest" not in tables()
    migrate(LATEST)
    assert "partners_permissionrequest" in tables() and OLD_TABLE not in tables()
    assert ContentType.objects.get_for_model(PermissionRequest).app_label == "partners"
    assert PermissionRequestFactory().pk
