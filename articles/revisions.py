"""Readable differences between stored versions of an article (django-reversion keeps them)."""

import difflib

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from authors.models import Author

from .models import Article, ArticleAuthor, Region, Theme, html_to_text

# Fields shown in the history, in the order of the editing form.
TRACKED = [
    "title", "slug", "dek", "body", "lead_image", "status", "published_at", "regions", "themes",
    "source", "original_url", "original_published_on", "copyright_holders", "copyright_holder_other",
    "copyright_year", "canonical_policy", "disclaimer",
]  # fmt: skip
LONG_TEXT = {"dek", "body", "disclaimer"}


def word_diff(old, new):
    """Words removed and added, marked with <del> and <ins>; unchanged stretches shortened."""
    old_words, new_words = old.split(), new.split()
    pieces = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            same = old_words[a1:a2]
            text = " ".join(same) if len(same) <= 12 else " ".join([*same[:5], "…", *same[-5:]])
            pieces.append(escape(text))
            continue
        if a2 > a1:
            pieces.append(format_html("<del>{}</del>", " ".join(old_words[a1:a2])))
        if b2 > b1:
            pieces.append(format_html("<ins>{}</ins>", " ".join(new_words[b1:b2])))
    return mark_safe(" ".join(str(piece) for piece in pieces))  # noqa: S308  # nosec B308 B703  # every piece escaped above


def _byline(version):
    """Author ids in byline order, from the link rows saved in the same revision."""
    content_type = ContentType.objects.get_for_model(ArticleAuthor)
    links = [v.field_dict for v in version.revision.version_set.all() if v.content_type_id == content_type.pk]
    return tuple(link["author_id"] for link in sorted(links, key=lambda link: (link["order"], link["id"])))


def _tags(version):
    content_type = ContentType.objects.get_for_model(TaggedItem)
    items = [v.field_dict for v in version.revision.version_set.all() if v.content_type_id == content_type.pk]
    return tuple(sorted(item["tag_id"] for item in items))


def _names(model, ids):
    found = model._default_manager.in_bulk(ids)
    return ", ".join(str(found.get(pk, f"(deleted #{pk})")) for pk in ids) or "—"


def _display(field, value):
    if value in (None, "", [], ()):
        return "—"
    model_field = Article._meta.get_field(field)
    if model_field.choices:
        return dict(model_field.choices).get(value, value)
    if field in {"regions", "themes"}:
        return _names(Region if field == "regions" else Theme, list(value))
    if model_field.is_relation:
        return _names(model_field.related_model, [value])
    return str(value)


def changes_between(older, newer):
    """[(label, old, new, diff_html_or_None)] for what differs between two versions."""
    if older is None:
        return [("Created", "", "", None)]
    before, after = older.field_dict, newer.field_dict
    changes = []
    for field in TRACKED:
        old, new = before.get(field), after.get(field)
        if field in {"regions", "themes"}:
            old, new = sorted(old or []), sorted(new or [])
        if old == new:
            continue
        label = Article._meta.get_field(field).verbose_name.capitalize()
        if field in LONG_TEXT:
            old_text = html_to_text(old or "") if field == "body" else (old or "")
            new_text = html_to_text(new or "") if field == "body" else (new or "")
            changes.append((label, "", "", word_diff(old_text, new_text)))
        else:
            changes.append((label, _display(field, old), _display(field, new), None))
    for label, read, model in (("Authors", _byline, Author), ("Tags", _tags, Tag)):
        old, new = read(older), read(newer)
        if old != new:
            changes.append((label, _names(model, list(old)), _names(model, list(new)), None))
    return changes


def history(article):
    """Every stored version of `article`, newest first, each with what it changed."""
    versions = list(
        Version.objects.get_for_object(article)
        .select_related("revision", "revision__user")
        .prefetch_related("revision__version_set")
        .order_by("-revision__date_created", "-pk")
    )
    entries = []
    for index, version in enumerate(versions):
        older = versions[index + 1] if index + 1 < len(versions) else None
        entries.append({"version": version, "changes": changes_between(older, version)})
    return entries
