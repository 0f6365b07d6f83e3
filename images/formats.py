"""The four formats we accept, read block by block without decoding a pixel.

Pillow decodes pictures; it does not tell us where a file *ends*, whether bytes follow the end
(where an HTML or script polyglot hides), or what the frames of an animation add up to before
it has decoded them. Walking each format's own block structure answers all three cheaply, and
lets us copy an animation without its metadata blocks, frames untouched.
"""

import re
import struct
import zlib
from dataclasses import dataclass

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Markup that has no business in a picture, found anywhere in the file. Each token is long enough
# (six bytes or more) that compressed pixel data contains it by chance less than once in
# hundreds of thousands of ten-megabyte uploads.
MARKUP = re.compile(
    rb"<(?:script|iframe|object|embed|!doctype|html[\s>]|body[\s>]|\?php\s)|javascript:",
    re.IGNORECASE,
)


class Damaged(ValueError):
    """The file breaks its format's structure: cut short, or blocks that do not fit together."""


@dataclass(frozen=True)
class Structure:
    """What the blocks of a file say, before anything is decoded."""

    format: str  # Pillow's name: JPEG, PNG, WEBP or GIF
    width: int
    height: int
    frames: int
    # Pixels a decoder must produce for every frame together (the canvas, for a still picture).
    decoded_pixels: int
    # Where the picture ends; anything after it is not part of the picture.
    end: int
    lossless: bool = False  # WebP only: the picture data is VP8L, lossless


def sniff(data):
    """The format the first bytes announce, or None; never the file's name."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(PNG_SIGNATURE):
        return "PNG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def read_structure(data, fmt):
    return {"JPEG": _jpeg, "PNG": _png, "GIF": _gif, "WEBP": _webp}[fmt](data)


def trailing_bytes(data, structure):
    """Bytes after the end of the picture that no browser or editor needs.

    A JPEG may be followed by further whole JPEGs: phone cameras store HDR gain maps and depth maps
    that way (the Multi-Picture Format). Zero padding carries nothing. Anything else is reported.
    """
    rest = data[structure.end :]
    if structure.format == "JPEG":
        while rest.startswith(b"\xff\xd8\xff"):
            rest = rest[_jpeg(rest).end :]
    return rest.strip(b"\x00")


def has_markup(data):
    return MARKUP.search(data) is not None


def strip_metadata(data, structure):
    """The same picture with only the blocks needed to draw it: frames and colour, no metadata."""
    return {"PNG": _png_stripped, "GIF": _gif_stripped, "WEBP": _webp_stripped}[structure.format](data, structure)


# --- JPEG --------------------------------------------------------------------------------------

# Start-of-frame markers carry the picture's size; C4, C8 and CC share the range but are not frames.
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data):
    size = len(data)
    if not data.startswith(b"\xff\xd8"):
        raise Damaged("no start-of-image marker")
    pos, width, height, scans = 2, 0, 0, 0
    while True:
        if pos >= size:
            raise Damaged("cut short before the end-of-image marker")
        if data[pos] != 0xFF:
            raise Damaged("bytes between segments")
        while pos < size and data[pos] == 0xFF:
            pos += 1
        if pos >= size:
            raise Damaged("cut short in a marker")
        marker = data[pos]
        pos += 1
        if marker == 0xD9:
            if not (width and height and scans):
                raise Damaged("no frame or no scan")
            return Structure("JPEG", width, height, 1, width * height, pos)
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue
        if marker in (0x00, 0xD8):
            raise Damaged("unexpected marker")
        if pos + 2 > size:
            raise Damaged("cut short in a segment length")
        (length,) = struct.unpack_from(">H", data, pos)
        if length < 2 or pos + length > size:
            raise Damaged("segment runs past the end")
        if marker in _JPEG_SOF:
            if length < 7:
                raise Damaged("frame header too short")
            height, width = struct.unpack_from(">HH", data, pos + 3)
        pos += length
        if marker == 0xDA:
            scans += 1
            pos = _jpeg_skip_entropy_coded(data, pos)


def _jpeg_skip_entropy_coded(data, pos):
    """The position of the marker that ends a scan's compressed data."""
    while True:
        found = data.find(b"\xff", pos)
        if found < 0 or found + 1 >= len(data):
            raise Damaged("cut short in compressed data")
        following = data[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # a stuffed 0xFF byte, or a restart marker
            pos = found + 2
        elif following == 0xFF:  # fill byte before a marker
            pos = found + 1
        else:
            return found


# --- PNG ---------------------------------------------------------------------------------------

# Chunks that change what the picture looks like; everything else (text, EXIF, time) is dropped.
_PNG_KEEP = {
    b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND",
    b"acTL", b"fcTL", b"fdAT",
    b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"cICP", b"sBIT", b"mDCV", b"cLLI",
}  # fmt: skip


def _png_chunks(data):
    """(kind, start, end) of every chunk up to IEND, each checked against its CRC."""
    size = len(data)
    pos = len(PNG_SIGNATURE)
    while True:
        if pos + 8 > size:
            raise Damaged("cut short before IEND")
        length, kind = struct.unpack_from(">I4s", data, pos)
        end = pos + 12 + length
        if end > size:
            raise Damaged("chunk runs past the end")
        (crc,) = struct.unpack_from(">I", data, end - 4)
        if zlib.crc32(data[pos + 4 : end - 4]) != crc:
            raise Damaged("chunk checksum does not match")
        yield kind, pos, end
        if kind == b"IEND":
            return
        pos = end


def _png(data):
    width = height = 0
    frames, frame_pixels = 1, 0
    for kind, start, end in _png_chunks(data):
        body = start + 8
        if kind == b"IHDR":
            if start != len(PNG_SIGNATURE) or end - start != 25:
                raise Damaged("IHDR missing or malformed")
            width, height = struct.unpack_from(">II", data, body)
        elif not width:
            raise Damaged("IHDR is not the first chunk")
        elif kind == b"acTL":
            (frames,) = struct.unpack_from(">I", data, body)
        elif kind == b"fcTL":
            frame_width, frame_height = struct.unpack_from(">II", data, body + 4)
            frame_pixels += frame_width * frame_height
    if not (width and height):
        raise Damaged("no size")
    return Structure("PNG", width, height, max(frames, 1), max(frame_pixels, width * height), end)


def _png_stripped(data, structure):
    return PNG_SIGNATURE + b"".join(data[start:end] for kind, start, end in _png_chunks(data) if kind in _PNG_KEEP)


# --- GIF ---------------------------------------------------------------------------------------


def _gif_color_table(flags):
    return 3 * (2 << (flags & 0x07)) if flags & 0x80 else 0


def _gif_skip_sub_blocks(data, pos):
    while True:
        if pos >= len(data):
            raise Damaged("cut short in a data block")
        length = data[pos]
        pos += 1 + length
        if length == 0:
            return pos


def _gif_blocks(data):
    """(kind, start, end) of the header and every block up to the trailer."""
    if len(data) < 13:
        raise Damaged("cut short in the header")
    pos = 13 + _gif_color_table(data[10])
    yield "header", 0, pos
    while True:
        if pos >= len(data):
            raise Damaged("cut short before the trailer")
        introducer = data[pos]
        if introducer == 0x3B:
            yield "trailer", pos, pos + 1
            return
        if introducer == 0x21:
            if pos + 2 > len(data):
                raise Damaged("cut short in an extension")
            end = _gif_skip_sub_blocks(data, pos + 2)
            yield _gif_extension_kind(data, pos), pos, end
        elif introducer == 0x2C:
            if pos + 11 > len(data):
                raise Damaged("cut short in an image descriptor")
            end = _gif_skip_sub_blocks(data, pos + 11 + _gif_color_table(data[pos + 9]))
            yield "image", pos, end
        else:
            raise Damaged("unknown block")
        pos = end


def _gif_extension_kind(data, pos):
    label = data[pos + 1]
    if label == 0xF9:
        return "graphic-control"
    # The loop count lives in a NETSCAPE2.0 (or ANIMEXTS1.0) application block.
    application = data[pos + 3 : pos + 14] if data[pos + 2 : pos + 3] == b"\x0b" else b""
    if label == 0xFF and application in (b"NETSCAPE2.0", b"ANIMEXTS1.0"):
        return "loop"
    return "metadata"  # comments, plain text, XMP, ICC and other application blocks


def _gif(data):
    width, height = struct.unpack_from("<HH", data, 6) if len(data) >= 10 else (0, 0)
    canvas_width, canvas_height = width, height
    frames = frame_pixels = end = 0
    for kind, start, block_end in _gif_blocks(data):
        end = block_end
        if kind == "image":
            left, top, frame_width, frame_height = struct.unpack_from("<HHHH", data, start + 1)
            frames += 1
            frame_pixels += frame_width * frame_height
            # A frame may reach past the logical screen; decoders then grow the canvas.
            canvas_width = max(canvas_width, left + frame_width)
            canvas_height = max(canvas_height, top + frame_height)
    if not frames:
        raise Damaged("no image")
    decoded = max(frame_pixels, canvas_width * canvas_height)
    return Structure("GIF", width, height, frames, decoded, end)


def _gif_stripped(data, structure):
    kept = ("header", "graphic-control", "loop", "image", "trailer")
    return b"".join(data[start:end] for kind, start, end in _gif_blocks(data) if kind in kept)


# --- WebP --------------------------------------------------------------------------------------

_WEBP_KEEP = {b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _u24(data, pos):
    return int.from_bytes(data[pos : pos + 3], "little")


def _webp_chunks(data):
    """(fourcc, start, end) of every top-level chunk; the RIFF header sets where the file ends."""
    if len(data) < 12:
        raise Damaged("cut short in the header")
    (riff_size,) = struct.unpack_from("<I", data, 4)
    end_of_file = 8 + riff_size
    if end_of_file > len(data):
        raise Damaged("cut short: the header promises more bytes")
    pos = 12
    while pos < end_of_file:
        if pos + 8 > end_of_file:
            raise Damaged("cut short in a chunk header")
        fourcc, length = struct.unpack_from("<4sI", data, pos)
        if pos + 8 + length > end_of_file:
            raise Damaged("chunk runs past the end")
        end = min(pos + 8 + length + (length & 1), end_of_file)
        yield fourcc, pos, end
        pos = end


def _webp(data):
    width = height = frames = frame_pixels = 0
    lossless = False
    for fourcc, start, end in _webp_chunks(data):
        body = start + 8
        if fourcc == b"VP8X" and end - body >= 10:
            width, height = _u24(data, body + 4) + 1, _u24(data, body + 7) + 1
        elif fourcc == b"VP8 " and not width and end - body >= 10:
            if data[body + 3 : body + 6] != b"\x9d\x01\x2a":
                raise Damaged("not a key frame")
            width, height = (value & 0x3FFF for value in struct.unpack_from("<HH", data, body + 6))
        elif fourcc == b"VP8L":
            lossless = True
            if not width and end - body >= 5:
                if data[body] != 0x2F:
                    raise Damaged("bad lossless signature")
                (bits,) = struct.unpack_from("<I", data, body + 1)
                width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        elif fourcc == b"ANMF" and end - body >= 16:
            frames += 1
            frame_pixels += (_u24(data, body + 6) + 1) * (_u24(data, body + 9) + 1)
    if not (width and height):
        raise Damaged("no picture data")
    end_of_file = 8 + struct.unpack_from("<I", data, 4)[0]
    return Structure("WEBP", width, height, max(frames, 1), max(frame_pixels, width * height), end_of_file, lossless)


def _webp_stripped(data, structure):
    chunks = []
    for fourcc, start, end in _webp_chunks(data):
        if fourcc not in _WEBP_KEEP:
            continue
        chunk = bytearray(data[start:end])
        if fourcc == b"VP8X":
            chunk[8] &= ~(_VP8X_EXIF | _VP8X_XMP) & 0xFF
        chunks.append(bytes(chunk))
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body
