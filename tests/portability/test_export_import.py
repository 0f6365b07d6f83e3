"""A content export, flushed site and import give back every record and every file, unchanged."""

import hashlib
import json
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.models import Status
from articles.services import article_withdraw
from articles.services import correction_change
from attribution.models import PublicationSettings
from authors.models import Author
from devtools.demo.loader import load_demo_content
from images.models import Image
from partners import clients
from partners.models import PermissionRequest
from partners.models import RequestStatus
from portability.content_file import content_models
from portability.content_file import media_folder
from tests.factories import AuthorFactory
from tests.factories import CorrectionFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import PermissionRequestFactory
from tests.factories import RegionFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory
from tests.factories import png_bytes
from tests.factories import publication_settings

# `flush` inside the import tests needs real transactions (PostgreSQL refuses TRUNCATE in a test transaction).
pytestmark = pytest.mark.django_db(transaction=True)


def snapshot():
    """Every column and many-to-many link of every content record, and the bytes of every stored file.

    Built without the exporter, so a field it forgot shows here. Accounts are named by username and
    content types by (app, model), since those rows are made again, with new ids, before an import.
    """
    usernames = dict(get_user_model().objects.values_list("pk", "username"))
    records, names = {}, set()
    for model in content_models():
        rows = []
        for instance in model._default_manager.order_by("pk"):
            row = {}
            for field in instance._meta.concrete_fields:
                value = getattr(instance, field.attname)
                if field.is_relation and field.related_model is get_user_model():
                    value = usernames.get(value)
                if field.is_relation and field.related_model is ContentType:
                    value = ContentType.objects.get_for_id(value).natural_key()
                if field.name in {"search_vector", "rank_vector"}:
                    continue  # derived; rebuilt by the import
                row[field.attname] = str(value) if field.get_internal_type() in {"FileField", "ImageField"} else value
            for field in instance._meta.many_to_many:
                row[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
            rows.append(row)
            names |= set(getattr(instance, "stored_names", ()))
            if getattr(instance, "photo", None):
                names.add(instance.photo.name)
        records[model._meta.label_lower] = rows
    files = {}
    for name in sorted(names):
        with default_storage.open(name) as stream:
            files[name] = stream.read()
    return records, files


@pytest.fixture
def content(editor):
    """The demo site, plus what it lacks: a photo, an embedded picture, requests, a redirect, a creator."""
    article = load_demo_content()
    article.created_by = editor
    article.save()
    author = article.authors.first()
    author.photo.save("portrait.png", ContentFile(png_bytes(60, 60)), save=True)
    picture = ImageFactory(alt_text="Harbour cranes at dusk", caption="Cranes", credit="Photo: Agency")
    other = Article.objects.exclude(pk=article.pk).filter(status=Status.PUBLISHED).first()
    other.body += picture.embed_code
    other.lead_image = picture
    other.save()
    old_slug = other.slug
    other.slug = "renamed-" + old_slug
    other.save()  # leaves a redirect from the old address
    decided = {"status": RequestStatus.APPROVED, "decided_by": editor, "decided_at": timezone.now()}
    PermissionRequestFactory(article=article, **decided)
    PermissionRequestFactory(article=article, message="Line one.\nLine two — with “quotes” and ünïcode.")
    publication_settings(reprint_disclaimer="Views are the authors' own.", permissions_contact_email="p@example.org")
    # Corrections with their history, and one on an article withdrawn since (it takes no new ones).
    reworded = CorrectionFactory(article=article, user=editor)
    correction_change(correction=reworded, what_is_right="Reworded by the editor.", user=editor)
    withdrawn = Article.objects.filter(status=Status.PUBLISHED).exclude(pk__in=[article.pk, other.pk]).first()
    CorrectionFactory(article=withdrawn)
    article_withdraw(article=withdrawn)
    assert Redirect.objects.exists() and Image.objects.count() >= 2 and PermissionRequest.objects.count() == 2
    return article


def flush_and_recreate_accounts(settings, tmp_path):
    """What a restore starts from: an empty database (accounts made again) and empty media storage."""
    usernames = list(get_user_model().objects.values_list("username", "is_superuser"))
    call_command("flush", interactive=False, verbosity=0)
    for username, is_superuser in usernames:
        get_user_model().objects.create(username=username, is_superuser=is_superuser, is_staff=True)
    settings.MEDIA_ROOT = tmp_path / "restored-media"


def test_export_flush_import_gives_back_everything(content, settings, tmp_path, client):
    before = snapshot()
    export = tmp_path / "content.json"
    call_command("export_content", str(export), verbosity=0)
    assert media_folder(export).is_dir()

    flush_and_recreate_accounts(settings, tmp_path)
    assert not Article.objects.exists() and not Author.objects.exists()
    call_command("import_content", str(export), verbosity=0)

    after = snapshot()
    assert after[0] == before[0]
    assert len(after[0]["articles.correction"]) == 2 and len(after[0]["articles.correctionamendment"]) == 1
    assert after[1] == before[1]
    assert {label: len(rows) for label, rows in after[0].items()} == {
        label: len(rows) for label, rows in before[0].items()
    }
    # The site works on what came back: pages, pictures, and new records after the imported ids.
    response = client.get(content.get_absolute_url())
    assert response.status_code == 200 and content.title.encode() in response.content
    assert Article.objects.create(title="New after import", slug="new-after-import").pk > content.pk
    # Search finds what came back (its index is written afresh after the raw saves).
    word = content.title.split()[-1]
    found = client.get(reverse("articles:search"), {"q": word}).content.decode()
    assert content.get_absolute_url() in found


def test_import_refuses_a_site_that_already_has_content(content, tmp_path):
    export = tmp_path / "content.json"
    call_command("export_content", str(export), verbosity=0)
    with pytest.raises(CommandError, match="already has content"):
        call_command("import_content", str(export), verbosity=0)


def test_export_refuses_to_mix_with_an_earlier_export(content, tmp_path):
    export = tmp_path / "content.json"
    call_command("export_content", str(export), verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_content", str(export), verbosity=0)


# --- bad files: a clear error, and nothing kept -------------------------------------------------


@pytest.fixture
def small_content(editor):
    """One of each kind of record, pictures included: enough to break an export in every way."""
    with_picture = CrossPostFactory(
        authors=[AuthorFactory()],
        regions=[RegionFactory()],
        themes=[ThemeFactory()],
        tags=[TagFactory()],
        lead_image=ImageFactory(),
        created_by=editor,
    )
    PermissionRequestFactory(article=with_picture)
    PermissionRequestFactory(article=with_picture)


@pytest.fixture
def exported(small_content, settings, tmp_path):
    """An export, and the site flushed, ready for an import."""
    export = tmp_path / "content.json"
    call_command("export_content", str(export), verbosity=0)
    flush_and_recreate_accounts(settings, tmp_path)
    return export


def edit(export, change):
    document = json.loads(export.read_text())
    change(document)
    export.write_text(json.dumps(document))


def first(document, model):
    return next(record for record in document["objects"] if record["model"] == model)


def assert_nothing_kept(settings):
    for model in content_models():
        if model._meta.label_lower != "attribution.publicationsettings":
            assert not model._default_manager.exists(), model
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def import_fails(export, match):
    with pytest.raises(CommandError, match=match) as error:
        call_command("import_content", str(export), verbosity=0)
    assert str(error.value).startswith("Nothing was imported.")


def test_not_json(exported, settings):
    exported.write_text("{ this is not json")
    import_fails(exported, "not a content export")
    assert_nothing_kept(settings)


def test_some_other_json(exported, settings):
    exported.write_text(json.dumps([{"model": "auth.user", "pk": 1, "fields": {}}]))
    import_fails(exported, "not a content export made by")
    assert_nothing_kept(settings)


def test_an_unknown_kind_of_record(exported, settings):
    edit(exported, lambda d: d["objects"].append({"model": "auth.user", "pk": 99, "fields": {"username": "x"}}))
    import_fails(exported, "'auth.user' records, which this site does not know")
    assert_nothing_kept(settings)


def test_an_export_from_before_the_partners_rename_imports(exported):
    """Exports made while the partners app was called `syndication` name its records by the old label."""

    def old_label(document):
        for record in document["objects"]:
            if record["model"] == "partners.permissionrequest":
                record["model"] = "syndication.permissionrequest"

    edit(exported, old_label)
    call_command("import_content", str(exported), verbosity=0)
    assert PermissionRequest.objects.count() == 2


def test_an_invalid_record_late_in_the_file_keeps_nothing_from_before_it(exported, settings):
    def break_last_request(document):
        requests = [record for record in document["objects"] if record["model"] == "partners.permissionrequest"]
        requests[-1]["fields"]["publication_url"] = "javascript:alert(1)"

    edit(exported, break_last_request)
    import_fails(exported, r"partners.permissionrequest #\d+ is not valid: publication_url: Enter a valid URL")
    assert_nothing_kept(settings)


def test_a_missing_required_value(exported, settings):
    edit(exported, lambda d: first(d, "authors.author")["fields"].update(name=""))
    import_fails(exported, r"authors.author #\d+ is not valid: name: This field cannot be blank")
    assert_nothing_kept(settings)


def test_an_article_body_with_a_script(exported, settings):
    edit(exported, lambda d: first(d, "articles.article")["fields"].update(body="<p>Hi</p><script>alert(1)</script>"))
    import_fails(exported, "HTML the sanitiser removes")
    assert_nothing_kept(settings)


def test_a_record_pointing_at_nothing(exported, settings):
    edit(exported, lambda d: first(d, "articles.articleauthor")["fields"].update(author=999999))
    import_fails(exported, r"articles.articleauthor #\d+ is not valid: author:")
    assert_nothing_kept(settings)


def test_a_missing_stored_file(exported, settings):
    document = json.loads(exported.read_text())
    (media_folder(exported) / document["files"][0]["name"]).unlink()
    import_fails(exported, "missing from")
    assert_nothing_kept(settings)


def test_a_changed_stored_file(exported, settings):
    document = json.loads(exported.read_text())
    (media_folder(exported) / document["files"][0]["name"]).write_bytes(b"something else")
    import_fails(exported, "checksum differs")
    assert_nothing_kept(settings)


def test_a_picture_that_is_not_a_picture(exported, settings):
    """A file with a matching checksum still passes the upload checks: a crafted export cannot smuggle a page in."""
    document = json.loads(exported.read_text())
    entry = next(entry for entry in document["files"] if entry["name"].startswith("images/"))
    fake = b"<html><script>alert(1)</script></html>"
    (media_folder(exported) / entry["name"]).write_bytes(fake)
    entry.update(size=len(fake), sha256=hashlib.sha256(fake).hexdigest())
    exported.write_text(json.dumps(document))
    import_fails(exported, f"{entry['name']}: This file is not a JPEG")
    assert_nothing_kept(settings)


@pytest.mark.parametrize("name", ["../outside.png", "/etc/passwd", "images/../../x.png", "a\\b.png"])
def test_a_file_name_that_leaves_the_media_folder(exported, settings, name):
    edit(exported, lambda d: d["files"].append({"name": name, "size": 1, "sha256": "0"}))
    import_fails(exported, "not a plain relative file name")
    assert_nothing_kept(settings)


def test_a_file_a_record_needs_but_the_export_lacks(exported, settings):
    def drop_file(document):
        name = first(document, "images.image")["fields"]["file"]
        document["files"] = [entry for entry in document["files"] if entry["name"] != name]

    edit(exported, drop_file)
    import_fails(exported, "which is not in the export")
    assert_nothing_kept(settings)


def test_a_username_that_does_not_exist_is_left_empty_with_a_warning(exported, capsys):
    get_user_model().objects.all().delete()
    call_command("import_content", str(exported))
    assert "no account named 'editor'; left empty" in capsys.readouterr().err
    assert Article.objects.get().created_by is None


def test_export_can_be_moved_with_its_folder(exported, tmp_path):
    moved = tmp_path / "elsewhere" / "backup.json"
    moved.parent.mkdir()
    shutil.copy(exported, moved)
    shutil.copytree(media_folder(exported), media_folder(moved))
    call_command("import_content", str(moved), verbosity=0)
    assert Article.objects.count() == 1


def test_import_forgets_cached_pages_and_settings_but_not_the_partners_rate_limits(content, settings, tmp_path, client):
    export = tmp_path / "content.json"
    call_command("export_content", str(export), verbosity=0)
    flush_and_recreate_accounts(settings, tmp_path)
    publication_settings(reprint_disclaimer="Before the import.")  # kept in the cache by django-solo
    empty = b"No articles have been published here yet."
    assert empty in client.get("/").content  # the empty site's home page, now in the page cache
    for _ in range(settings.PERMISSION_REQUESTS_PER_HOUR):
        clients.budget_spend("a-partner")

    call_command("import_content", str(export), verbosity=0)

    assert empty not in client.get("/").content
    assert PublicationSettings.get_solo().reprint_disclaimer == "Views are the authors' own."
    assert clients.budget_exhausted("a-partner"), "an import must not reset the partner form's rate limit"
