vcl 4.1;
# Varnish 7 in front of Crosspost (docs/deployment.md): pages the site marks public are kept as long
# as its Cache-Control says (s-maxage) and purged by surrogate key the moment content changes
# (pagecache.edge sends `PURGE /` with an `xkey-purge` header); anything personal goes straight to
# the site. Needs vmod xkey (Debian: varnish-modules).

import std;
import xkey;

# The site: gunicorn (or nginx in front of it) on this machine. tests/edge replaces host and port.
backend crosspost {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # Marked sick when /healthz fails, so pages past their time are served stale (stale-if-error)
    # rather than an error while the site is down.
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may purge: the site's own servers (DJANGO_EDGE_VARNISH_URLS points here).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        # A hard purge: a corrected byline must never be served again, not even while refetching.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    # The partners' tracking image (/r/<token>.gif): every view must reach the site to be counted. The
    # site marks it no-store anyway; passing here also spares it the waiting list of a cacheable miss.
    # It reads no cookie, so none is sent on.
    if (req.url ~ "^/r/[^/?]+\.gif") {
        unset req.http.Cookie;
        return (pass);
    }
    # Editors (a session), readers with a CSRF token or a message: always the site itself.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    # Any other cookie (analytics) means nothing to the site: without it, every reader shares one copy.
    unset req.http.Cookie;
    # While the site is healthy a page past its time is served for at most stale-while-revalidate
    # (DJANGO_EDGE_STALE_WHILE_REVALIDATE, 30 s) while it is fetched again; while it is down, for as long
    # as the object's grace (stale-if-error, below).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
}

sub vcl_backend_response {
    # Only what the site marks public is kept; a response without Cache-Control is never cached here.
    if (!beresp.http.Cache-Control || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # xkey reads the keys from the `xkey` header; the site names them in Surrogate-Key.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1s"), 0s);
    }
}

sub vcl_deliver {
    # Say whether Varnish answered (X-Cache; Age says how old the copy is); keep the keys to ourselves.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
