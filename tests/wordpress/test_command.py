"""The command line: its options, the mapping file's checks, the progress bar and the report."""

import io
import json
import tomllib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article

from .conftest import FIXTURES
from .conftest import run_import

pytestmark = pytest.mark.django_db


def mapping_file(tmp_path, text, name="mapping.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[categories]\nother = "place"', r"categories.other: “place” is not one of region, theme, tag, skip"),
        ('[categories.by_slug]\nafrica = { to = "region", slug = "Not A Slug" }', r"is not a slug"),
        (
            '[categories.by_slug]\nnews = { to = "tag", slug = "x" }',
            r"a slug can only be given for a region or a theme",
        ),
        ('[custom_fields]\nauthor = "byline"', r"\[custom_fields\]: unknown setting author"),
        ("[custom_fields]\noriginal_url = 3", r"custom_fields.original_url must be a custom-field key or a list"),
        ("[categories\nbroken", r"is not valid TOML"),
        ('[tags]\nx = "y"', r"the mapping file: unknown setting tags"),
    ],
)
def test_a_bad_mapping_file_is_refused_before_anything_is_read(tmp_path, text, message):
    with pytest.raises(CommandError, match=message):
        run_import(FIXTURES / "site.xml", mapping=mapping_file(tmp_path, text))
    assert not Article.objects.exists()


def test_a_json_mapping_file_works_like_the_toml_one(tmp_path, uploads):
    rules = tomllib.loads((FIXTURES / "mapping.toml").read_text())
    as_json = mapping_file(tmp_path, json.dumps(rules), name="mapping.json")
    run_import(FIXTURES / "site.xml", mapping=as_json, media_dir=str(uploads))
    pipeline = Article.objects.get(title="Pipeline politics in the Sahel")
    assert sorted(pipeline.regions.values_list("slug", flat=True)) == ["middle-east", "west-africa"]
    assert pipeline.source.name == "Sahel Monitor"


def test_missing_mapping_file_and_media_folder_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match="Cannot read the mapping file"):
        run_import(FIXTURES / "site.xml", mapping=str(tmp_path / "nope.toml"))
    with pytest.raises(CommandError, match="is not a folder"):
        run_import(FIXTURES / "site.xml", media_dir=str(tmp_path / "nope"))


def test_progress_bar_on_stderr_and_report_on_stdout():
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", str(FIXTURES / "site.xml"), stdout=out, stderr=err, verbosity=1)
    assert "Importing" in err.getvalue() and "15/15" in err.getvalue()
    assert out.getvalue().startswith("site.xml: WXR 1.2 from https://old.example.org\nImported:")
    assert "Import complete." in out.getvalue()


def test_editors_see_the_import_records_in_the_admin_read_only(imported, editor_client):
    page = editor_client.get("/admin/wordpress_import/importrecord/?kind__exact=post")
    assert page.status_code == 200
    assert "Pipeline politics in the Sahel" in page.content.decode()
    assert editor_client.get("/admin/wordpress_import/importrecord/add/").status_code == 403
