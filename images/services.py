"""Putting pictures in the library: check, clean and store at upload; resize once, in the background.

Every way in (the admin, the demo loader, an import) goes through `image_set_file`, so each
stored picture has had its metadata removed before any page shows it. Its renditions are made by a
task (images.tasks) once the upload is committed, so an editor's upload waits for no resizing;
until they exist pages show the original (`Image.picture`), and afterwards they only read the
rendition list saved on the row. This lives in a service rather than in `Image.save()` because it
writes files, and a save that only changes a caption must not redo it.
"""

import io
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageOps, JpegImagePlugin

from . import formats, tasks
from .models import EXTENSIONS, Image
from .validators import inspect_image


@transaction.atomic
def image_create(*, file, alt_text, caption="", credit="", renditions_now=False):
    """A new library image from an uploaded file; raises ValidationError if the file is refused."""
    image = Image(alt_text=alt_text, caption=caption, credit=credit)
    image.full_clean(exclude=["file"])
    return image_set_file(image=image, file=file, renditions_now=renditions_now)


@transaction.atomic
def image_set_file(*, image, file, renditions_now=False):
    """Check `file`, store it without metadata and save `image`; its renditions follow.

    They are made by a background task queued once the change is committed; `renditions_now`
    makes them here instead, for a caller that needs them before it goes on. Replacing a picture
    removes the old files once the change is committed.
    """
    inspection = inspect_image(file)
    previous = _stored_names(image.pk)
    storage = image.file.storage
    written = []
    try:
        original, still = _cleaned_original(inspection)
        extension = EXTENSIONS[inspection.format]
        image.file.save(f"upload.{extension}", ContentFile(original), save=False)
        written.append(image.file.name)
        image.width, image.height = still.size
        image.renditions = _make_renditions(image, inspection, still, written) if renditions_now else []
        image.save()
    except BaseException:
        _delete(storage, written)
        raise
    transaction.on_commit(partial(_delete, storage, previous - image.stored_names))
    if not renditions_now:
        # Named by its file too: a task for a picture replaced since finds nothing to do.
        transaction.on_commit(partial(tasks.make_image_renditions.enqueue, image.pk, image.file.name))
    return image


def image_make_renditions(*, image_id: int, file_name: str) -> bool:
    """Make the renditions of image `image_id` from its stored original `file_name`; whether it made them.

    Idempotent: nothing is done for an image that has its renditions already, or that has been
    deleted or given another file since the task was queued.
    """
    image = Image.objects.filter(pk=image_id, file=file_name).first()
    if image is None or image.renditions:
        return False
    with image.file.open("rb") as stored:
        inspection = inspect_image(ContentFile(stored.read(), name=file_name))
    still = PILImage.open(io.BytesIO(inspection.data), formats=[inspection.format])
    still.load()
    if inspection.structure.frames == 1:
        # As _cleaned_original hands a still on: the stored file's colour profile is not carried over.
        still.info = {key: still.info[key] for key in ("transparency",) if key in still.info}
    storage = image.file.storage
    written = []
    try:
        renditions = _make_renditions(image, inspection, still, written)
        with transaction.atomic():
            current = Image.objects.select_for_update().filter(pk=image_id, file=file_name).first()
            if current is None or current.renditions:  # replaced, deleted or done while these were made
                _delete(storage, written)
                return False
            current.renditions = renditions
            # A save, not an update: the pages showing the picture hear of its new sizes (articles.signals).
            current.save(update_fields=["renditions"])
    except BaseException:
        _delete(storage, written)
        raise
    return True


def image_cleaned_file(upload):
    """A picture stored outside the library (an author's photo), checked and cleaned as library ones are.

    Raises ValidationError, saying what is wrong, for anything `inspect_image` refuses; otherwise
    gives the picture without EXIF, GPS, XMP or comments, turned upright, under the upload's own
    name with the extension its content calls for.
    """
    inspection = inspect_image(upload)
    original, _ = _cleaned_original(inspection)
    stem = (upload.name or "photo").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "photo"
    return ContentFile(original, name=f"{stem}.{EXTENSIONS[inspection.format]}")


def image_process(*, image, renditions_now=True):
    """Clean and resize an image already in the library again, from its stored original.

    For pictures stored before renditions existed, or whose rendition task never ran; a new upload
    gets them from `image_set_file`.
    """
    with image.file.open("rb") as stored:
        content = ContentFile(stored.read(), name=image.file.name)
    return image_set_file(image=image, file=content, renditions_now=renditions_now)


def image_delete_files(*, image):
    """Remove an image's original and renditions from storage once its deletion is committed."""
    transaction.on_commit(partial(_delete, image.file.storage, image.stored_names))


def _stored_names(pk):
    if pk is None:
        return set()
    stored = Image.objects.filter(pk=pk).first()
    return stored.stored_names if stored else set()


def _delete(storage, names):
    for name in names:
        storage.delete(name)


# --- cleaning ----------------------------------------------------------------------------------


def _cleaned_original(inspection):
    """The bytes to store, without EXIF, GPS, XMP or comments, and the first frame for resizing.

    A still picture is decoded, turned upright by its EXIF orientation (the tag itself goes) and
    encoded again. An animation keeps its frames byte for byte; only its metadata blocks are left out.
    """
    source = PILImage.open(io.BytesIO(inspection.data), formats=[inspection.format])
    if inspection.format == "GIF" or inspection.structure.frames > 1:
        source.load()
        return formats.strip_metadata(inspection.data, inspection.structure), source
    upright = ImageOps.exif_transpose(source)
    icc_profile = source.info.get("icc_profile")
    upright.info = {key: source.info[key] for key in ("transparency",) if key in source.info}
    buffer = io.BytesIO()
    if inspection.format == "JPEG":
        # The source's own quantisation tables: a second JPEG encode loses as little as it can.
        upright.save(
            buffer,
            format="JPEG",
            qtables=source.quantization,
            subsampling=JpegImagePlugin.get_sampling(source),
            optimize=True,
            icc_profile=icc_profile,
        )
    elif inspection.format == "PNG":
        upright.save(buffer, format="PNG", icc_profile=icc_profile)
    else:
        lossless = inspection.structure.lossless
        upright.save(buffer, format="WEBP", lossless=lossless, quality=100 if lossless else 90, icc_profile=icc_profile)
    return buffer.getvalue(), upright


# --- renditions --------------------------------------------------------------------------------


def rendition_widths(width):
    """The configured widths narrower than the picture, and the picture itself up to the widest."""
    configured = sorted(settings.IMAGE_RENDITION_WIDTHS)
    return sorted({w for w in configured if w < width} | {min(width, configured[-1])})


def _make_renditions(image, inspection, still, written):
    """WebP and original-format copies in every rendition width, saved next to the original."""
    width, height = still.size
    extension = EXTENSIONS[inspection.format]
    if inspection.structure.frames > 1:
        # A resized animation would lose frames or colours, and a still WebP in a <source> would
        # freeze it for every reader: an animation is shown as it was uploaded, metadata removed.
        return [_entry(width, height, extension, image.file.name)]
    storage = image.file.storage
    stem = image.file.name.rsplit(".", 1)[0]
    working = _for_resizing(still)
    icc_profile = still.info.get("icc_profile") if still.mode == working.mode else None
    renditions = []
    for target in rendition_widths(width):
        target_height = max(1, round(height * target / width))
        resized = (
            working
            if target == width
            # reducing_gap: a quick box reduction first, then Lanczos; several times faster on a big photo.
            else working.resize((target, target_height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)
        )
        for rendition_format in dict.fromkeys(["WEBP", inspection.format]):
            rendition_extension = EXTENSIONS[rendition_format]
            if target == width and rendition_format == inspection.format:
                # Full width in its own format is the cleaned original: no second copy.
                renditions.append(_entry(target, target_height, rendition_extension, image.file.name))
                continue
            content = ContentFile(_encode(resized, rendition_format, icc_profile))
            name = storage.save(f"{stem}-{target}w.{rendition_extension}", content)
            written.append(name)
            renditions.append(_entry(target, target_height, rendition_extension, name))
    return renditions


def _entry(width, height, extension, name):
    return {"width": width, "height": height, "format": extension, "name": name}


def _for_resizing(picture):
    """A copy in a mode Pillow resizes smoothly: palettes and bit images become full colour."""
    if picture.mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return picture
    return picture.convert("RGBA" if picture.has_transparency_data else "RGB")


def _encode(picture, fmt, icc_profile):
    buffer = io.BytesIO()
    if fmt == "WEBP":
        if picture.mode not in ("RGB", "RGBA"):
            picture, icc_profile = picture.convert("RGBA" if "A" in picture.mode else "RGB"), None
        picture.save(buffer, format="WEBP", quality=80, method=4, icc_profile=icc_profile)
    elif fmt == "JPEG":
        picture.save(buffer, format="JPEG", quality=82, optimize=True, progressive=True, icc_profile=icc_profile)
    elif fmt == "PNG":
        picture.save(buffer, format="PNG", optimize=True, icc_profile=icc_profile)
    else:
        picture.save(buffer, format="GIF", optimize=True)
    return buffer.getvalue()
