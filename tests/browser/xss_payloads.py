"""Cross-site scripting payloads for the browser tests: each one, if it ever runs, calls `__xss(N)`.

They cover the usual ways in: script elements, event-handler attributes, `javascript:` and
obfuscated links, SVG and MathML, mutation XSS (markup that changes meaning when parsed twice),
break-outs from attributes, <title>, <textarea> and <script> (JSON-LD), and filter evasions.
`url_variant` and `email_variant` give a payload the shape a URL or e-mail field accepts, so that
fields which validate their input are still tried with something that reaches the page.
"""

PAYLOADS = [
    "<script>__xss(0)</script>",
    "<img src=x onerror=__xss(1)>",
    "<svg onload=__xss(2)>",
    "<svg><script>__xss(3)</script></svg>",
    '"><script>__xss(4)</script>',
    "'><img src=x onerror=__xss(5)>",
    '" autofocus onfocus="__xss(6)',
    "' autofocus onfocus='__xss(7)",
    '" onmouseover="__xss(8)" x="',
    '<a href="javascript:__xss(9)">read more</a>',
    '<a href="jav&#x09;ascript:__xss(10)">read more</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss(11)">read more</a>',
    '<a href=" JaVaScRiPt:__xss(12)">read more</a>',
    '<iframe srcdoc="<script>__xss(13)</script>"></iframe>',
    "<details open ontoggle=__xss(14)>",
    "<body onload=__xss(15)>",
    "<input autofocus onfocus=__xss(16)>",
    '<object data="javascript:__xss(17)"></object>',
    '<embed src="javascript:__xss(18)">',
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss(19)>",
    '<noscript><p title="</noscript><img src=x onerror=__xss(20)>">',
    "<svg><style><img src=x onerror=__xss(21)></style></svg>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(22)>",
    "</script><script>__xss(23)</script>",
    "</title><script>__xss(24)</script>",
    "</textarea><script>__xss(25)</script>",
    "<scr<script>ipt>__xss(26)</scr</script>ipt>",
    "<IMG SRC=x OnErRoR=__xss(27)>",
    '<img """><script>__xss(28)</script>">',
    '<a href="#" onclick="__xss(29)">read more</a>',
    "<video><source onerror=__xss(30)></video>",
    '<svg><a xlink:href="javascript:__xss(31)"><text x="20" y="20">read more</text></a></svg>',
    "<svg><animate onbegin=__xss(32) attributeName=x dur=1s>",
    "<select autofocus onfocus=__xss(33)></select>",
    "javascript:__xss(34)",
    '<meta http-equiv="refresh" content="0;url=javascript:__xss(35)">',
]


def url_variant(number):
    """A payload a URL field accepts: a real https address whose path breaks out of an attribute."""
    return f'https://example.org/"><img/src=x/onerror=__xss({number})>'


def email_variant(number):
    """A payload an e-mail field accepts: a quoted local part may hold markup (without spaces)."""
    return f'"<img/src=x/onerror=__xss({number})>"@example.org'
