"""Request guards that belong to the whole site rather than to one app."""

import re

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed

# Pages are read with GET (and HEAD) and forms are sent with POST. Nothing here speaks WebDAV or
# CORS, and TRACE would echo a request's headers (cookies included) back to whoever sent it.
ALLOWED_METHODS = ("GET", "HEAD", "POST")


class AllowedMethodsMiddleware:
    """405 for every other method (TRACE, PUT, DELETE, OPTIONS, made-up ones) on every route, before any view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        return self.get_response(request)


# C0 control characters and DEL, which no address of ours contains. In a query string, tab and line
# breaks are let through: a form's text area may carry them (raw or percent-encoded).
CONTROL_IN_PATH = re.compile(r"[\x00-\x1f\x7f]")
CONTROL_IN_QUERY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|%(?:0[0-8bcef]|1[0-9a-f]|7f)", re.IGNORECASE)


def refuse(message, status=400):
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


class MalformedRequestMiddleware:
    """400 or 415 for requests no browser sends, before anything reads their query string or body.

    Each of these would otherwise reach a view, the database or Django's own parsing and end in a
    500: a NUL byte in the path or the query string (PostgreSQL refuses it in any text it is given),
    more query parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS (with DEBUG on, the error page itself
    reads them again and fails, after seconds), a request that names a charset other than UTF-8.
    Counting and matching strings costs microseconds; nothing is decoded here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_IN_PATH.search(request.path_info):
            return refuse("Bad request: the address contains a control character.")
        query = request.META.get("QUERY_STRING", "")
        if CONTROL_IN_QUERY.search(query):
            return refuse("Bad request: the query string contains a control character.")
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        # As Django's QueryDict counts them (urllib.parse.parse_qsl's max_num_fields).
        if limit is not None and query.count("&") + 1 > limit:
            return refuse("Bad request: too many query parameters.")
        # Django reads forms in UTF-8 only, as HTML sends them, and refuses any other charset with a 400
        # whose error page (CSRF-protected, so it reads the form again) fails in turn: a 500.
        charset = (request.content_params or {}).get("charset")
        if charset is not None and charset.lower() != "utf-8":
            return refuse("Unsupported media type: send forms in UTF-8.", status=415)
        return self.get_response(request)


class MediaNonceMiddleware:
    """Give the response's CSP nonce to form media that can carry one.

    The rich-text editor (django-prose-editor, through django-js-asset) needs an inline
    `<script type="importmap">`, which the policy allows only with this response's nonce. Its
    `Media` renders the nonce when it has one; Django 5.2's admin templates cannot pass it, so it is
    handed over here, on the template response's `media`, before the page is rendered.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        context = response.context_data
        media = context.get("media") if isinstance(context, dict) else None
        nonce = getattr(request, "csp_nonce", None)
        if nonce is not None and hasattr(media, "with_nonce"):
            # Lazy: the nonce is made (and added to the header) only if the media is rendered.
            context["media"] = media.with_nonce(nonce)
        return response
