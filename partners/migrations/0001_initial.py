"""The partners' table on a new database, or the one the app left when it was called `syndication`.

The app was renamed from `syndication` (a name every Django developer reads as Django's feeds
framework) to `partners`. Its model is unchanged, so on a database the old app migrated this
migration takes over what it left instead of creating anything:

- the table `syndication_permissionrequest` is renamed `partners_permissionrequest`, rows and all
  (its indexes keep their names: Django finds them by column, not by name);
- the old app's content types are relabelled `partners`, keeping their ids, so permissions,
  the groups holding them, admin log entries and revisions point where they did;
- the old app's rows in django_migrations are removed: the app is gone.

On a new database the table is created, as CreateModel would, and the other steps find nothing.
Going back (`migrate partners zero`) drops the table, as CreateModel's reverse does.
"""

import django.db.models.deletion
import partners.models
from django.conf import settings
from django.db import migrations, models
from django.db.migrations.recorder import MigrationRecorder

OLD_LABEL = "syndication"
OLD_TABLE = "syndication_permissionrequest"


def create_or_adopt_table(apps, schema_editor):
    model = apps.get_model("partners", "PermissionRequest")
    if OLD_TABLE in schema_editor.connection.introspection.table_names():
        schema_editor.alter_db_table(model, OLD_TABLE, model._meta.db_table)
    else:
        schema_editor.create_model(model)


def drop_table(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("partners", "PermissionRequest"))


def forget_old_app(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
    old = content_types.filter(app_label=OLD_LABEL)
    # A `partners` content type made before this ran (get_for_model makes them on demand) has at most
    # the default permissions on it, and would block the relabelling: the old one, with its history, wins.
    content_types.filter(app_label="partners", model__in=list(old.values_list("model", flat=True))).delete()
    old.update(app_label="partners")
    MigrationRecorder(schema_editor.connection).migration_qs.filter(app=OLD_LABEL).delete()


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0004_editorial_roles'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The model, in the migration state only: the next operation makes or adopts its table.
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='PermissionRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('organisation', models.CharField(max_length=200)),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                ('medium', models.CharField(choices=[('print', 'Print'), ('commercial_web', 'Commercial website'), ('non_commercial_web', 'Non-commercial website'), ('newsletter', 'Newsletter'), ('broadcast', 'Broadcast'), ('translation', 'Translation'), ('other', 'Other')], max_length=20)),
                ('publication_name', models.CharField(help_text='Where the article would appear: a paper, site or programme.', max_length=200, verbose_name='publication name')),
                ('publication_url', models.URLField(blank=True, max_length=500, verbose_name='publication URL')),
                ('planned_date', models.DateField(help_text='When the partner plans to republish.', verbose_name='planned date')),
                ('audience', models.CharField(blank=True, max_length=200, verbose_name='audience or circulation')),
                ('message', models.TextField(blank=True, max_length=5000)),
                ('agreed_to_terms', models.BooleanField(default=False, help_text='The partner ticked the box promising to credit the article exactly as the kit says.', verbose_name='agreed to the attribution conditions')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                ('client_ip_hash', models.CharField(blank=True, editable=False, help_text="A keyed hash of the sender's IP address (never the address itself): the same value on several requests means the same sender.", max_length=64, verbose_name='sender fingerprint')),
                ('status', models.CharField(choices=[('new', 'New'), ('approved', 'Approved'), ('declined', 'Declined'), ('spam', 'Spam')], default='new', max_length=10)),
                ('decision_note', models.TextField(blank=True, help_text='Sent to the partner with an approval or a refusal (e.g. conditions, or why not). Not sent when you mark a request as spam.', verbose_name='note to the partner')),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='editors notified')),
                ('acknowledged_at', models.DateTimeField(blank=True, null=True, verbose_name='partner acknowledged')),
                ('decision_sent_at', models.DateTimeField(blank=True, null=True, verbose_name='decision e-mailed')),
                ('kit_token', models.CharField(default=partners.models.new_kit_token, editable=False, max_length=64, unique=True)),
                ('kit_revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='kit link revoked')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='permission_requests', to='articles.article')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'permission request',
                'verbose_name_plural': 'permission requests',
                'ordering': ['-created_at', '-pk'],
                'get_latest_by': 'created_at',
                'indexes': [models.Index(fields=['status', '-created_at'], name='permreq_status_created_idx'), models.Index(condition=models.Q(('notified_at__isnull', True)), fields=['created_at'], name='permreq_unnotified_idx')],
            },
        )]),
        migrations.RunPython(create_or_adopt_table, drop_table),
        migrations.RunPython(forget_old_app, migrations.RunPython.noop),
    ]
