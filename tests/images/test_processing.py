"""What happens to a picture once accepted: metadata removed, turned upright, resized once, and
every file removed with it."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage

from images import services
from images.models import Image
from images.services import image_create
from images.services import image_process
from tests.images.samples import animated_gif
from tests.images.samples import encode
from tests.images.samples import files_under
from tests.images.samples import noisy
from tests.images.samples import picture_bytes
from tests.images.samples import post_image
from tests.images.samples import private_exif
from tests.images.samples import with_private_metadata

pytestmark = pytest.mark.django_db

PRIVATE = [b"Canon", b"EOS Secret", b"Jane Private", b"Taken at home"]


def _stored(name):
    return Path(Image.objects.get().file.storage.path(name))


def _create(content, name="upload"):
    """An upload, committed: its rendition task has run (at once, on the tests' immediate backend)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        image = image_create(file=ContentFile(content, name=name), alt_text="Described")
    image.refresh_from_db()
    return image


def _snapshot(root):
    return {path: path.stat().st_mtime_ns for path in files_under(root)}


# --- metadata ----------------------------------------------------------------------------------


def test_gps_and_camera_exif_are_gone_from_a_jpeg_uploaded_in_the_admin(editor_client):
    upload = with_private_metadata("JPEG")
    with PILImage.open(io.BytesIO(upload)) as original:  # the test file really carries them
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert original.getexif()[ExifTags.Base.Make] == "Canon"

    assert post_image(editor_client, upload, "holiday.jpg").status_code == 302

    image = Image.objects.get()
    for name in image.stored_names:
        content = _stored(name).read_bytes()
        with PILImage.open(io.BytesIO(content)) as stored:
            assert not stored.getexif(), name
            assert not stored.getexif().get_ifd(ExifTags.IFD.GPSInfo), name
            assert not {"exif", "xmp", "comment"} & stored.info.keys(), name
        assert not [marker for marker in PRIVATE if marker in content], name
        assert b"Exif\x00\x00" not in content, name


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_exif_and_text_are_gone_from_png_and_webp(fmt):
    image = _create(with_private_metadata(fmt))

    for name in image.stored_names:
        content = _stored(name).read_bytes()
        with PILImage.open(io.BytesIO(content)) as stored:
            assert not stored.getexif(), name
            assert not getattr(stored, "text", {}), name
        assert not [marker for marker in PRIVATE if marker in content], name


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_exif_orientation_is_applied_before_the_tag_is_removed(fmt):
    # Orientation 6: the camera was turned; the 300 × 200 sensor picture is shown 200 × 300, its
    # left (red) half on top.
    image = _create(with_private_metadata(fmt, orientation=6))

    assert (image.width, image.height) == (200, 300)
    with PILImage.open(image.file.path) as stored:
        assert stored.size == (200, 300)
        top, bottom = stored.convert("RGB").getpixel((100, 20)), stored.convert("RGB").getpixel((100, 280))
    assert top[0] > 150 > top[2], top
    assert bottom[2] > 150 > bottom[0], bottom
    assert {(r["width"], r["height"]) for r in image.renditions} == {(200, 300)}


def test_pictures_appended_to_a_jpeg_are_not_stored():
    # A gain map or depth map after the photo (Multi-Picture Format) is accepted, then left out.
    image = _create(picture_bytes("JPEG", 300, 200) + picture_bytes("JPEG", 30, 20))

    assert Path(image.file.path).read_bytes().count(b"\xff\xd8\xff") == 1


def test_a_lossless_webp_with_metadata_stays_lossless():
    original = noisy(64, 48)
    image = _create(encode(original, "WEBP", lossless=True, exif=private_exif()))

    with PILImage.open(image.file.path) as stored:
        assert not stored.getexif()
        assert stored.convert("RGB").tobytes() == original.tobytes()


def test_an_animated_gif_keeps_every_frame_and_loses_its_comment():
    upload = animated_gif(frames=3, comment=b"Jane Private, at home")

    image = _create(upload)

    content = Path(image.file.path).read_bytes()
    assert b"Jane Private" not in content
    with PILImage.open(image.file.path) as stored:
        assert stored.n_frames == 3
        assert stored.info.get("loop") == 0


# --- renditions --------------------------------------------------------------------------------


def _renditions(image):
    return sorted((r["width"], r["format"]) for r in image.renditions)


def test_a_wide_photo_gets_every_configured_width_in_webp_and_jpeg():
    image = _create(picture_bytes("JPEG", 2000, 1000))

    assert _renditions(image) == [(w, f) for w in (480, 800, 1200, 1600) for f in ("jpg", "webp")]
    for rendition in image.renditions:
        with PILImage.open(_stored(rendition["name"])) as stored:
            assert stored.size == (rendition["width"], rendition["height"])
            assert stored.format == {"jpg": "JPEG", "webp": "WEBP"}[rendition["format"]]
        assert rendition["height"] == rendition["width"] // 2
    # The original is kept at full size beside them.
    assert (image.width, image.height) == (2000, 1000)
    with PILImage.open(image.file.path) as original:
        assert original.size == (2000, 1000)


def test_renditions_are_never_wider_than_the_original():
    image = _create(picture_bytes("PNG", 700, 350))

    assert _renditions(image) == [(480, "png"), (480, "webp"), (700, "png"), (700, "webp")]
    full_width_png = next(r for r in image.renditions if r == {**r, "width": 700, "format": "png"})
    assert full_width_png["name"] == image.file.name, "the original serves its own width: no second copy"


def test_a_small_picture_gets_one_width_only():
    image = _create(picture_bytes("GIF", 300, 200))

    assert _renditions(image) == [(300, "gif"), (300, "webp")]


def test_a_webp_original_gets_webp_renditions_once():
    image = _create(picture_bytes("WEBP", 1000, 500))

    assert _renditions(image) == [(480, "webp"), (800, "webp"), (1000, "webp")]


def test_an_animation_is_served_as_uploaded_without_a_still_webp():
    image = _create(animated_gif(frames=3, width=900, height=600))

    assert image.renditions == [{"width": 900, "height": 600, "format": "gif", "name": image.file.name}]


def test_every_stored_file_is_listed_on_the_row(settings):
    image = _create(picture_bytes("JPEG", 1300, 800))

    on_disk = {str(path.relative_to(settings.MEDIA_ROOT)) for path in files_under(settings.MEDIA_ROOT)}
    assert on_disk == image.stored_names


def test_a_failure_half_way_through_the_renditions_leaves_the_original_alone(settings, monkeypatch):
    real_encode = services._encode
    calls = []

    def fail_on_the_third(*args):
        calls.append(args)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_encode(*args)

    monkeypatch.setattr(services, "_encode", fail_on_the_third)

    image = _create(picture_bytes("JPEG", 2000, 1000))  # the upload is kept; its rendition task failed

    assert image.renditions == [], "no half-made rendition list"
    on_disk = {str(path.relative_to(settings.MEDIA_ROOT)) for path in files_under(settings.MEDIA_ROOT)}
    assert on_disk == {image.file.name}, "the renditions written before the failure are removed"


def test_editing_the_caption_in_the_admin_does_not_make_the_renditions_again(editor_client, settings):
    image = _create(picture_bytes("JPEG", 1000, 600))
    before = _snapshot(settings.MEDIA_ROOT)

    response = editor_client.post(
        reverse("admin:images_image_change", args=[image.pk]),
        {"alt_text": "Described better", "caption": "A new caption", "credit": ""},
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.caption == "A new caption"
    assert _snapshot(settings.MEDIA_ROOT) == before


def test_replacing_the_file_in_the_admin_removes_the_old_files(
    editor_client, settings, django_capture_on_commit_callbacks
):
    image = _create(picture_bytes("JPEG", 1000, 600))
    old_names = image.stored_names

    with django_capture_on_commit_callbacks(execute=True):
        response = post_image(
            editor_client,
            picture_bytes("PNG", 500, 400),
            "new.png",
            url=reverse("admin:images_image_change", args=[image.pk]),
        )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".png")
    assert (image.width, image.height) == (500, 400)
    assert not old_names & image.stored_names
    on_disk = {str(path.relative_to(settings.MEDIA_ROOT)) for path in files_under(settings.MEDIA_ROOT)}
    assert on_disk == image.stored_names


def test_image_process_gives_a_picture_stored_without_renditions_its_renditions(
    settings, django_capture_on_commit_callbacks
):
    # As stored before renditions existed: the raw upload, EXIF and all, and no rendition list.
    legacy = Image(alt_text="Stored long ago")
    legacy.file.save("old.jpg", ContentFile(with_private_metadata("JPEG")), save=True)
    raw_name = legacy.file.name

    with django_capture_on_commit_callbacks(execute=True):
        image_process(image=legacy)

    legacy.refresh_from_db()
    assert _renditions(legacy) == [(300, "jpg"), (300, "webp")]
    assert b"Canon" not in Path(legacy.file.path).read_bytes()
    on_disk = {str(path.relative_to(settings.MEDIA_ROOT)) for path in files_under(settings.MEDIA_ROOT)}
    assert raw_name not in on_disk
    assert on_disk == legacy.stored_names


# --- deletion ----------------------------------------------------------------------------------


def test_deleting_an_image_deletes_its_original_and_renditions(settings, django_capture_on_commit_callbacks):
    image = _create(picture_bytes("JPEG", 2000, 1000))
    assert len(files_under(settings.MEDIA_ROOT)) == 9  # the original, four widths in JPEG and in WebP

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert files_under(settings.MEDIA_ROOT) == []


def test_files_stay_until_the_deletion_is_committed(settings, django_capture_on_commit_callbacks):
    image = _create(picture_bytes("JPEG", 900, 600))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.delete()

    assert len(files_under(settings.MEDIA_ROOT)) == len(image.stored_names) == 6
    for callback in callbacks:  # the commit
        callback()
    assert files_under(settings.MEDIA_ROOT) == []


def test_deleting_in_the_admin_one_by_one_or_in_bulk_deletes_the_files(
    editor_client, settings, django_capture_on_commit_callbacks
):
    first, second, third = (_create(picture_bytes("PNG", 900, 600)) for _ in range(3))

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("admin:images_image_delete", args=[first.pk]), {"post": "yes"})
    assert not first.stored_names & {str(p.relative_to(settings.MEDIA_ROOT)) for p in files_under(settings.MEDIA_ROOT)}

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("admin:images_image_changelist"),
            {"action": "delete_selected", "_selected_action": [second.pk, third.pk], "post": "yes"},
        )

    assert not Image.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_process_images_command_backfills_pictures_without_renditions_and_reports_refusals(
    settings, django_capture_on_commit_callbacks
):
    done = _create(picture_bytes("PNG", 600, 400))
    done_names = done.stored_names
    legacy = Image(alt_text="Stored long ago")
    legacy.file.save("old.jpg", ContentFile(picture_bytes("JPEG", 900, 600)), save=True)
    broken = Image(alt_text="Stored damaged")
    broken.file.save("broken.png", ContentFile(picture_bytes("PNG")[:-1]), save=True)
    out, err = io.StringIO(), io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("process_images", stdout=out, stderr=err)

    legacy.refresh_from_db()
    done.refresh_from_db()
    assert [r["width"] for r in legacy.renditions if r["format"] == "webp"] == [480, 800, 900]
    assert done.stored_names == done_names, "pictures with renditions are left alone"
    assert "Processed 1 image(s); 1 refused." in out.getvalue()
    assert f"Image {broken.pk}" in err.getvalue()
