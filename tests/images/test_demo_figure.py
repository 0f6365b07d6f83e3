"""The demo's figure goes through the library like any upload, and loading twice adds nothing."""

import pytest

from devtools.demo.loader import load_seed_article
from images.models import Image
from tests.images.samples import files_under

pytestmark = pytest.mark.django_db


def test_demo_figure_has_its_renditions_and_loading_twice_makes_no_duplicates(settings):
    load_seed_article()
    figure = Image.objects.get()
    # The library's files only: the author's portrait is stored beside them, under authors/.
    library = settings.MEDIA_ROOT / "images"
    stored = {str(path.relative_to(settings.MEDIA_ROOT)) for path in files_under(library)}

    load_seed_article()

    assert Image.objects.get() == figure
    assert sorted((r["width"], r["format"]) for r in figure.renditions) == [
        (480, "jpg"), (480, "webp"), (800, "jpg"), (800, "webp"), (1200, "jpg"), (1200, "webp"),
    ]  # fmt: skip
    assert stored == figure.stored_names
    assert {str(path.relative_to(settings.MEDIA_ROOT)) for path in files_under(library)} == stored


def test_a_demo_figure_loaded_before_renditions_existed_gets_them(django_capture_on_commit_callbacks):
    load_seed_article()
    Image.objects.update(renditions=[])

    with django_capture_on_commit_callbacks(execute=True):
        load_seed_article()

    figure = Image.objects.get()
    assert len(figure.renditions) == 6
