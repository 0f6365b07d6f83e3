"""The publication's brand: a readable accent colour (and its dark-mode shade), a logo that only draws."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from attribution.brand import DARK_SURFACE
from attribution.brand import LIGHT_SURFACE
from attribution.brand import WHITE
from attribution.brand import contrast
from attribution.brand import dark_mode_accent
from attribution.brand import validate_accent_colour
from attribution.brand import validate_link
from attribution.brand import validate_logo
from tests.factories import png_bytes
from tests.factories import publication_settings

SAFE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 40">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#0b5cad"/></linearGradient></defs>'
    b'<title>Crosspost</title><rect width="120" height="40" fill="url(#g)"/>'
    b'<text x="8" y="28" font-family="serif" font-size="24">CR</text><use xlink:href="#g"/></svg>'
)


def svg(markup):
    return SimpleUploadedFile("logo.svg", markup, content_type="image/svg+xml")


@pytest.mark.parametrize("colour", ["#0b5cad", "#000000", "#8a1538", "#1D6B3A"])
def test_readable_accent_colours_are_accepted(colour):
    validate_accent_colour(colour)


@pytest.mark.parametrize("colour", ["#ffcc00", "#9ecbff", "#ffffff"])
def test_an_unreadable_accent_colour_is_refused_with_a_readable_shade_of_it(colour):
    with pytest.raises(ValidationError) as refused:
        validate_accent_colour(colour)
    message = refused.value.messages[0]
    assert "hard to read on white and light grey" in message
    suggestion = message.rsplit(": ", 1)[1].rstrip(".")
    validate_accent_colour(suggestion)  # the suggestion itself passes


@pytest.mark.parametrize("value", ["blue", "#fff", "0b5cad", "#0b5cadff", "#gggggg", ""])
def test_a_malformed_colour_gets_a_clear_message(value):
    with pytest.raises(ValidationError, match="six hexadecimal digits"):
        validate_accent_colour(value)


@pytest.mark.parametrize("colour", ["#0b5cad", "#000000", "#8a1538", "#1d6b3a", "#5a2ca0"])
def test_the_dark_mode_shade_reads_on_the_dark_background(colour):
    assert contrast(colour, WHITE) >= contrast(colour, LIGHT_SURFACE) >= 4.5
    assert contrast(dark_mode_accent(colour), DARK_SURFACE) >= 4.5


@pytest.mark.django_db
def test_every_page_carries_the_accent_as_css_custom_properties(client):
    publication_settings(accent_colour="#8a1538")

    html = BeautifulSoup(client.get("/").content, "html.parser").html

    assert "--accent: #8a1538" in html["style"]
    assert f"--accent-dark: {dark_mode_accent('#8a1538')}" in html["style"]


def test_an_svg_logo_that_only_draws_is_accepted():
    validate_logo(svg(SAFE_SVG))


@pytest.mark.parametrize(
    ("markup", "why"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>', "onload"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><style>rect{fill:red}</style></svg>', "<style>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignobject>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.example/a.png"/></svg>', "<image>"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<use xlink:href="https://x.example/sprite.svg#a"/></svg>',
            "parts of itself",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://x.example/p)"/></svg>', "parts of itself"),
        (b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "not an SVG"),
        (b'<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "not well-formed"),
        (b"<svg", "not well-formed"),
    ],
)
def test_an_svg_logo_that_could_do_more_than_draw_is_refused(markup, why):
    with pytest.raises(ValidationError) as refused:
        validate_logo(svg(markup))
    assert why in refused.value.messages[0]


def test_a_raster_logo_goes_through_the_image_library_s_checks():
    validate_logo(SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png"))
    with pytest.raises(ValidationError):
        validate_logo(SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png"))


@pytest.mark.django_db
def test_the_masthead_shows_the_logo_named_for_the_publication_else_its_name(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publication_settings(site_name="Crosspost Review")
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one(".masthead .brand-name").get_text(strip=True) == "Crosspost Review"

    publication_settings(logo=svg(SAFE_SVG))
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    logo = soup.select_one(".masthead img.brand-logo")
    assert logo["alt"] == "Crosspost Review" and logo["src"].endswith(".svg")
    assert soup.select_one(".masthead .brand-name") is None


@pytest.mark.parametrize("value", ["/about/", "https://example.org/privacy", "mailto:press@example.org"])
def test_footer_links_may_be_our_pages_web_addresses_or_mail(value):
    validate_link(value)


@pytest.mark.parametrize("value", ["javascript:alert(1)", "//evil.example/", "about", "mailto:not-an-address", "/a b/"])
def test_other_footer_links_are_refused(value):
    with pytest.raises(ValidationError):
        validate_link(value)
