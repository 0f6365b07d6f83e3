"""Fetching other sites' pages, politely and safely: the one way our code reads the web.

Every request made here has a total deadline and a size cap, says who we are (FETCH_USER_AGENT),
asks robots.txt first (fetched through this same path, and remembered), is counted against a
per-host limit in the shared cache, and goes only to public addresses unless settings allow
otherwise (server-side request forgery: a link we are given could point at the machine itself, the
cloud's metadata service or the office network). Each host is resolved once per hop, every address
it resolves to is checked, and the connection is made to the checked address, not to a second
lookup of the name, so a DNS answer that changes in between (DNS rebinding) cannot slip past.
Redirects are followed here, hop by hop, each hop checked like the first.

Imports nothing of ours; callers catch `FetchRefused` and read its `reason`.
"""

import dataclasses
import ipaddress
import socket
import time
import urllib.robotparser
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from django.conf import settings
from django.core.cache import cache

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT_STATUSES = frozenset({301, 308})
DEFAULT_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
_CHUNK = 64 * 1024


class FetchRefused(Exception):
    """A page we would not or could not fetch; `reason` says why in words an editor understands.

    `transient` is True when trying again later may succeed (a timeout, a refused connection, the
    per-host limit, robots.txt unreachable), False when it will not (a private address, a page too big,
    robots.txt disallowing us); `retry_after` says how many seconds later, when that is known (the limit).
    """

    def __init__(self, reason: str, *, transient: bool = False, retry_after: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after  # seconds, when we know how soon trying again may succeed


@dataclasses.dataclass(frozen=True)
class Redirect:
    """One hop that sent us elsewhere: the address that answered, and its status (301, 302, 303, 307, 308)."""

    url: str
    status: int

    @property
    def permanent(self) -> bool:
        return self.status in PERMANENT_REDIRECT_STATUSES


@dataclasses.dataclass(frozen=True)
class FetchResult:
    """What the last hop answered, and how we got there."""

    url: str
    status: int
    final_url: str
    redirects: tuple[Redirect, ...]
    headers: dict[str, str]  # names in lower case
    content: bytes
    elapsed: float  # seconds, every hop included

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding, errors="replace")

    @property
    def encoding(self) -> str:
        content_type = self.headers.get("content-type", "")
        for part in content_type.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                charset = value.strip("\"' ")
                try:
                    "".encode(charset)
                except LookupError:
                    break
                return charset
        return "utf-8"

    @property
    def moved_permanently(self) -> bool:
        """Every hop was a permanent redirect (301/308): the original's address has changed for good."""
        return bool(self.redirects) and all(hop.permanent for hop in self.redirects)


def user_agent() -> str:
    """FETCH_USER_AGENT, or one naming this site and its address, so a site's owner knows who asks."""
    if settings.FETCH_USER_AGENT:
        return settings.FETCH_USER_AGENT
    return f"CrosspostBot/1.0 (+{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}/; checks the pages we credit)"


def fetch(url: str, *, accept: str = DEFAULT_ACCEPT) -> FetchResult:
    """GET `url`, following redirects; raise FetchRefused instead of breaking any of the rules above.

    Any HTTP status is an answer (a 404 or a 500 is returned, not raised); only what was never
    answered, or what we refused to ask or to read, raises.
    """
    started = time.monotonic()
    deadline = started + settings.FETCH_TIMEOUT
    redirects: list[Redirect] = []
    current = url
    seen = set()
    while True:
        response_status, headers, content = _get(current, accept=accept, deadline=deadline, robots=True)
        location = headers.get("location")
        if response_status in REDIRECT_STATUSES and location:
            redirects.append(Redirect(current, response_status))
            if len(redirects) > settings.FETCH_MAX_REDIRECTS:
                raise FetchRefused(f"More than {settings.FETCH_MAX_REDIRECTS} redirects from {url}.")
            seen.add(current)
            current = urljoin(current, location.strip())
            if current in seen:
                raise FetchRefused(f"The redirects from {url} go round in a circle.")
            continue
        return FetchResult(
            url=url,
            status=response_status,
            final_url=current,
            redirects=tuple(redirects),
            headers=headers,
            content=content,
            elapsed=time.monotonic() - started,
        )


def allowed_by_robots(url: str, *, deadline: float | None = None) -> bool:
    """Whether the site's robots.txt lets our user agent fetch `url` (remembered for FETCH_ROBOTS_CACHE_SECONDS)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    key = f"fetch-robots:{origin}"
    lines = cache.get(key)
    if lines is None:
        lines = _robots_lines(origin, deadline=deadline)
        cache.set(key, lines, settings.FETCH_ROBOTS_CACHE_SECONDS)
    parser = urllib.robotparser.RobotFileParser()
    if lines == "disallow-all":
        parser.disallow_all = True
    elif lines == "allow-all":
        parser.allow_all = True
    else:
        parser.parse(lines)
    return parser.can_fetch(user_agent(), url)


def _robots_lines(origin: str, *, deadline: float | None):
    """robots.txt's lines, or "allow-all" / "disallow-all" as urllib.robotparser reads missing or forbidden files."""
    if deadline is None:
        deadline = time.monotonic() + settings.FETCH_TIMEOUT
    try:
        status, _headers, content = _get(f"{origin}/robots.txt", accept="text/plain", deadline=deadline, robots=False)
    except FetchRefused as refused:
        if refused.transient:
            raise FetchRefused(
                f"Could not read {origin}/robots.txt: {refused.reason}", transient=True, retry_after=refused.retry_after
            ) from None
        return "allow-all"  # too big or otherwise unreadable: as if there were none
    if status in (401, 403):
        return "disallow-all"
    if 400 <= status < 500 or status in REDIRECT_STATUSES:
        return "allow-all"
    if status >= 500:
        # RFC 9309: a server error on robots.txt means "assume complete disallow" for now.
        raise FetchRefused(f"{origin}/robots.txt answered {status}; trying again later.", transient=True)
    return content.decode("utf-8", errors="replace").splitlines()


def address_is_forbidden(address: str) -> bool:
    """True for every address that is not the public internet: private, loopback, link-local, multicast, reserved."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def _resolve(host: str, port: int) -> str:
    """The address to connect to for `host`, after checking every address it resolves to."""
    allowed_hosts = [name.lower() for name in settings.FETCH_ALLOWED_HOSTS]
    if allowed_hosts and host not in allowed_hosts:
        raise FetchRefused(f"{host} is not among the hosts this site may fetch from (FETCH_ALLOWED_HOSTS).")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"{host} could not be found ({exc}).", transient=True) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchRefused(f"{host} could not be found.", transient=True)
    if not settings.FETCH_ALLOW_PRIVATE_ADDRESSES:
        for address in addresses:
            if address_is_forbidden(address):
                raise FetchRefused(f"{host} points to {address}, a private or local address: not fetched.")
    # IPv4 first: it is what every origin serves, and what a local test server listens on.
    addresses.sort(key=lambda address: ":" in address)
    return addresses[0]


def _count_request(host: str) -> None:
    """Count one request to `host`; refuse past FETCH_PER_HOST_PER_MINUTE in the minute since the first."""
    limit = settings.FETCH_PER_HOST_PER_MINUTE
    if not limit:
        return
    key = f"fetch-rate:{host}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request starts a new minute
        cache.set(key, 1, timeout=60)
        count = 1
    if count > limit:
        raise FetchRefused(
            f"Already {limit} requests to {host} this minute (FETCH_PER_HOST_PER_MINUTE); trying again later.",
            transient=True,
            retry_after=60,
        )


def _bound_wait(response, deadline: float) -> None:
    """Let the next read of `response` wait no longer than the time left before `deadline`."""
    connection = response.connection
    sock = getattr(connection, "sock", None)
    if sock is not None:
        sock.settimeout(max(deadline - time.monotonic(), 0.001))


def _get(url: str, *, accept: str, deadline: float, robots: bool) -> tuple[int, dict[str, str], bytes]:
    """One hop: check the address, ask robots.txt, count it, then GET with the deadline and the size cap."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"Only http and https addresses are fetched, not {url!r}.")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchRefused(f"{url!r} has no host.")
    if parts.username or parts.password:
        raise FetchRefused("Addresses with a user name or password are not fetched.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused(f"{url!r} has an invalid port.") from None
    address = _resolve(host, port)
    if robots and settings.FETCH_RESPECT_ROBOTS and not allowed_by_robots(url, deadline=deadline):
        raise FetchRefused(f"{parts.netloc}'s robots.txt asks us not to fetch {url}.")
    _count_request(host)

    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchRefused(f"No answer from {parts.netloc} within {settings.FETCH_TIMEOUT} seconds.", transient=True)
    timeout = urllib3.Timeout(connect=remaining, read=remaining)
    pool_options = {"timeout": timeout, "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        # Connect to the checked address, but verify the certificate for (and tell SNI) the real name.
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            server_hostname=host,
            assert_hostname=host,
            **pool_options,
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, **pool_options)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    headers = {
        "Host": parts.netloc.rsplit("@", 1)[-1],
        "User-Agent": user_agent(),
        "Accept": accept,
        "Accept-Encoding": "gzip, deflate",
    }
    max_bytes = settings.FETCH_MAX_BYTES
    try:
        response = pool.urlopen(
            "GET", path, headers=headers, redirect=False, preload_content=False, assert_same_host=False
        )
        try:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchRefused(f"{url} is {int(declared):,} bytes, more than the {max_bytes:,} we read.")
            body = bytearray()
            # read1 returns what has come so far, so the deadline is checked however slowly a page drips in;
            # each wait for more is bounded by the time left.
            while True:
                _bound_wait(response, deadline)
                chunk = response.read1(_CHUNK, decode_content=True)
                if not chunk:
                    break
                body += chunk
                if len(body) > max_bytes:
                    raise FetchRefused(f"{url} is more than the {max_bytes:,} bytes we read.")
                if time.monotonic() > deadline:
                    raise FetchRefused(
                        f"{url} took more than {settings.FETCH_TIMEOUT} seconds to send.", transient=True
                    )
            return response.status, {name.lower(): value for name, value in response.headers.items()}, bytes(body)
        finally:
            response.release_conn()
            response.close()
    except urllib3.exceptions.TimeoutError:
        raise FetchRefused(
            f"No answer from {parts.netloc} within {settings.FETCH_TIMEOUT} seconds.", transient=True
        ) from None
    except urllib3.exceptions.SSLError as exc:
        raise FetchRefused(f"{parts.netloc}'s certificate could not be verified ({exc}).") from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchRefused(f"{parts.netloc} could not be reached ({exc}).", transient=True) from None
    finally:
        pool.close()
