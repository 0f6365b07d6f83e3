"""The mapping file: what each WordPress category becomes, and which custom fields hold the original.

TOML (or JSON, when the file name ends in `.json`), e.g.::

    [categories]
    other = "theme"                 # any category no rule below names: "region", "theme", "tag" or "skip"

    [categories.by_slug]            # a category by its WordPress slug (nicename)
    africa = "region"
    mena = { to = "region", slug = "middle-east" }   # into an existing region with another slug
    uncategorized = "skip"
    regions = "skip"

    [categories.by_parent]          # every category below this one (children, grandchildren…)
    regions = "region"
    topics = "theme"

    [custom_fields]                 # post-meta keys, first non-empty one wins
    original_url = ["original_url", "syndication_source_uri"]
    original_date = "original_date"
    source_name = "source_name"

A category's own slug rule wins over its parents'; the nearest parent with a rule wins over the
ones above it. README.md ("Importing from WordPress") documents the format for editors.
"""

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

KINDS = ("region", "theme", "tag", "skip")
FIELDS = ("original_url", "original_date", "source_name")
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class MappingError(Exception):
    """The mapping file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Target:
    """What a category becomes: a region, theme or tag (with the Crosspost slug to use, if not its own), or nothing."""

    kind: str
    slug: str = ""


@dataclass
class Mapping:
    by_slug: dict = field(default_factory=lambda: {"uncategorized": Target("skip")})
    by_parent: dict = field(default_factory=dict)
    other: Target = field(default_factory=lambda: Target("theme"))
    custom_fields: dict = field(default_factory=dict)

    def category_target(self, nicename, parents):
        """The rule for a category: its own, else its nearest ancestor's, else `other`.

        `parents` maps a nicename to its parent's nicename, as the export's channel lists them.
        """
        key = normalise_slug(nicename)
        if key in self.by_slug:
            return self.by_slug[key]
        seen = {key}
        parent = normalise_slug(parents.get(key, ""))
        while parent and parent not in seen:
            if parent in self.by_parent:
                return self.by_parent[parent]
            seen.add(parent)
            parent = normalise_slug(parents.get(parent, ""))
        return self.other

    def field_value(self, name, meta):
        """The first non-empty value among the custom-field keys named for `name`."""
        for key in self.custom_fields.get(name, ()):
            value = (meta.get(key) or "").strip()
            if value:
                return value
        return ""


def normalise_slug(value):
    """WordPress keeps non-ASCII slugs percent-encoded; rules are written and compared decoded, in lower case."""
    return unquote((value or "").strip()).lower()


def load_mapping(path) -> Mapping:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MappingError(f"Cannot read the mapping file {path}: {exc.strerror or exc}.") from None
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        language = "JSON" if path.suffix.lower() == ".json" else "TOML"
        raise MappingError(f"The mapping file {path} is not valid {language}: {exc}.") from None
    return mapping_from_dict(data)


def mapping_from_dict(data) -> Mapping:
    if not isinstance(data, dict):
        raise MappingError("The mapping file must be a table of settings ([categories], [custom_fields]).")
    _only(data, {"categories", "custom_fields"}, "the mapping file")
    mapping = Mapping()
    categories = data.get("categories", {})
    if not isinstance(categories, dict):
        raise MappingError("[categories] must be a table.")
    _only(categories, {"other", "by_slug", "by_parent"}, "[categories]")
    if "other" in categories:
        mapping.other = _target(categories["other"], "categories.other")
        if mapping.other.slug:
            raise MappingError("categories.other names a kind only (region, theme, tag or skip), not a slug.")
    for section in ("by_slug", "by_parent"):
        rules = categories.get(section, {})
        if not isinstance(rules, dict):
            raise MappingError(f"[categories.{section}] must be a table of slug = rule.")
        parsed = {normalise_slug(slug): _target(rule, f"categories.{section}.{slug}") for slug, rule in rules.items()}
        if section == "by_slug":
            mapping.by_slug.update(parsed)
        else:
            mapping.by_parent = parsed
    fields = data.get("custom_fields", {})
    if not isinstance(fields, dict):
        raise MappingError("[custom_fields] must be a table.")
    _only(fields, set(FIELDS), "[custom_fields]")
    for name, keys in fields.items():
        keys = [keys] if isinstance(keys, str) else keys
        if not isinstance(keys, list) or not keys or not all(isinstance(key, str) and key.strip() for key in keys):
            raise MappingError(f"custom_fields.{name} must be a custom-field key or a list of them.")
        mapping.custom_fields[name] = tuple(key.strip() for key in keys)
    return mapping


def _target(rule, where):
    if isinstance(rule, str):
        kind, slug = rule, ""
    elif isinstance(rule, dict):
        _only(rule, {"to", "slug"}, where)
        kind, slug = rule.get("to", ""), rule.get("slug", "")
        if not isinstance(slug, str):
            raise MappingError(f"{where}: slug must be text.")
    else:
        raise MappingError(f'{where} must be a kind ("region") or a table ({{ to = "region", slug = "…" }}).')
    if kind not in KINDS:
        raise MappingError(f"{where}: “{kind}” is not one of {', '.join(KINDS)}.")
    if slug and kind in ("skip", "tag"):
        raise MappingError(f"{where}: a slug can only be given for a region or a theme.")
    if slug and not SLUG.fullmatch(slug.strip()):
        raise MappingError(f"{where}: “{slug}” is not a slug (letters, digits and hyphens only).")
    return Target(kind, slug.strip())


def _only(table, allowed, where):
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise MappingError(f"{where}: unknown setting {', '.join(unknown)} (expected {', '.join(sorted(allowed))}).")
