import django.db.models.deletion
from django.db import migrations, models

import articles.models

# SQLite's full-text index: an FTS5 table beside the article table (PostgreSQL keeps its vectors in
# the row, migrations 0002 and 0008). Porter stems English words as PostgreSQL's "english"
# configuration does; unicode61 folds case and, with remove_diacritics, accents ("cafe" finds
# "café"). `rank` is bm25 weighing title, standfirst, names and body as PostgreSQL's A, B, C, D.
CREATE = [
    "CREATE VIRTUAL TABLE articles_article_fts USING fts5("
    "title, dek, names, body, tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO articles_article_fts (articles_article_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0)')",
    # Every article there is, as articles.search.update_search_vectors writes one.
    "INSERT INTO articles_article_fts (rowid, title, dek, names, body) "
    "SELECT a.id, a.title, a.dek, "
    "COALESCE((SELECT group_concat(au.name, ' ') FROM articles_articleauthor aa "
    "JOIN authors_author au ON au.id = aa.author_id WHERE aa.article_id = a.id), '') || ' ' || "
    "COALESCE((SELECT s.name FROM attribution_source s WHERE s.id = a.source_id), ''), "
    "a.body_text FROM articles_article a",
]


def has_fts5(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pragma_compile_options WHERE compile_options = 'ENABLE_FTS5'")
        return cursor.fetchone() is not None


def create_sqlite_index(apps, schema_editor):
    # Without FTS5 (a rare SQLite build), search falls back to a word match (articles.search.engine).
    if schema_editor.connection.vendor == "sqlite" and has_fts5(schema_editor):
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_sqlite_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS articles_article_fts")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_rank_vector"),
        ("authors", "0001_initial"),
        ("attribution", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleSearchDocument",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_column="rowid",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("document", articles.models.FullTextMatch(db_column="articles_article_fts")),
                ("rank", models.FloatField()),
            ],
            options={
                "db_table": "articles_article_fts",
                "managed": False,
            },
        ),
        migrations.RunPython(create_sqlite_index, drop_sqlite_index),
    ]
