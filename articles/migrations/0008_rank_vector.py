import django.contrib.postgres.search
from django.db import migrations


def fill_rank_vectors(apps, schema_editor):
    # The heading's lexemes are the ones search_vector weighs A, B and C: no need to re-read the names.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE articles_article SET rank_vector = ts_filter(search_vector, '{a,b,c}') "
            "WHERE search_vector IS NOT NULL"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_body_help"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_rank_vectors, migrations.RunPython.noop),
    ]
