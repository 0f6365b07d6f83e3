"""Honest pictures for the demo, drawn with Pillow at load time: maps, charts and abstract illustrations.

We ship no one else's photographs, so every picture is one we draw ourselves and is described as
what it is: the alt text says what is shown, and the caption says it is an illustration, a
stylised map or a chart of illustrative data. Each picture is drawn from a seed made of the
article's slug, so the same article always gets the same picture.
"""

import hashlib
import io
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 800
SCALE = 2  # drawn at twice the size and reduced: smooth edges without a slow anti-aliasing pass
CREDIT = "Crosspost demo illustration"
ILLUSTRATIVE = "ILLUSTRATIVE DATA"  # printed on every chart whose figures we made up


@dataclass(frozen=True)
class Palette:
    name: str  # as the alt text says it, e.g. "navy and amber"
    background: tuple
    ink: tuple  # text and axes
    muted: tuple  # land, grid, secondary shapes
    colours: tuple  # data and shapes, the first one the accent


def _palettes():
    """The palettes in `content/palettes.json`, colours as (red, green, blue)."""
    data = json.loads((Path(__file__).parent / "content" / "palettes.json").read_text(encoding="utf-8"))
    return [
        Palette(
            name=palette["name"],
            background=tuple(palette["background"]),
            ink=tuple(palette["ink"]),
            muted=tuple(palette["muted"]),
            colours=tuple(tuple(colour) for colour in palette["colours"]),
        )
        for palette in data
    ]


PALETTES = _palettes()

# Continents as rough (longitude, latitude) outlines: enough for a dot map, never a survey.
LAND = [
    # North America
    [(-168, 66), (-156, 71), (-128, 70), (-95, 72), (-80, 73), (-62, 66), (-64, 60), (-78, 62), (-80, 55),
     (-66, 58), (-56, 52), (-60, 46), (-70, 43), (-76, 38), (-81, 31), (-80, 25), (-83, 29), (-90, 30),
     (-97, 27), (-97, 22), (-92, 18), (-87, 21), (-88, 16), (-83, 15), (-83, 10), (-78, 8), (-80, 7),
     (-86, 11), (-92, 14), (-100, 17), (-106, 22), (-112, 30), (-117, 32), (-121, 35), (-124, 40),
     (-124, 47), (-128, 51), (-135, 57), (-142, 60), (-152, 59), (-158, 56), (-165, 54), (-162, 58),
     (-166, 62)],
    # Greenland
    [(-55, 60), (-43, 60), (-35, 66), (-22, 70), (-20, 76), (-18, 80), (-30, 83), (-60, 82), (-70, 78),
     (-58, 75), (-52, 68)],
    # South America
    [(-78, 8), (-72, 12), (-62, 11), (-52, 5), (-50, 0), (-44, -2), (-35, -6), (-38, -13), (-40, -22),
     (-48, -26), (-53, -34), (-58, -38), (-65, -41), (-66, -47), (-69, -52), (-72, -54), (-75, -50),
     (-73, -40), (-71, -30), (-70, -18), (-76, -14), (-81, -6), (-80, 0), (-77, 4)],
    # Eurasia
    [(-9, 37), (-9, 43), (-2, 44), (-1, 46), (-5, 48), (2, 51), (5, 53), (9, 54), (14, 54), (21, 55),
     (24, 59), (30, 60), (32, 65), (40, 66), (44, 68), (60, 69), (70, 73), (80, 73), (100, 77), (112, 74),
     (130, 72), (140, 72), (160, 70), (170, 70), (180, 66), (180, 64), (170, 60), (163, 58), (162, 54),
     (157, 51), (156, 58), (142, 59), (137, 54), (141, 48), (135, 43), (130, 42), (129, 35), (126, 35),
     (126, 38), (122, 40), (121, 38), (119, 35), (121, 31), (120, 26), (114, 22), (108, 21), (106, 18),
     (109, 12), (105, 9), (101, 13), (100, 8), (103, 1), (101, 3), (98, 8), (98, 16), (94, 17), (92, 22),
     (88, 22), (80, 15), (80, 10), (77, 8), (73, 17), (72, 22), (67, 24), (62, 25), (57, 26), (56, 27),
     (52, 28), (48, 30), (50, 26), (52, 24), (56, 26), (59, 22), (55, 17), (52, 16), (45, 13), (43, 13),
     (39, 21), (35, 28), (34, 31), (35, 36), (30, 36), (27, 37), (26, 40), (23, 40), (22, 37), (20, 40),
     (19, 42), (14, 45), (12, 44), (16, 41), (18, 40), (16, 38), (12, 42), (10, 44), (3, 43), (0, 38),
     (-5, 36)],
    # Scandinavia
    [(5, 58), (5, 62), (10, 64), (15, 68), (20, 70), (28, 71), (31, 70), (29, 66), (24, 66), (21, 63),
     (18, 60), (16, 56), (12, 56), (10, 59), (8, 58)],
    # Africa
    [(-17, 21), (-17, 15), (-16, 11), (-13, 8), (-8, 4), (-2, 5), (5, 6), (9, 4), (10, -1), (12, -5),
     (13, -12), (12, -17), (15, -27), (18, -32), (20, -35), (26, -34), (32, -29), (35, -23), (35, -18),
     (40, -15), (40, -10), (39, -5), (42, 0), (48, 5), (51, 11), (44, 11), (43, 13), (39, 17), (36, 22),
     (33, 28), (32, 31), (30, 31), (20, 32), (19, 30), (11, 33), (10, 37), (0, 36), (-6, 36), (-10, 30),
     (-13, 27)],
    [(44, -25), (47, -25), (50, -15), (49, -12), (44, -17)],  # Madagascar
    [(-5, 50), (1, 51), (2, 53), (-2, 56), (-3, 59), (-6, 58), (-5, 55), (-3, 54), (-4, 52)],  # Britain
    [(-10, 52), (-6, 52), (-6, 55), (-8, 55)],  # Ireland
    [(-24, 64), (-14, 64), (-14, 66), (-22, 66)],  # Iceland
    [(130, 31), (132, 34), (136, 34), (140, 35), (141, 38), (142, 42), (145, 44), (141, 45), (140, 41),
     (139, 38), (136, 36), (131, 34)],  # Japan
    [(114, -22), (114, -34), (118, -35), (124, -33), (132, -32), (138, -35), (141, -38), (146, -39),
     (150, -37), (153, -28), (153, -25), (146, -19), (142, -10), (141, -13), (136, -12), (136, -15),
     (130, -12), (126, -14), (122, -17)],  # Australia
    [(172, -34), (178, -38), (174, -42), (167, -46), (170, -46), (174, -41)],  # New Zealand
    [(95, 5), (98, 4), (104, -2), (106, -6), (102, -4), (96, 2)],  # Sumatra
    [(109, 1), (110, -3), (116, -4), (119, 1), (117, 7), (113, 3)],  # Borneo
    [(105, -6), (114, -7), (114, -8.5), (105, -7.5)],  # Java
    [(131, -1), (138, -2), (145, -5), (150, -10), (142, -9), (138, -8), (132, -4)],  # New Guinea
    [(120, 18), (122, 18), (126, 7), (122, 7), (120, 12)],  # Philippines
    [(80, 6), (82, 7), (81, 10), (80, 9)],  # Sri Lanka
    [(-85, 22), (-82, 23), (-77, 22), (-74, 20), (-78, 20), (-82, 22)],  # Cuba
    [(-74, 18), (-72, 20), (-69, 19.8), (-68.5, 18.5), (-71, 18)],  # Hispaniola
    [(-78.3, 18.5), (-76.2, 18.5), (-76.3, 17.8), (-78, 17.9)],  # Jamaica
    [(-67.2, 18.5), (-65.6, 18.4), (-65.7, 17.9), (-67.2, 18)],  # Puerto Rico
]  # fmt: skip

# Inland seas the outlines above would otherwise fill in.
WATER = [
    [(47, 45), (50, 47), (53, 47), (54, 44), (52, 41), (54, 38), (53, 37), (49, 38), (49, 41), (47, 43)],  # Caspian
    [(28, 41), (28, 45), (30, 46), (33, 45), (37, 45), (40, 43), (41, 41), (36, 41.5), (31, 41)],  # Black Sea
    [(-95, 59), (-94, 61), (-88, 64), (-82, 64), (-80, 58), (-77, 55), (-80, 51), (-82, 53), (-87, 56),
     (-93, 57)],  # Hudson Bay
]  # fmt: skip


def _rng(slug):
    return random.Random(int.from_bytes(hashlib.sha256(slug.encode()).digest()[:8], "big"))


def palette_for(slug):
    return PALETTES[int(hashlib.sha256(slug.encode()).hexdigest(), 16) % len(PALETTES)]


def _font(size):
    # Pillow's own bundled font: the same letters on every machine, no system font needed.
    return ImageFont.load_default(size=size)


def _canvas(palette):
    picture = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), palette.background)
    return picture, ImageDraw.Draw(picture)


def _finish(picture):
    """Reduce the supersampled drawing to its published size, ready for text at that size."""
    return picture.reduce(SCALE)


def _label(draw, xy, text, size, fill, anchor="la"):
    draw.text(xy, text, font=_font(size), fill=fill, anchor=anchor)


def _encode(picture):
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=86, subsampling=0, optimize=True)
    return buffer.getvalue()


# --- maps --------------------------------------------------------------------------------------


def _land_mask(area, columns, rows):
    """Which cells of a columns × rows grid over `area` (west, south, east, north) are land."""
    west, south, east, north = area
    mask = Image.new("1", (columns, rows), 0)
    draw = ImageDraw.Draw(mask)

    def cell(lon, lat):
        return ((lon - west) / (east - west) * columns, (north - lat) / (north - south) * rows)

    for outline in LAND:
        draw.polygon([cell(lon, lat) for lon, lat in outline], fill=1)
    for outline in WATER:
        draw.polygon([cell(lon, lat) for lon, lat in outline], fill=0)
    return mask


def draw_map(slug, *, area, focus, label):
    """A dot map of `area` with the `focus` circles (lon, lat, radius in degrees) in the accent colour."""
    palette = palette_for(slug)
    picture, draw = _canvas(palette)
    west, south, east, north = area
    margin = 70 * SCALE
    span_x, span_y = WIDTH * SCALE - 2 * margin, HEIGHT * SCALE - 2 * margin - 60 * SCALE
    # Square cells on the ground: a degree of longitude shrinks with the cosine of the latitude.
    squeeze = max(math.cos(math.radians((north + south) / 2)), 0.35)
    per_degree = min(span_x / ((east - west) * squeeze), span_y / (north - south))
    # The area, widened around its centre to fill the frame; always 80 dots across.
    middle_lon, middle_lat = (west + east) / 2, (north + south) / 2
    half_lon, half_lat = span_x / per_degree / squeeze / 2, span_y / per_degree / 2
    west, east, south, north = (
        middle_lon - half_lon,
        middle_lon + half_lon,
        middle_lat - half_lat,
        middle_lat + half_lat,
    )
    step = span_x / 80
    columns, rows = 80, int(span_y / step)
    area = (west, south, east, north)
    mask = _land_mask(area, columns, rows)
    radius = step * 0.36
    accent, second = palette.colours[0], palette.colours[1]
    for row in range(rows):
        for column in range(columns):
            lon = west + (column + 0.5) / columns * (east - west)
            lat = north - (row + 0.5) / rows * (north - south)
            x, y = margin + column * step + step / 2, margin + row * step + step / 2
            near = min(
                (math.hypot((lon - f_lon) * squeeze, lat - f_lat) / f_radius for f_lon, f_lat, f_radius in focus),
                default=9,
            )
            if mask.getpixel((column, row)):
                fill = accent if near <= 1 else (second if near <= 1.35 else palette.muted)
                r = radius * (1.15 if near <= 1 else 1)
            else:
                # The sea: faint dots, in the accent colour where the map's focus is on the water.
                fill = accent if near <= 1 else palette.muted
                r = radius * (0.5 if near <= 1 else 0.22)
                if near > 1 and (row + column) % 3:
                    continue
            draw.ellipse([x - r, y - r, x + r, y + r], fill=fill)
    picture = _finish(picture)
    draw = ImageDraw.Draw(picture)
    _label(draw, (70, HEIGHT - 58), label, 30, palette.ink)
    _label(draw, (WIDTH - 70, HEIGHT - 52), "Stylised map, not to scale", 20, palette.ink, anchor="ra")
    return _encode(picture)


# --- charts ------------------------------------------------------------------------------------


def _chart_frame(palette, title, note):
    picture = Image.new("RGB", (WIDTH, HEIGHT), palette.background)
    draw = ImageDraw.Draw(picture)
    _label(draw, (70, 56), title, 34, palette.ink)
    _label(draw, (70, 104), note, 20, palette.colours[0])
    return picture, draw


def _nice_top(value, multiples=(1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)):
    """The round number at or above `value` that an axis can end on."""
    magnitude = 10 ** math.floor(math.log10(value)) if value > 0 else 1
    for multiple in multiples:
        if multiple * magnitude >= value:
            return multiple * magnitude
    return 10 * magnitude


def number(value, unit):
    text = f"{value:g}"
    return f"{text}{unit}" if unit in ("%", "°C") else (f"{text} {unit}" if unit else text)


def draw_bars(slug, *, title, labels, values, unit="", note=ILLUSTRATIVE):
    """A horizontal bar chart, one labelled bar per value, the largest in the accent colour."""
    palette = palette_for(slug)
    picture, draw = _chart_frame(palette, title, note)
    left, right, top, bottom = 330, WIDTH - 150, 170, HEIGHT - 60
    top_value = _nice_top(max(values))
    band = (bottom - top) / len(labels)
    bar = min(band * 0.62, 70)
    for tick in range(5):
        x = left + (right - left) * tick / 4
        draw.line([(x, top - 10), (x, bottom)], fill=palette.muted, width=2)
    largest = max(values)
    for index, (name, value) in enumerate(zip(labels, values, strict=True)):
        y = top + band * index + (band - bar) / 2
        x = left + (right - left) * value / top_value
        colour = palette.colours[0] if value == largest else palette.colours[1]
        draw.rounded_rectangle([left, y, max(x, left + 4), y + bar], radius=6, fill=colour)
        _label(draw, (left - 20, y + bar / 2), name, 26, palette.ink, anchor="rm")
        _label(draw, (x + 14, y + bar / 2), number(value, unit), 24, palette.ink, anchor="lm")
    return _encode(picture)


def draw_line(slug, *, title, labels, values, unit="", note=ILLUSTRATIVE):
    """A line chart over `labels` (years, months), with the area under it shaded."""
    palette = palette_for(slug)
    picture, draw = _chart_frame(palette, title, note)
    left, right, top, bottom = 150, WIDTH - 80, 180, HEIGHT - 110
    low = min(0, min(values))
    high = 4 * _nice_top(max(values) / 4, multiples=(1, 2, 2.5, 5, 10))

    def point(index, value):
        return (
            left + (right - left) * index / (len(values) - 1),
            bottom - (bottom - top) * (value - low) / (high - low),
        )

    for tick in range(5):
        value = low + (high - low) * tick / 4
        y = bottom - (bottom - top) * tick / 4
        draw.line([(left, y), (right, y)], fill=palette.muted, width=2)
        _label(draw, (left - 16, y), number(round(value, 1), unit), 22, palette.ink, anchor="rm")
    points = [point(index, value) for index, value in enumerate(values)]
    shade = tuple((c + b) // 2 for c, b in zip(palette.colours[1], palette.background, strict=True))
    draw.polygon([(left, bottom), *points, (right, bottom)], fill=shade)
    draw.line(points, fill=palette.colours[0], width=6, joint="curve")
    for x, y in points:
        draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=palette.colours[0])
    every = max(1, math.ceil(len(labels) / 8))
    for index, name in enumerate(labels):
        if index % every == 0 or index == len(labels) - 1:
            _label(draw, (points[index][0], bottom + 20), str(name), 22, palette.ink, anchor="ma")
    return _encode(picture)


# --- abstract illustrations ---------------------------------------------------------------------

MOTIFS = {
    "arcs": "concentric arcs",
    "circles": "overlapping circles",
    "waves": "layered wave bands",
    "mosaic": "a mosaic of triangles",
    "network": "dots joined by lines in a network",
    "stripes": "diagonal stripes of varying width",
    "contours": "contour lines like those of a relief map",
}


def draw_abstract(slug, *, motif):
    """A geometric composition, varied by the slug's seed, in one of the MOTIFS."""
    palette = palette_for(slug)
    rng = _rng(slug)
    picture = Image.new("RGBA", (WIDTH * SCALE, HEIGHT * SCALE), palette.background + (255,))
    overlay = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    w, h = picture.size
    colours = [*palette.colours, palette.muted]
    if motif == "arcs":
        cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.6, 1.1) * h
        for index in range(16, 0, -1):
            r = index * rng.uniform(0.055, 0.07) * w
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colours[index % len(colours)] + (255,))
    elif motif == "circles":
        for _ in range(14):
            r = rng.uniform(0.08, 0.28) * h
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice(colours) + (150,))
    elif motif == "waves":
        bands = 7
        for band in range(bands):
            base = h * (band + 1) / (bands + 1)
            amplitude, phase, length = rng.uniform(20, 90), rng.uniform(0, 6.3), rng.uniform(0.6, 1.4) * w
            top = [(x, base + amplitude * math.sin(phase + 2 * math.pi * x / length)) for x in range(0, w + 40, 40)]
            draw.polygon([*top, (w, h), (0, h)], fill=colours[band % len(colours)] + (235,))
    elif motif == "mosaic":
        size = w / 12
        for row in range(int(h / size) + 1):
            for column in range(13):
                x, y = column * size, row * size
                corners = [(x, y), (x + size, y), (x + size, y + size), (x, y + size)]
                cut = rng.randrange(4)
                first = [corners[cut], corners[(cut + 1) % 4], corners[(cut + 2) % 4]]
                second = [corners[(cut + 2) % 4], corners[(cut + 3) % 4], corners[cut]]
                draw.polygon(first, fill=rng.choice(colours) + (255,))
                if rng.random() < 0.7:
                    draw.polygon(second, fill=rng.choice(colours) + (200,))
    elif motif == "network":
        nodes = [(rng.uniform(0.05, 0.95) * w, rng.uniform(0.08, 0.92) * h) for _ in range(34)]
        for index, (x, y) in enumerate(nodes):
            for other in sorted(nodes, key=lambda node: math.hypot(node[0] - x, node[1] - y))[1:4]:
                draw.line([(x, y), other], fill=palette.muted + (255,), width=5)
            r = rng.uniform(10, 34)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colours[index % 3] + (255,))
    elif motif == "stripes":
        x = -h
        while x < w:
            width = rng.uniform(30, 160)
            draw.polygon([(x, h), (x + h, 0), (x + h + width, 0), (x + width, h)], fill=rng.choice(colours) + (255,))
            x += width + rng.uniform(10, 60)
    elif motif == "contours":
        peaks = [(rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h) for _ in range(3)]
        for x0, y0 in peaks:
            for ring in range(12, 0, -1):
                r = ring * rng.uniform(0.022, 0.03) * w
                wobble = [
                    (
                        x0 + r * (1 + 0.12 * math.sin(3 * t + ring)) * math.cos(t),
                        y0 + r * 0.7 * (1 + 0.12 * math.cos(2 * t + ring)) * math.sin(t),
                    )
                    for t in (i * 2 * math.pi / 72 for i in range(72))
                ]
                draw.polygon(wobble, outline=colours[ring % len(colours)] + (255,), width=6)
    else:
        raise ValueError(f"Unknown motif {motif!r}; choose one of {', '.join(MOTIFS)}.")
    picture.alpha_composite(overlay)
    return _encode(_finish(picture.convert("RGB")))


# --- author portraits ---------------------------------------------------------------------------


def draw_monogram(slug, name, size=400):
    """An author's stand-in portrait: initials on a softly patterned background, plainly not a photograph."""
    palette = palette_for(slug)
    rng = _rng(slug)
    picture = Image.new("RGB", (size * SCALE, size * SCALE), palette.colours[rng.randrange(3)])
    draw = ImageDraw.Draw(picture)
    s = size * SCALE
    tint = tuple((c + b) // 2 for c, b in zip(picture.getpixel((0, 0)), palette.background, strict=True))
    for ring in range(6, 0, -1):
        r = ring * s / 7
        cx, cy = s * rng.uniform(0.1, 0.9), s * rng.uniform(0.1, 0.9)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=tint, width=int(s / 60))
    draw.ellipse([s * 0.18, s * 0.18, s * 0.82, s * 0.82], fill=palette.background)
    picture = _finish(picture)
    initials = "".join(part[0] for part in name.replace("-", " ").split()[:2]).upper()
    ImageDraw.Draw(picture).text((size / 2, size / 2), initials, font=_font(size // 4), fill=palette.ink, anchor="mm")
    return _encode(picture)
