"""WordPress content as body HTML, before the site's sanitiser: blocks, shortcodes, paragraphs."""

from wordpress_import.post_html import convert_body
from wordpress_import.post_html import plain_text


def test_block_comments_go_and_the_blank_lines_they_leave_with_them():
    content = (
        "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:image {"id":5} -->\n<figure><img src="a.jpg"></figure>\n<!-- /wp:image -->'
    )
    assert convert_body(content) == '<p>One</p>\n<figure><img src="a.jpg"></figure>'


def test_preformatted_text_keeps_its_blank_lines_in_both_editors():
    assert convert_body("<!-- wp:code -->\n<pre>a\n\nb</pre>\n<!-- /wp:code -->") == "<pre>a\n\nb</pre>"
    assert convert_body("Intro\n\n<pre>a\n\nb</pre>") == "<p>Intro</p>\n<pre>a\n\nb</pre>"


def test_classic_paragraphs_leave_block_elements_alone():
    assert convert_body("One\ntwo\n\n<h2>Head</h2>\n\n<ul>\n<li>x</li>\n</ul>") == (
        "<p>One<br>\ntwo</p>\n<h2>Head</h2>\n<ul>\n<li>x</li>\n</ul>"
    )


def test_caption_with_the_older_caption_attribute():
    content = '[caption id="attachment_9" caption="Old &amp; wise" width="200"]<img src="x.jpg" alt="" />[/caption]'
    assert convert_body(content) == '<figure><img src="x.jpg" alt="" /><figcaption>Old &amp; wise</figcaption></figure>'


def test_caption_without_a_picture_keeps_its_words():
    assert convert_body("[caption]Just words[/caption]") == "<p>Just words</p>"


def test_embed_shortcode_becomes_a_link():
    assert convert_body("[embed]https://video.example.org/v/1[/embed]") == (
        '<p><a href="https://video.example.org/v/1">https://video.example.org/v/1</a></p>'
    )


def test_plain_text_for_titles_and_standfirsts():
    assert plain_text("Energy &amp; <em>power</em>\n  now") == "Energy & power now"
    assert plain_text("") == ""
