"""The publication's brand as editors set it: an accent colour readers can read, and a logo that is only a picture.

The accent colour colours links, buttons and the masthead's rule, so it must be readable on white
and on the light grey panels (WCAG 2.1 AA: a contrast of at least 4.5:1); dark mode uses a lighter
shade of the same hue, computed here, readable on its darker backgrounds.

A logo is a PNG, JPEG or WebP (checked by the image library's validator), or an SVG made only of
drawing elements: no scripts, styles, event handlers, foreign content or links outside the file.
"""

import colorsys
import re

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from images.validators import validate_image_file

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
WHITE = "#ffffff"
# The backgrounds links sit on that are closest to them (static/css/site.css, --surface): the
# credits panel and the footer. Readable there, the accent is readable on every background.
LIGHT_SURFACE = "#f4f5f7"
DARK_SURFACE = "#1e2125"
READABLE = 4.5


def _luminance(colour):
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _with_lightness(colour, lightness):
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
    return "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(hue, lightness, saturation))


def _shade_until(colour, background, lighter):
    """The same hue made lighter (or darker) in small steps until it reads on `background`."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lightness = colorsys.rgb_to_hls(r, g, b)[1]
    step = 0.02 if lighter else -0.02
    candidate = colour
    while contrast(candidate, background) < READABLE and 0 <= lightness + step <= 1:
        lightness += step
        candidate = _with_lightness(colour, lightness)
    return candidate


def validate_accent_colour(value):
    if not HEX_COLOUR.fullmatch(value or ""):
        raise ValidationError("Enter the colour as # and six hexadecimal digits, e.g. #0b4f9c.", code="invalid")
    ratio = contrast(value, LIGHT_SURFACE)
    if ratio < READABLE:
        raise ValidationError(
            "Links in this colour would be hard to read on white and light grey (contrast %(ratio).1f:1; at "
            "least 4.5:1 is needed). A darker shade of the same hue that reads well: %(suggestion)s.",
            code="unreadable",
            params={"ratio": ratio, "suggestion": _shade_until(value, LIGHT_SURFACE, lighter=False)},
        )


def dark_mode_accent(colour):
    """The accent for dark mode: the same hue, light enough to read on the dark backgrounds."""
    return _shade_until(colour.lower(), DARK_SURFACE, lighter=True)


# --- Logos ---------------------------------------------------------------------------------------

SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
SVG_ELEMENTS = {
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
    "title", "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath", "mask", "use", "symbol",
}  # fmt: skip
SVG_ATTRIBUTES = {
    "id", "class", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "width",
    "height", "viewbox", "preserveaspectratio", "transform", "fill", "fill-opacity", "fill-rule",
    "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
    "stroke-dasharray", "opacity", "clip-path", "clip-rule", "mask", "offset", "stop-color", "stop-opacity",
    "gradientunits", "gradienttransform", "spreadmethod", "fx", "fy", "font-family", "font-size",
    "font-weight", "font-style", "letter-spacing", "text-anchor", "dominant-baseline", "dx", "dy",
    "version", "role", "aria-label", "aria-hidden", "focusable", "href",
}  # fmt: skip
LOGO_MAX_BYTES = 200 * 1024


def _local_name(name):
    return name.rsplit("}", 1)[-1].lower()


def _check_svg(data):
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        raise ValidationError("This SVG file is not well-formed XML.", code="invalid") from None
    if root.tag != SVG_NAMESPACE + "svg":
        raise ValidationError("This file is not an SVG image (its root is not an <svg> element).", code="invalid")
    for element in root.iter():
        name = _local_name(element.tag) if isinstance(element.tag, str) else ""
        if not element.tag.startswith(SVG_NAMESPACE) or name not in SVG_ELEMENTS:
            raise ValidationError(
                "The logo may only draw: it contains <%(name)s>, which is not allowed (no scripts, styles, "
                "links, images or foreign content).",
                code="unsafe",
                params={"name": name or element.tag},
            )
        for attribute, value in element.attrib.items():
            local = _local_name(attribute)
            if local not in SVG_ATTRIBUTES:
                raise ValidationError(
                    "The logo's <%(element)s> has the attribute “%(attribute)s”, which is not allowed.",
                    code="unsafe",
                    params={"element": name, "attribute": local},
                )
            if local == "href" and not value.startswith("#"):
                raise ValidationError('The logo may only refer to parts of itself (href="#…").', code="unsafe")
            if "url(" in value.replace(" ", "") and not value.replace(" ", "").startswith("url(#"):
                raise ValidationError("The logo may only refer to parts of itself (url(#…)).", code="unsafe")


def validate_logo(upload):
    """A raster logo passes the image library's checks; an SVG must be a plain drawing (see the module)."""
    name = (getattr(upload, "name", "") or "").lower()
    if not name.endswith(".svg"):
        validate_image_file(upload)
        return
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError("An SVG logo must be at most 200 KB.", code="too_large")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    _check_svg(data)


# --- Footer links --------------------------------------------------------------------------------

_url = URLValidator(schemes=["http", "https"])
_email = EmailValidator()


def validate_link(value):
    """A path on this site ("/about/"), a web address, or mailto: an e-mail address."""
    if value.startswith("/") and not value.startswith("//") and not any(c.isspace() or ord(c) < 32 for c in value):
        return
    if value.startswith("mailto:"):
        _email(value.removeprefix("mailto:"))
        return
    try:
        _url(value)
    except ValidationError:
        raise ValidationError(
            "Enter a page of this site starting with / (e.g. /about/), a full address starting with https://, "
            "or mailto: and an e-mail address.",
            code="invalid",
        ) from None
