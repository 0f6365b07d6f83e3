"""Files to upload: sound pictures of each format, and the crafted ones the library must refuse."""

import io
import random
import struct
import zlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
SCRIPT = b"<script>alert(document.domain)</script>"
PAGE = b"<!DOCTYPE html><html><body><p>Hello</p>" + SCRIPT + b"</body></html>"


def noisy(width=120, height=80, mode="RGB", seed=0):
    """A picture of random pixels: it compresses badly, so cutting the file cuts the pixel data."""
    size = width * height * len(mode)
    return PILImage.frombytes(mode, (width, height), random.Random(seed).randbytes(size))


def encode(picture, fmt, **options):
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def picture_bytes(fmt, width=120, height=80, **options):
    picture = noisy(width, height)
    if fmt == "GIF":
        picture = picture.convert("P")
    return encode(picture, fmt, **options)


def animated_gif(frames=3, width=60, height=40, comment=b""):
    colours = [(200, 30, 30), (30, 200, 30), (30, 30, 200), (200, 200, 30)]
    pictures = [PILImage.new("RGB", (width, height), colours[index % 4]) for index in range(frames)]
    options = {"comment": comment} if comment else {}
    return encode(pictures[0], "GIF", save_all=True, append_images=pictures[1:], duration=100, loop=0, **options)


def private_exif(orientation=1):
    """EXIF with a camera, an owner and a GPS position, the way a phone writes it."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS Secret Mark II"
    exif[ExifTags.Base.Artist] = "Jane Private"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 26.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    return exif


def two_colour_picture(width=300, height=200):
    """Red on the left half, blue on the right: which way up it was stored is visible in its pixels."""
    picture = PILImage.new("RGB", (width, height), (220, 20, 20))
    picture.paste((20, 20, 220), (width // 2, 0, width, height))
    return picture


def with_private_metadata(fmt, orientation=1):
    exif = private_exif(orientation)
    if fmt == "JPEG":
        return encode(two_colour_picture(), "JPEG", exif=exif, comment=b"Taken at home", quality=95)
    if fmt == "PNG":
        text = PngInfo()
        text.add_text("Author", "Jane Private")
        return encode(two_colour_picture(), "PNG", exif=exif, pnginfo=text)
    return encode(two_colour_picture(), "WEBP", exif=exif, quality=95)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width=10_800, height=10_000):
    """A one-colour PNG of 108 megapixels that zlib squeezes into about 13 KB.

    One bit per pixel: 13.5 MB of rows, which deflate at its best ratio (about 1:1000) shrinks to
    next to nothing. Decoded, Pillow would hand out 108 million pixels.
    """
    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # filter "none", then a row of black pixels
    compressor = zlib.compressobj(9)
    compressed = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", compressed) + png_chunk(b"IEND", b"")


def gif_with_comment(comment):
    """A GIF whose comment extension holds `comment`, placed before its image."""
    gif = picture_bytes("GIF", 40, 30)
    table = 3 * (2 << (gif[10] & 7)) if gif[10] & 0x80 else 0
    start = 13 + table
    block = b"\x21\xfe" + b"".join(bytes([len(part)]) + part for part in _sub_blocks(comment)) + b"\x00"
    return gif[:start] + block + gif[start:]


def _sub_blocks(data):
    return [data[index : index + 255] for index in range(0, len(data), 255)]


# --- through the admin -------------------------------------------------------------------------


def files_under(root):
    root = Path(root)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def post_image(client, content, name, url=None, **fields):
    """The admin's add form (or the change form at `url`) sent with `content` as the file."""
    data = {"file": SimpleUploadedFile(name, content), "alt_text": "Described", "caption": "", "credit": ""}
    return client.post(url or reverse("admin:images_image_add"), {**data, **fields})


def post_raw_file_name(client, content, file_name):
    """The admin add form sent with `file_name` exactly as given, bytes and all: no client tidies it."""
    boundary = "----crosspost-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"\r\n\r\n{value}\r\n'.encode()
        for field, value in {"alt_text": "Described", "caption": "", "credit": ""}.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="'.encode()
        + file_name
        + b'"\r\nContent-Type: image/png\r\n\r\n'
        + content
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return client.generic(
        "POST", reverse("admin:images_image_add"), body, content_type=f"multipart/form-data; boundary={boundary}"
    )


def form_errors(response, field="file"):
    return response.context["adminform"].form.errors.get(field, [])
