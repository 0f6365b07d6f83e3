"""Every piece of content in one JSON file, with its stored files in a folder beside it, and back.

The file holds each record as Django's serializer writes it, primary keys included, so links
between records survive. References to accounts are written as usernames and to content types as
(app, model) pairs, since those rows are not content and have other ids on another site.
The import checks the file's shape and every stored file's checksum first, then each record, as
it goes, against its model's validation (each article body against the sanitiser, each picture
against the upload checks), all in one transaction; if anything fails, the transaction is rolled
back and any file written is removed, so a bad file leaves the site as it was.

Revisions, accounts and sessions are not content: the database backup keeps those
(docs/operations.md).
"""

import datetime
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from attribution.models import PublicationSettings
from pagecache.store import content_changed

FORMAT = "crosspost-content"
VERSION = 1

# In the order they are imported: whatever a record points to comes before it.
CONTENT_MODELS = [
    "authors.Author",
    "attribution.Source",
    "attribution.PublicationSettings",
    "articles.Region",
    "articles.Theme",
    "taggit.Tag",
    "images.Image",
    "articles.Article",
    "articles.ArticleAuthor",
    "articles.Correction",
    "articles.CorrectionAmendment",
    "taggit.TaggedItem",
    "partners.PermissionRequest",
    "redirects.Redirect",
    "wordpress_import.ImportRecord",  # what each WordPress item became, so a new import updates it
]
# Records named as an earlier version wrote them: {label then: label now}.
RENAMED_MODELS = {"syndication.permissionrequest": "partners.permissionrequest"}
# Derived from other columns and rebuilt on import (PostgreSQL's search and rank vectors).
DERIVED_FIELDS = {"articles.article": {"search_vector", "rank_vector"}}
# Singletons that exist as soon as a page is shown; the import replaces them.
REPLACED_MODELS = {"attribution.publicationsettings"}


class ContentFileError(Exception):
    """The file cannot be exported to or imported from; the message says why, in plain words."""


@dataclass
class Result:
    counts: dict = field(default_factory=dict)
    files: int = 0
    warnings: list = field(default_factory=list)

    @property
    def summary(self):
        """What was written or read, as a command reports it: "3 articles, 2 authors, …"."""
        return ", ".join(f"{count} {label}" for label, count in self.counts.items())


def content_models():
    """The content models of the installed apps, in import order."""
    installed = {config.label for config in apps.get_app_configs()}
    return [apps.get_model(label) for label in CONTENT_MODELS if label.split(".")[0] in installed]


def media_folder(path):
    """Where the stored files go: `content.json` keeps them in `content.media/`."""
    path = Path(path)
    return path.with_name(path.stem + ".media")


def stored_files(instance):
    """Names, in file storage, of every file this record keeps (a picture's renditions included)."""
    names = set(getattr(instance, "stored_names", ()))
    for model_field in instance._meta.concrete_fields:
        if model_field.get_internal_type() in {"FileField", "ImageField"}:
            value = getattr(instance, model_field.attname)
            if value:
                names.add(str(value))
    return names


def _reference_fields(model):
    """{field name: kind} of the fields that point at accounts ("user") or content types ("type")."""
    kinds = {}
    for model_field in model._meta.concrete_fields:
        if model_field.is_relation and model_field.related_model is get_user_model():
            kinds[model_field.name] = "user"
        elif model_field.is_relation and model_field.related_model is ContentType:
            kinds[model_field.name] = "type"
    return kinds


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


# --- export --------------------------------------------------------------------------------------


def export_content(path):
    """Write every content record to `path` and every stored file they name under `media_folder(path)`."""
    path = Path(path)
    folder = media_folder(path)
    if folder.exists() and any(folder.iterdir()):
        raise ContentFileError(f"{folder} already exists and is not empty: export to a new file name.")
    usernames = dict(get_user_model()._default_manager.values_list("pk", get_user_model().USERNAME_FIELD))
    types = {ct.pk: list(ct.natural_key()) for ct in ContentType.objects.all()}

    records, names, result = [], set(), Result()
    for model in content_models():
        label = model._meta.label_lower
        instances = list(model._default_manager.order_by("pk"))
        for record in serializers.serialize("python", instances):
            for name in DERIVED_FIELDS.get(label, ()):
                record["fields"].pop(name, None)
            for name, kind in _reference_fields(model).items():
                value = record["fields"].get(name)
                if value is not None:
                    record["fields"][name] = [usernames[value]] if kind == "user" else types[value]
            records.append(record)
        for instance in instances:
            names |= stored_files(instance)
        result.counts[label] = len(instances)

    manifest = []
    for name in sorted(names):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, open(target, "wb") as copy:
            shutil.copyfileobj(source, copy)
        manifest.append({"name": name, "size": target.stat().st_size, "sha256": _sha256(target)})
    result.files = len(manifest)

    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "counts": result.counts,
        "files": manifest,
        "objects": records,
    }
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(document, cls=ExactJSONEncoder, ensure_ascii=False, indent=1))
    partial.replace(path)
    return result


# --- import --------------------------------------------------------------------------------------


def _read(path):
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentFileError(f"{path} does not exist.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ContentFileError(f"{path} is not a content export (not JSON: {error}).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ContentFileError(f"{path} is not a content export made by `manage.py export_content`.")
    if document.get("version") != VERSION:
        version = document.get("version")
        raise ContentFileError(f"{path} is version {version!r} of the format; this site reads version {VERSION}.")
    if not isinstance(document.get("objects"), list) or not isinstance(document.get("files"), list):
        raise ContentFileError(f"{path} is damaged: it has no list of objects or of files.")
    return document


def _safe_name(name):
    """A stored file's name must stay inside the media folder: relative, no '..', nothing odd."""
    if not isinstance(name, str) or not name or "\\" in name or "\x00" in name:
        return False
    parts = PurePosixPath(name).parts
    return not PurePosixPath(name).is_absolute() and ".." not in parts and "." not in parts


def _check_files(document, folder):
    """{name: path on disk} of the files beside the export, each one checked against its checksum."""
    checked = {}
    for entry in document["files"]:
        name = entry.get("name") if isinstance(entry, dict) else None
        if not _safe_name(name):
            raise ContentFileError(f"The file list names {name!r}, which is not a plain relative file name.")
        source = folder / name
        if not source.is_file():
            raise ContentFileError(f"{name} is listed in the export but missing from {folder}.")
        if source.stat().st_size != entry.get("size") or _sha256(source) != entry.get("sha256"):
            raise ContentFileError(f"{name} in {folder} is not the file that was exported (its checksum differs).")
        checked[name] = source
    return checked


def _check_picture(name, source):
    """Pictures pass the same content checks as an upload (images.validators)."""
    from images.validators import inspect_image

    with open(source, "rb") as stream:
        try:
            inspect_image(File(stream, name=name))
        except ValidationError as error:
            raise ContentFileError(f"{name}: {' '.join(error.messages)}") from None


def _refuse_if_not_empty(models):
    present = [
        f"{model._default_manager.count()} {model._meta.verbose_name_plural}"
        for model in models
        if model._meta.label_lower not in REPLACED_MODELS and model._default_manager.exists()
    ]
    if present:
        raise ContentFileError(
            f"This site already has content ({', '.join(present)}). Import into an empty site: "
            "see docs/operations.md, 'Restoring from a content export'."
        )


def _decode_references(record, model, result):
    usernames = get_user_model()._default_manager
    for name, kind in _reference_fields(model).items():
        value = record["fields"].get(name)
        if value is None:
            continue
        if kind == "user":
            user = usernames.filter(**{get_user_model().USERNAME_FIELD: value[0]}).first()
            if user is None:
                result.warnings.append(f"{record['model']} #{record['pk']}: no account named {value[0]!r}; left empty.")
            record["fields"][name] = user.pk if user else None
        else:
            try:
                record["fields"][name] = ContentType.objects.get_by_natural_key(*value).pk
            except (ContentType.DoesNotExist, TypeError):
                raise ContentFileError(f"{record['model']} #{record['pk']}: unknown content type {value!r}.") from None


def _check_record(instance, label):
    where = f"{label} #{instance.pk}"
    try:
        instance.full_clean()
    except ValidationError as error:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
        raise ContentFileError(f"{where} is not valid: {problems}") from None
    if label == "articles.article":
        from articles.sanitizer import sanitize_html

        if sanitize_html(instance.body) != instance.body:
            raise ContentFileError(
                f"{where} ({instance.slug}): its body holds HTML the sanitiser removes (scripts, event handlers, "
                "unsafe links); this file was not made by export_content or has been changed since."
            )


def _write_files(files, written):
    for name, source in files.items():
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as present:
                if hashlib.sha256(present.read()).hexdigest() == _sha256(source):
                    continue  # already there, byte for byte (a restore onto the same media)
            raise ContentFileError(f"A different file is already stored as {name}; nothing was imported.")
        with open(source, "rb") as stream:
            stored = default_storage.save(name, File(stream, name=name))
        written.append(stored)
        if stored != name:
            raise ContentFileError(f"{name} could not be stored under its own name; nothing was imported.")


def import_content(path):
    """Load an export made by `export_content` into an empty site: all of it, or nothing."""
    path = Path(path)
    document = _read(path)
    models = {model._meta.label_lower: model for model in content_models()}
    order = list(models)
    records = document["objects"]
    for record in records:
        if not isinstance(record, dict) or not isinstance(record.get("fields"), dict) or "pk" not in record:
            raise ContentFileError(f"{path} is damaged: an object is not a record ({str(record)[:80]}).")
        record["model"] = RENAMED_MODELS.get(record.get("model"), record.get("model"))
        if record.get("model") not in models:
            raise ContentFileError(f"{path} holds {record.get('model')!r} records, which this site does not know.")
    files = _check_files(document, media_folder(path))
    _refuse_if_not_empty(models.values())

    result = Result()
    records = sorted(records, key=lambda record: order.index(record["model"]))
    written = []
    try:
        with transaction.atomic():
            kept = set()
            for record in records:
                model = models[record["model"]]
                _decode_references(record, model, result)
                try:
                    deserialized = next(serializers.deserialize("python", [record]))
                except DeserializationError as error:
                    raise ContentFileError(f"{record['model']} #{record['pk']} cannot be read: {error}") from None
                instance = deserialized.object
                if model._meta.label_lower in REPLACED_MODELS:
                    model._default_manager.filter(pk=instance.pk).delete()
                _check_record(instance, record["model"])
                for name in stored_files(instance):
                    if name not in files:
                        where = f"{record['model']} #{record['pk']}"
                        raise ContentFileError(f"{where} names {name}, which is not in the export.")
                    if record["model"] in {"images.image", "authors.author"}:
                        _check_picture(name, files[name])
                    kept.add(name)
                deserialized.save()
                result.counts[record["model"]] = result.counts.get(record["model"], 0) + 1
            _write_files({name: files[name] for name in sorted(kept)}, written)
            result.files = len(kept)
            _after_import(list(models.values()))
    except BaseException as error:
        for name in written:
            default_storage.delete(name)
        if isinstance(error, DatabaseError | ValueError):
            raise ContentFileError(f"The import failed and nothing was kept: {error}") from None
        raise
    # Cached pages and the cached publication settings describe the site before the import.
    content_changed(*models.values())
    PublicationSettings.clear_cache()
    return result


def _after_import(models):
    """What raw saves skip: database sequences past the imported ids, and the articles' write path's index."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    if apps.is_installed("articles"):
        from articles.services import articles_reindex

        articles_reindex()
    if settings.SITE_ID:
        from django.contrib.sites.models import Site

        Site.objects.clear_cache()
