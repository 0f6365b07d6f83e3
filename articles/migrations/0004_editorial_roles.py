from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import sync_roles


def create_roles(apps, schema_editor):
    # On a fresh database permissions are only made after all migrations: make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("authors", "0001_initial"),
        ("attribution", "0001_initial"),
        ("images", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
