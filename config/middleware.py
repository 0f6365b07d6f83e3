"""Request guards that belong to the whole site rather than to one app."""

from django.http import HttpResponseNotAllowed

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
