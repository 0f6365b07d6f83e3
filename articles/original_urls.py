"""One article, one original: URLs compared the way a person would compare them."""

from urllib.parse import parse_qsl, urlencode, urlsplit

# Query parameters that only say how a reader arrived, never which page it is.
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "_ga"}


def normalise_url(url):
    """`https://www.Example.org/a/?utm_source=x#top` and `http://example.org/a` give the same key."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    try:
        port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    except ValueError:  # a port that is not a number: keep it as typed so it still compares
        port = parts.netloc.rpartition(":")[2]
    path = parts.path.rstrip("/") or ""
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMETERS
    ]
    key = f"{host}{port}{path}"
    if query:
        key += "?" + urlencode(sorted(query))
    return key[:500]
