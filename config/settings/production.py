"""Production: every secret and host comes from the environment, and nothing has a default."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import database_from_url, env, env_bool, env_int, env_list


def required(name):
    value = env(name, "")
    if not value.strip():
        raise ImproperlyConfigured(f"{name} must be set in production (see README, 'Configuration').")
    return value


SECRET_KEY = required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or []
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production, e.g. 'example.org,www.example.org'.")
DATABASES = {"default": database_from_url(required("DATABASE_URL"))}
SITE_DOMAIN = env("DJANGO_SITE_DOMAIN", ALLOWED_HOSTS[0].lstrip("."))
SITE_SCHEME = env("DJANGO_SITE_SCHEME", "https")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

DEBUG = False

# Never fetch from this machine's own network, whatever the environment says (core.fetching).
FETCH_ALLOW_PRIVATE_ADDRESSES = False

# Whole pages are cached only in a cache every worker shares: a local-memory copy in one worker would
# not hear of an editor's change made through another (see PAGE_CACHE in base.py).
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", bool(env("REDIS_URL")))

# Static files: hashed names and pre-compressed copies, served by whitenoise.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env("DJANGO_AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible object storage for media (AWS, MinIO, Ceph, R2 ...).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("DJANGO_AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("DJANGO_AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("DJANGO_AWS_S3_REGION_NAME") or None,
            "custom_domain": env("DJANGO_AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "max-age=31536000, public"},
        },
    }

# SMTP when a host is given; otherwise e-mail goes to the log so nothing is silently lost.
if env("DJANGO_EMAIL_HOST"):
    EMAIL_BACKEND = "core.mail.DeadlineEmailBackend"
    EMAIL_HOST = env("DJANGO_EMAIL_HOST")
    EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)

# Or a provider through django-anymail: its backend, e.g. DJANGO_EMAIL_BACKEND=anymail.backends.postmark.EmailBackend,
# with ANYMAIL_<ESP>_API_KEY and so on read by anymail itself from ANYMAIL_* settings below. With
# ANYMAIL_WEBHOOK_SECRET ("user:password"), /anymail/<esp>/tracking/ takes the provider's bounces and
# complaints, and digests stop going to those addresses (digests.signals).
if env("DJANGO_EMAIL_BACKEND", "").startswith("anymail."):
    EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND")
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items() if name.startswith("ANYMAIL_") and value
}

# Errors to Sentry (or any service speaking its protocol) when SENTRY_DSN is set, through its
# official SDK; no personal data (IP addresses, cookies, users) is sent.
SENTRY_DSN = env("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.utils import BadDsn

    try:
        sentry_sdk.init(
            dsn=SENTRY_DSN,
            environment=env("SENTRY_ENVIRONMENT", "production"),
            send_default_pii=False,
            traces_sample_rate=0,
        )
    except BadDsn as exc:
        raise ImproperlyConfigured(f"SENTRY_DSN is not a Sentry DSN ({exc}).") from None

# HTTPS everywhere; a proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
# nosniff, Referrer-Policy, COOP, X-Frame-Options, HttpOnly and SameSite cookies and the CSP: base.py.
# Cookies only over HTTPS, and with the __Host- prefix, so a browser refuses them unless they are
# Secure, for this exact host (no Domain) and the whole site (Path=/): no sibling subdomain can set them.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,  # noqa: F405
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},  # noqa: F405
}
