"""Readers' pages: subscribe, confirm, preferences, one-click unsubscribe, and the archive of past issues."""

import json
from urllib.parse import urlsplit

from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView

from articles.cache_keys import card_keys
from articles.models import Region, Theme
from attribution.context_processors import publication_for
from authors.models import Author
from core.budget import WINDOW_SECONDS
from pagecache.middleware import public_page, shows

from . import clients, mail, services, tokens
from .forms import SubscribeForm, parse_follow
from .models import Digest, Frequency, Subscriber, TargetKind


def private(response):
    """A reader's own page: never cached by anyone, never indexed, its address never sent on as a referrer."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def same_origin(request):
    """False for a form posted from another site's page (browsers say where in Origin); True when none is sent."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    try:
        return urlsplit(origin).netloc.lower() == request.get_host().lower()
    except ValueError:
        return False


def subscribe_page(request, form, status=200):
    """The form on a page of its own: opened directly, or shown again with its errors."""
    options = [(f"region:{region.pk}", f"Region: {region.name}") for region in Region.objects.only("pk", "name")]
    options += [(f"theme:{theme.pk}", f"Theme: {theme.name}") for theme in Theme.objects.only("pk", "name")]
    chosen = form["follow"].value() or ""
    if chosen.startswith("author:"):  # authors are too many to list: the one the reader came from
        try:
            kind, author = parse_follow(chosen)
            options.append((chosen, f"Author: {author.name}"))
        except ValueError:
            pass
    context = {"form": form, "follow_options": options}
    return private(render(request, "digests/subscribe.html", context, status=status))


# The form is part of cached article and archive pages, shared by every anonymous reader, so it cannot
# carry a per-reader CSRF token. What CSRF would protect is done otherwise: the request acts for no
# signed-in user, a browser's cross-site post is refused by its Origin, robots meet the honeypot and the
# per-client budget, and nothing is subscribed until the address's owner confirms (double opt-in).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        initial = {}
        try:
            parse_follow(request.GET.get("follow", ""))
            initial["follow"] = request.GET["follow"]
        except (ValueError, KeyError):
            pass
        return subscribe_page(request, SubscribeForm(initial=initial))
    if not same_origin(request):
        return private(render(request, "digests/refused.html", status=403))
    fingerprint = clients.client_fingerprint(request)
    if clients.budget_exhausted(fingerprint):
        return rate_limited(request)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return subscribe_page(request, form, status=400)
    done = redirect("digests:check_inbox")
    if form.is_bot:
        return done  # looks like success; nothing stored, nothing sent
    if not clients.budget_spend(fingerprint):
        return rate_limited(request)
    subject_id = form.subject.pk if form.subject is not None else None
    services.subscription_request(
        email=form.cleaned_data["email"],
        kind=form.kind,
        subject_id=subject_id,
        frequency=form.cleaned_data["frequency"],
    )
    return done


def rate_limited(request):
    response = private(render(request, "digests/rate_limited.html", status=429))
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


@public_page
def check_inbox(request):
    """The same page whatever the address: it never says whether it was already subscribed."""
    return render(request, "digests/check_inbox.html")


def bad_link(request, reason):
    status = 410 if reason == "expired" else 404
    return private(render(request, "digests/bad_link.html", {"reason": reason}, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links must not confirm for the reader."""
    try:
        data = tokens.read_confirmation(token)
    except tokens.BadLink as error:
        return bad_link(request, str(error))
    if request.method != "POST":
        try:
            subject = services.subject_for(data["k"], data["s"])
        except (LookupError, TypeError, ValueError):
            return bad_link(request, "gone")
        context = {"token": token, "follows": subject, "frequency": data["f"]}
        return private(render(request, "digests/confirm.html", context))
    try:
        subscription = services.subscription_confirm(link=token)
    except tokens.BadLink as error:
        return bad_link(request, str(error))
    preferences = tokens.for_subscriber(subscription.subscriber, tokens.PREFERENCES)
    context = {"subscription": subscription, "preferences_url": reverse("digests:preferences", args=[preferences])}
    return private(render(request, "digests/confirmed.html", context))


def subscriber_from(token, purpose):
    try:
        value = tokens.read(token, purpose)
    except tokens.BadLink:
        return None
    return Subscriber.objects.filter(token=value).first()


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    """A reader's own page, reached from any digest: change, add, remove, leave, download or delete."""
    subscriber = subscriber_from(token, tokens.PREFERENCES)
    if subscriber is None:
        return bad_link(request, "invalid")
    message = ""
    status = 200
    if request.method == "POST":
        message, status = preferences_action(request, subscriber)
        if message == "deleted":
            return private(render(request, "digests/deleted.html"))
        subscriber.refresh_from_db()
    context = {
        "subscriber": subscriber,
        "subscriptions": subscriber.subscriptions.select_related("region", "theme", "author"),
        "frequencies": Frequency.choices,
        "regions": Region.objects.only("pk", "name"),
        "themes": Theme.objects.only("pk", "name"),
        "authors": Author.objects.only("pk", "name").order_by("name"),
        "message": message,
        "data_url": reverse("digests:data", args=[token]),
    }
    return private(render(request, "digests/preferences.html", context, status=status))


def preferences_action(request, subscriber):
    """Apply one button of the preferences page; returns (what to tell the reader, status)."""
    action = request.POST.get("action", "")
    if action == "unsubscribe":
        services.subscriber_unsubscribe(subscriber=subscriber)
        return "You are unsubscribed: we will send you no more digests.", 200
    if action == "delete":
        services.subscriber_delete(subscriber=subscriber)
        return "deleted", 200
    frequency = request.POST.get("frequency", "")
    if action in ("change", "remove"):
        subscription = subscriber.subscriptions.filter(pk=_number(request.POST.get("subscription"))).first()
        if subscription is None:
            return "That subscription no longer exists.", 400
        if action == "remove":
            subscription.delete()
            return f"You no longer follow {subscription.target_name}.", 200
        if frequency not in Frequency.values:
            return "Please choose daily or weekly.", 400
        subscription.frequency = frequency
        subscription.save(update_fields=["frequency"])
        return f"{subscription.target_name}: now {subscription.get_frequency_display().lower()}.", 200
    if action == "add":
        try:
            kind, subject = parse_follow(request.POST.get("follow", ""))
        except ValueError:
            return "We could not find what you chose to follow; please choose again.", 400
        if frequency not in Frequency.values:
            return "Please choose daily or weekly.", 400
        services.subscriber_resume(subscriber=subscriber)
        services.subscription_set(subscriber=subscriber, kind=kind, subject=subject, frequency=frequency)
        return f"You now follow {subject or 'everything we publish'}.", 200
    return "Please use one of the buttons on this page.", 400


def _number(value):
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 12 else None


def data(request, token):
    """Everything we hold about the reader, as JSON, to keep."""
    subscriber = subscriber_from(token, tokens.PREFERENCES)
    if subscriber is None:
        return bad_link(request, "invalid")
    body = json.dumps(services.subscriber_data(subscriber=subscriber), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-digest-subscription.json"'
    return private(response)


# Mail clients POST here without any token of ours (RFC 8058 one-click): the signed link is the proof.
@csrf_exempt
def unsubscribe(request, token):
    """GET: a page with one button; POST (from it, or a mail client's one-click button): unsubscribed at once."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    subscriber = subscriber_from(token, tokens.UNSUBSCRIBE)
    if subscriber is None:
        return bad_link(request, "invalid")
    if request.method == "POST":
        services.subscriber_unsubscribe(subscriber=subscriber)
        preferences_url = reverse("digests:preferences", args=[tokens.for_subscriber(subscriber, tokens.PREFERENCES)])
        return private(render(request, "digests/unsubscribed.html", {"preferences_url": preferences_url}))
    return private(render(request, "digests/unsubscribe.html", {"token": token, "subscriber": subscriber}))


class DigestListView(ListView):
    """The archive of past issues, newest first."""

    template_name = "digests/archive.html"
    context_object_name = "digests"
    paginate_by = 30
    queryset = Digest.objects.select_related("region", "theme", "author")

    def get(self, request, *args, **kwargs):
        shows(request, "digests")
        return super().get(request, *args, **kwargs)


class DigestDetailView(DetailView):
    """One issue as a web page: its articles as they are now (one withdrawn since is left out)."""

    template_name = "digests/digest_detail.html"
    context_object_name = "digest"
    queryset = Digest.objects.select_related("region", "theme", "author")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        digest = self.object
        articles = list(
            mail.with_digest_data(
                services.articles_for(TargetKind.PUBLICATION, None).filter(pk__in=digest.articles.values("pk"))
            )
        )
        publication = publication_for(self.request)
        sections = mail.sections_for(mail.items_for(articles, publication), digest.kind)
        shows(self.request, "digests", *[name for article in articles for name in card_keys(article)])
        return {**context, "sections": sections, "publication": publication, "article_count": len(articles)}
