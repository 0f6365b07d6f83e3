import logging

from django.contrib.sites.models import Site
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.generic import FormView, TemplateView

from articles.models import Article
from attribution.context_processors import publication_for
from attribution.credits import attribution_for
from core.budget import WINDOW_SECONDS
from core.http import client_ip

from . import clients, ledger
from .forms import PermissionRequestForm
from .mail import kit_for
from .models import PermissionRequest
from .services import permission_request_create, reprint_view_record

logger = logging.getLogger(__name__)


def rate_limited(request):
    """429 in the site's design: the client has sent its hour's worth of requests."""
    response = render(request, "partners/rate_limited.html", status=429)
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


class PermissionRequestView(FormView):
    """The partner form: /republish/ (the article chosen by its address) and /republish/<slug>/."""

    template_name = "partners/request_form.html"
    form_class = PermissionRequestForm

    def dispatch(self, request, *args, **kwargs):
        slug = kwargs.get("slug")
        self.article = get_object_or_404(Article.objects.published(), slug=slug) if slug else None
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.fingerprint = clients.client_fingerprint(request)
        if clients.budget_exhausted(self.fingerprint):
            return rate_limited(request)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        hosts = {self.request.get_host(), Site.objects.get_current().domain}
        return {**super().get_form_kwargs(), "article": self.article, "hosts": hosts}

    def form_valid(self, form):
        done = redirect("partners:thanks", slug=form.article.slug)
        if form.is_bot:
            return done  # looks like success; nothing stored, nothing sent
        if not clients.budget_spend(self.fingerprint):
            return rate_limited(self.request)
        permission_request_create(article=form.article, client_fingerprint=self.fingerprint, **form.request_fields())
        return done

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        # The article the page is about, or the one a partner's pasted address already led to.
        article = self.article or getattr(form, "article", None)
        if article is not None:
            context["attribution"] = attribution_for(article, publication=publication_for(self.request))
        context.update(article=article, chosen=self.article is not None)
        return context


class ThanksView(TemplateView):
    """Where a sent request lands; the same for everyone, so it says nothing about a particular request."""

    template_name = "partners/thanks.html"

    def get_context_data(self, **kwargs):
        article = get_object_or_404(Article.objects.published(), slug=self.kwargs["slug"])
        return super().get_context_data(article=article, **kwargs)


def kit(request, token):
    """The partner's private kit page: 404 for an unknown link, 410 once revoked or unpublished."""
    permission_request = get_object_or_404(PermissionRequest.objects.select_related("article"), kit_token=token)
    article = permission_request.article
    if permission_request.kit_revoked_at is not None:
        response = render(request, "partners/kit_gone.html", {"reason": "revoked"}, status=410)
    elif not permission_request.kit_is_live:
        raise Http404("No kit has been issued at this address.")
    elif not Article.objects.published().filter(pk=article.pk).exists():
        response = render(request, "partners/kit_gone.html", {"reason": "unpublished"}, status=410)
    else:
        context = {
            "permission_request": permission_request,
            "article": article,
            "kit": kit_for(permission_request, publication_for(request)),
        }
        response = render(request, "partners/kit.html", context)
    # A private page: never cached by a proxy, never indexed, and its address never sent on as a referrer.
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def reprint_pixel(request, token):
    """/r/<token>.gif, the kit's tracking image: always the same 1×1 GIF, whatever the token; counts the view.

    It reads no session, cookie or CSRF token and sets none, so nothing on the way out adds
    `Set-Cookie` or `Vary: Cookie`; `no-store` keeps it out of the page cache, Varnish and browsers,
    so every view reaches us. A bad or revoked token gets the same answer as a good one.
    """
    page = ledger.page_address(request.META.get("HTTP_REFERER", ""), own_hosts=ledger.own_hosts(request))
    # A HEAD is a link checker's, not a reader's.
    if page is not None and request.method == "GET":
        try:
            reprint_view_record(token=token, page_url=page, client=client_ip(request))
        except DatabaseError:
            # A view lost is better than a broken image on a partner's page.
            logger.exception("Reprint view not counted.")
    response = HttpResponse(ledger.TRACKING_GIF, content_type="image/gif")
    response["Cache-Control"] = "no-store, private, max-age=0"
    response["X-Robots-Tag"] = "noindex"
    return response
