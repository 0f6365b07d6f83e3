"""Settings shared by every environment; each value can come from the environment."""

import datetime
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from config.env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def database_from_url(url):
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL Django understands: {exc}") from None
    # Persistent connections cost PostgreSQL most when a stale one is reused: check first.
    config["CONN_HEALTH_CHECKS"] = True
    return config


SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # Before staticfiles: `runserver` leaves static files to WhiteNoise, as every other server does. Its
    # own static handler answers a 500 to `/static/../` (Django passes its SuspiciousFileOperation on).
    "whitenoise.runserver_nostatic",
    "config.admin.CrosspostAdminConfig",  # django.contrib.admin, with autocomplete boxes that can create
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "config.apps.TagsConfig",  # django-taggit, named "Tags" in the admin
    "solo",
    "reversion",
    "csp",
    "axes",
    "django_prose_editor",
    "django_tasks",
    "config.apps.TasksConfig",  # django-tasks' database backend, its records readable in the admin
    "adminsortable2",
    "core",
    "authors",
    "attribution",
    "pagecache",
    "images",
    "articles",
    "curation",
    "partners",
    "originals",
    "digests",
    "wordpress_import",
    "dashboard",
    "portability",
]

MIDDLEWARE = [
    # First, so that every response has the policy, the HTTPS redirect included.
    "csp.middleware.CSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.AllowedMethodsMiddleware",
    # Before anything reads the query string or the body (CSRF reads a form's body).
    "config.middleware.MalformedRequestMiddleware",
    "config.middleware.MediaNonceMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and authentication: a cached page is served without any of them running.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Pages such as /about/ and /privacy/, written by editors in the admin (Flat pages).
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
SITE_ID = 1
# The host name (and port, if any) readers use; feeds, sitemaps and the admin's "view on site" build
# absolute links with it. Synchronised into the sites framework on every `migrate`.
SITE_DOMAIN = env("DJANGO_SITE_DOMAIN", "127.0.0.1:8000")
# The scheme of those absolute links where no request says it (e-mails); production defaults to https.
SITE_SCHEME = env("DJANGO_SITE_SCHEME", "http")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "attribution.context_processors.publication",
                "curation.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    # django-redis, not Django's own Redis backend: that one builds a new redis-py client (and its table of
    # some 170 reply handlers) for every call, about a third of a page-cache hit; this one keeps one.
    CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    # Room for the pages and for a record of each surrogate key changed (pagecache.store): at the
    # default 300 entries a bulk change would cull other values (the partner form's rate limits).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 10000}}
    }
# Anonymous readers' copies of public pages, kept in the cache above (pagecache). Each worker
# process has its own local-memory cache, which the editors' changes in another process cannot
# reach: with several workers, set REDIS_URL (production turns the page cache on only then).
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
# How long a cached page may live (it is dropped earlier when anything on it changes), and how long
# browsers and proxies may keep one before asking again (never past the next scheduled publication).
PAGE_CACHE_TIMEOUT = env_int("DJANGO_PAGE_CACHE_TIMEOUT", 60 * 60 * 24)
PAGE_MAX_AGE = env_int("DJANGO_PAGE_MAX_AGE", 60)
# When content next becomes visible with nothing saved (a scheduled article going live): no cached
# page outlives that moment.
PAGE_CACHE_NEXT_CHANGE = "articles.publishing.next_publication"
# What changed (an article, an author, a model for bulk changes) → the surrogate keys naming the pages
# that show it: what the page cache forgets and the shared caches in front purge (pagecache.edge).
PAGE_CACHE_KEYS = "articles.cache_keys.keys_changed"

# A shared cache in front (Varnish or a CDN; docs/deployment.md), purged by surrogate keys when content
# changes. DJANGO_EDGE_PURGE: "none" (the default), "varnish", "fastly" or "cloudflare"; each needs
# the settings below it (checked at start-up).
EDGE_PURGE = env("DJANGO_EDGE_PURGE", "none")
# Varnish: every instance's address; purged with `PURGE /` and an `xkey-purge` header (deploy/varnish).
EDGE_VARNISH_URLS = env_list("DJANGO_EDGE_VARNISH_URLS")
EDGE_FASTLY_SERVICE_ID = env("DJANGO_EDGE_FASTLY_SERVICE_ID", "")
EDGE_FASTLY_API_TOKEN = env("DJANGO_EDGE_FASTLY_API_TOKEN", "")
EDGE_FASTLY_API_URL = env("DJANGO_EDGE_FASTLY_API_URL", "https://api.fastly.com")
EDGE_CLOUDFLARE_ZONE_ID = env("DJANGO_EDGE_CLOUDFLARE_ZONE_ID", "")
EDGE_CLOUDFLARE_API_TOKEN = env("DJANGO_EDGE_CLOUDFLARE_API_TOKEN", "")
EDGE_CLOUDFLARE_API_URL = env("DJANGO_EDGE_CLOUDFLARE_API_URL", "https://api.cloudflare.com/client/v4")
EDGE_PURGE_TIMEOUT = env_int("DJANGO_EDGE_PURGE_TIMEOUT", 10)  # seconds, for each purge request
# The purge log (admin, "Cache purges") keeps finished purges this many days; 0 keeps them all.
EDGE_PURGE_LOG_DAYS = env_int("DJANGO_EDGE_PURGE_LOG_DAYS", 90, minimum=0)
# How long shared caches keep a page (s-maxage): a day when they are purged on every change, else no
# longer than browsers do. Never past the next scheduled publication, whatever is set.
EDGE_MAX_AGE = env_int("DJANGO_EDGE_MAX_AGE", 60 * 60 * 24 if EDGE_PURGE != "none" else PAGE_MAX_AGE)
# A shared cache may serve a page this much past s-maxage while it fetches it again (deploy/varnish/
# default.vcl uses the same 30 s), and this long while the site answers with errors or not at all.
EDGE_STALE_WHILE_REVALIDATE = env_int("DJANGO_EDGE_STALE_WHILE_REVALIDATE", 30)
EDGE_STALE_IF_ERROR = env_int("DJANGO_EDGE_STALE_IF_ERROR", 60 * 60 * 24)
# The publication-settings record is read on every page: keep it in the cache.
SOLO_CACHE = "default"
SOLO_CACHE_TIMEOUT = 60 * 10

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failures for one username, or from one
# address, every further attempt is refused, the right password included, until the cool-off has passed
# with no new failure. A refused attempt looks exactly like a wrong password (config.auth).
AUTHENTICATION_BACKENDS = [
    "config.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one alone is enough to lock
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.auth.lockout_response"
# The same client address as the partner form's rate limit: REMOTE_ADDR, or what trusted proxies saw.
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"  # dates and numbers are formatted as in British English
TIME_ZONE = env("DJANGO_TIME_ZONE", "UTC")
# The site speaks one language and translates nothing, so Django's translation machinery stays off, as its
# documentation advises: every reverse() and date format asked it for the active language (5-10 % of a page).
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Whether Django serves MEDIA_URL itself: only on a developer's machine (local.py), never in production.
SERVE_MEDIA = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: keep request bodies bounded; images have their own, tighter limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The image library refuses uploads larger than these, in bytes and in decoded pixels (a 40-megapixel
# photo decodes to about 160 MB of memory), and makes renditions this wide at upload, never wider
# than the original.
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", 10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000)
IMAGE_RENDITION_WIDTHS = (480, 800, 1200, 1600)

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "Crosspost <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# An SMTP server may take this long for each step of a conversation, and this long for all of them
# (core.mail.DeadlineEmailBackend, used in production). Mail is sent by background tasks, never in a
# reader's or an editor's request, so these bound a worker's wait, not a page's.
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)
EMAIL_DEADLINE = env_int("DJANGO_EMAIL_DEADLINE", 30)

# Background tasks (django-tasks, the backport of Django 6's django.tasks): stored in the site's own
# database and run by `manage.py db_worker` (see docs/deployment.md). Local and test settings run
# them at once instead, so `make run` needs no worker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def admins_from(name):
    """ADMINS from "Ana Lima <ana@example.org>, ops@example.org": who is mailed every server error."""
    admins = []
    for display_name, address in getaddresses([env(name, "")]):
        if not address:
            continue
        if "@" not in address or any(character.isspace() for character in address):
            raise ImproperlyConfigured(f"{name} must be e-mail addresses separated by commas, not {address!r}.")
        admins.append((display_name or address, address))
    return admins


# Who hears of a server error (each report is mailed by a background task). Empty: errors go to the
# log only, and the error page says so. SENTRY_DSN (production.py) reports them to Sentry too.
ADMINS = admins_from("DJANGO_ADMINS")
SENTRY_DSN = ""

TAGGIT_CASE_INSENSITIVE = True

# The rich-text editor's own extensions, loaded by its "configurable" preset when a form's config
# names them (django-prose-editor's documented mechanism). LibraryPicture makes the picture button
# open the image library's chooser and place the chosen picture as a captioned figure.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/prose-library-picture.js")],
        "extensions": {
            "LibraryPicture": html_tags(["figure", "figcaption", "img"], {"img": ["src", "alt", "data-file"]})
        },
    }
]

# How many articles each listing page shows, and each page of search results (each result
# carries a snippet, so fewer: ten, as most search pages show).
ARTICLES_PER_PAGE = 20
SEARCH_RESULTS_PER_PAGE = 10

# Syndication partners: requests to republish one client may send per hour, counted in the
# cache above (so with REDIS_URL the limit holds across every worker and server).
PERMISSION_REQUESTS_PER_HOUR = env_int("PERMISSION_REQUESTS_PER_HOUR", 5)
# The republication ledger (partners): views one reader (by client address, never stored) may add to
# one partner's count per hour through the kit's tracking image, so reloading inflates little; and
# how often each known copy's credits are checked again (`manage.py check_reprints`, run daily).
REPRINT_VIEWS_PER_CLIENT_PER_HOUR = env_int("REPRINT_VIEWS_PER_CLIENT_PER_HOUR", 3)
REPRINT_CHECK_INTERVAL_DAYS = env_int("REPRINT_CHECK_INTERVAL_DAYS", 7)
# Pages one partner's tracking image may add to the ledger; views from further pages (a forged
# Referer, most likely) are counted as the partner's "unknown page".
REPRINT_PAGES_PER_REQUEST = env_int("REPRINT_PAGES_PER_REQUEST", 50)
# Readers' e-mail digests (digests/). A confirmation link works this long; an address never confirmed is
# deleted after this many days (`manage.py expire_subscribers`, daily); an address is written to unasked
# (a confirmation, a reminder that it is subscribed) at most once per interval, however often the form
# is sent with it; and one client may send the form this often an hour.
DIGEST_CONFIRMATION_MAX_AGE = env_int("DIGEST_CONFIRMATION_MAX_AGE", 7 * 24 * 60 * 60)
DIGEST_UNCONFIRMED_DAYS = env_int("DIGEST_UNCONFIRMED_DAYS", 7)
DIGEST_PROMPT_INTERVAL = env_int("DIGEST_PROMPT_INTERVAL", 60 * 60)
DIGEST_SUBSCRIBES_PER_HOUR = env_int("DIGEST_SUBSCRIBES_PER_HOUR", 10)
# Sending: deliveries per sending task, attempts per delivery, and how long a worker's claim on a
# delivery holds before another may take it over (the first worker having died).
DIGEST_BATCH_SIZE = env_int("DIGEST_BATCH_SIZE", 200)
DIGEST_MAX_ATTEMPTS = env_int("DIGEST_MAX_ATTEMPTS", 4)
DIGEST_CLAIM_TIMEOUT = env_int("DIGEST_CLAIM_TIMEOUT", 15 * 60)
# A provider's soft bounce (a full mailbox) stops an address only when the last this many digests sent to
# it all bounced; a hard bounce or a complaint stops it at once.
DIGEST_SOFT_BOUNCE_LIMIT = env_int("DIGEST_SOFT_BOUNCE_LIMIT", 3, minimum=1)
# A mailbox that unsubscribes whoever writes to it, for List-Unsubscribe's mailto (RFC 2369); empty:
# only the one-click web address (RFC 8058), since an address nobody processes would be a false promise.
DIGEST_UNSUBSCRIBE_MAILTO = env("DIGEST_UNSUBSCRIBE_MAILTO", "")
# django-anymail's settings (production.py reads them from ANYMAIL_* variables). Its tracking webhooks
# are routed only once WEBHOOK_SECRET is set: without it they could only answer errors.
ANYMAIL = {}

# The client is REMOTE_ADDR. Behind reverse proxies that append to X-Forwarded-For, set how many
# there are (1 for one nginx), and the client is the address the outermost of them saw.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Fetching other sites (core.fetching): the originals we republish, and the reprints of ours.
# Each fetch, redirects included, gives up after FETCH_TIMEOUT seconds and reads at most
# FETCH_MAX_BYTES; it asks robots.txt first (remembered for FETCH_ROBOTS_CACHE_SECONDS) and makes
# at most FETCH_PER_HOST_PER_MINUTE requests to one host, counted in the shared cache. Private,
# loopback and link-local addresses are refused unless FETCH_ALLOW_PRIVATE_ADDRESSES (never in
# production); a non-empty FETCH_ALLOWED_HOSTS limits fetching to those host names.
# FETCH_USER_AGENT empty: "CrosspostBot/1.0 (+<this site's address>; ...)".
FETCH_TIMEOUT = env_int("FETCH_TIMEOUT", 20)
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 5 * 1024 * 1024)
FETCH_MAX_REDIRECTS = env_int("FETCH_MAX_REDIRECTS", 5)
FETCH_USER_AGENT = env("FETCH_USER_AGENT", "")
FETCH_PER_HOST_PER_MINUTE = env_int("FETCH_PER_HOST_PER_MINUTE", 6)
FETCH_RESPECT_ROBOTS = env_bool("FETCH_RESPECT_ROBOTS", True)
FETCH_ROBOTS_CACHE_SECONDS = env_int("FETCH_ROBOTS_CACHE_SECONDS", 60 * 60 * 6)
FETCH_ALLOW_PRIVATE_ADDRESSES = env_bool("FETCH_ALLOW_PRIVATE_ADDRESSES", False)
FETCH_ALLOWED_HOSTS = env_list("FETCH_ALLOWED_HOSTS")

# The originals we republish, watched (originals/): each published cross-post's original is fetched
# when it goes live and again when due, daily for ORIGINALS_RECENT_DAYS after publication and weekly
# after that; a check that fails is tried again ORIGINALS_RECHECK_AFTER_HOURS later (a page gone or
# paywalled becomes a finding only when two checks in a row say so). Text whose fingerprint is less
# than ORIGINALS_TEXT_SIMILARITY_PERCENT alike the first reading is "text changed".
# ORIGINALS_ARCHIVE: a web archive's "save" address with {url} in it, e.g.
# "https://web.archive.org/save/{url}", to keep a snapshot of each original; empty: none.
# Checks older than ORIGINALS_KEEP_CHECKS_DAYS are deleted by the hourly sweep, except each original's
# last check, its last readable one and any a finding points to; 0 keeps them all.
ORIGINALS_WATCH = env_bool("ORIGINALS_WATCH", True)
ORIGINALS_CHECK_EVERY_DAYS = env_int("ORIGINALS_CHECK_EVERY_DAYS", 7)
ORIGINALS_RECENT_DAYS = env_int("ORIGINALS_RECENT_DAYS", 14)
ORIGINALS_RECENT_CHECK_EVERY_DAYS = env_int("ORIGINALS_RECENT_CHECK_EVERY_DAYS", 1)
ORIGINALS_RECHECK_AFTER_HOURS = env_int("ORIGINALS_RECHECK_AFTER_HOURS", 6)
ORIGINALS_TEXT_SIMILARITY_PERCENT = env_int("ORIGINALS_TEXT_SIMILARITY_PERCENT", 80)
ORIGINALS_CHECKS_PER_RUN = env_int("ORIGINALS_CHECKS_PER_RUN", 500)
ORIGINALS_ARCHIVE = env("ORIGINALS_ARCHIVE", "")
ORIGINALS_KEEP_CHECKS_DAYS = env_int("ORIGINALS_KEEP_CHECKS_DAYS", 180, minimum=0)

# --- Security headers and cookies (production.py adds HTTPS-only ones: HSTS, Secure, __Host- names) ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Nothing here reads the CSRF cookie from JavaScript: every form carries its token.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp). Only our own scripts run: no inline script, no eval, no
# plugin, no <base>; forms post only to us; no other site may frame a page. The admin needs no
# inline script (Django 5.2 passes its data in data- attributes); the rich-text editor's import map
# is inline and gets the per-response nonce (config.middleware.MediaNonceMiddleware). The editor
# (tiptap) also adds one stylesheet of its own as it starts: that exact stylesheet is allowed by its
# hash; a new editor version with other CSS shows up as a violation in
# tests/browser/test_content_security_policy.py, whose message names the new hash. Style
# attributes stay allowed (some admin pages size a preview with one); CSS runs no code. Images may
# come from any https address, as imported article bodies link to their originals' pictures.
RICH_TEXT_EDITOR_STYLE = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE, RICH_TEXT_EDITOR_STYLE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", "https:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
    },
}

# /.well-known/security.txt (RFC 9116): where to report a vulnerability. Comma-separated; an e-mail
# address becomes a mailto: link. Empty: security@ the site's domain.
SECURITY_CONTACT = env_list("DJANGO_SECURITY_CONTACT")
SECURITY_TXT_LANGUAGES = env("DJANGO_SECURITY_TXT_LANGUAGES", "en")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Django's own report of a server error, mailed to ADMINS by a task rather than in the request.
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "core.mail.QueuedAdminEmailHandler",
        },
    },
    "loggers": {"django": {"handlers": ["mail_admins"], "level": "INFO"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
}
