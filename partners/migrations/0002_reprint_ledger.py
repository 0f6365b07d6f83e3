"""The republication ledger: a tracking-image token on each request, reprints, their daily views and messages."""

import django.db.models.deletion
import django.utils.timezone
import partners.models
from django.conf import settings
from django.db import migrations, models


def give_each_request_a_pixel_token(apps, schema_editor):
    PermissionRequest = apps.get_model("partners", "PermissionRequest")
    for request in PermissionRequest.objects.using(schema_editor.connection.alias).filter(pixel_token=None):
        request.pixel_token = partners.models.new_pixel_token()
        request.save(update_fields=["pixel_token"])


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0010_body_help_pictures_by_picking'),
        ('partners', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # A unique column on existing rows: added empty, filled one row at a time, then made unique
        # (https://docs.djangoproject.com/en/5.2/howto/writing-migrations/#migrations-that-add-unique-fields).
        migrations.AddField(
            model_name='permissionrequest',
            name='pixel_token',
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(give_each_request_a_pixel_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='permissionrequest',
            name='pixel_token',
            field=models.CharField(default=partners.models.new_pixel_token, editable=False, max_length=32, unique=True),
        ),
        migrations.CreateModel(
            name='Reprint',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('page_url', models.URLField(blank=True, help_text="The address of the page carrying the copy. Empty: views whose page the reader's browser did not tell us.", max_length=500, verbose_name='page address')),
                ('found_by', models.CharField(choices=[('pixel', 'Tracking image'), ('editor', 'Entered by an editor')], default='pixel', max_length=10, verbose_name='found by')),
                ('first_seen', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='first seen')),
                ('credit_status', models.CharField(choices=[('unchecked', 'Not checked yet'), ('compliant', 'Credits complete'), ('missing', 'Credits missing'), ('fetch_failed', 'Page could not be read')], default='unchecked', editable=False, max_length=20, verbose_name='credits')),
                ('credit_problems', models.JSONField(blank=True, default=list, editable=False, verbose_name='what is missing')),
                ('credit_checked_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='credits checked')),
                ('credit_error', models.TextField(blank=True, editable=False, verbose_name='why the page could not be read')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reprints', to='articles.article')),
                ('permission_request', models.ForeignKey(blank=True, help_text="The partner's request it was republished under; leave empty for a copy made without one.", null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reprints', to='partners.permissionrequest', verbose_name='permission request')),
            ],
            options={
                'verbose_name': 'reprint',
                'verbose_name_plural': 'reprints',
                'ordering': ['-first_seen', '-pk'],
                'get_latest_by': 'first_seen',
            },
        ),
        migrations.CreateModel(
            name='ReprintDay',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('views', models.PositiveIntegerField(default=0)),
                ('reprint', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='days', to='partners.reprint')),
            ],
            options={
                'verbose_name': 'day of views',
                'verbose_name_plural': 'days of views',
                'ordering': ['-day'],
                'get_latest_by': 'day',
            },
        ),
        migrations.CreateModel(
            name='ReprintMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('to', models.EmailField(max_length=254, verbose_name='to')),
                ('subject', models.CharField(max_length=200)),
                ('body', models.TextField()),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='written')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                ('reprint', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='partners.reprint')),
                ('written_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'message to the partner',
                'verbose_name_plural': 'messages to the partner',
                'ordering': ['-created_at', '-pk'],
                'get_latest_by': 'created_at',
            },
        ),
        migrations.AddConstraint(
            model_name='reprint',
            constraint=models.UniqueConstraint(fields=('permission_request', 'page_url'), name='reprint_page_per_request', violation_error_message='This page is already in the ledger for this permission request.'),
        ),
        migrations.AddConstraint(
            model_name='reprint',
            constraint=models.UniqueConstraint(condition=models.Q(('permission_request__isnull', True)), fields=('article', 'page_url'), name='reprint_page_per_article_unrequested', violation_error_message='This page is already in the ledger for this article.'),
        ),
        migrations.AddConstraint(
            model_name='reprintday',
            constraint=models.UniqueConstraint(fields=('reprint', 'day'), name='reprint_day_unique'),
        ),
    ]
