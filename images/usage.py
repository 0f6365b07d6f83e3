"""Where library pictures are used, so that removing one warns the editor first.

The library knows none of the apps that show its pictures (they import it, never the reverse), and
some uses are no foreign key Django's delete collector could follow: a picture placed in an
article's body is a marker in its HTML. Each app that uses pictures registers a finder in its
`AppConfig.ready()`; the admin's delete pages ask them all.
"""

from dataclasses import dataclass

_finders = []


@dataclass(frozen=True)
class Use:
    """One place a picture appears: what it is (an article), how (its body), and its admin page."""

    image_id: int
    kind: str
    label: str
    how: str
    url: str


def register_usage_finder(finder):
    """`finder(image_ids)` gives the `Use`s of those pictures; registering the same one twice is harmless."""
    if finder not in _finders:
        _finders.append(finder)
    return finder


def uses_of(image_ids):
    """Every known use of these pictures, grouped by picture id, each group sorted by kind and label."""
    image_ids = {int(image_id) for image_id in image_ids}
    grouped = {image_id: [] for image_id in image_ids}
    if not image_ids:
        return grouped
    for finder in _finders:
        for use in finder(image_ids):
            grouped[use.image_id].append(use)
    for uses in grouped.values():
        uses.sort(key=lambda use: (use.kind, use.label.lower()))
    return grouped
