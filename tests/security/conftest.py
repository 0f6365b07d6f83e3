"""Production's security settings inside the test process, and an inventory of every route."""

import importlib.util
import os
import sys

import pytest
import reversion
from axes.models import AccessAttempt
from axes.models import AccessFailureLog
from axes.models import AccessLog
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.contrib.redirects.models import Redirect
from django.test import override_settings
from django.urls import Resolver404
from django.urls import URLPattern
from django.urls import URLResolver
from django.urls import get_resolver
from django.urls import resolve
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from articles.services import correction_change
from attribution.models import FooterLink
from attribution.models import PublicationSettings
from curation.models import FrontPage
from curation.models import FrontPageSection
from curation.models import MenuItem
from partners.models import RequestStatus
from partners.tasks import send_permission_request_mail
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CorrectionFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import PermissionRequestFactory
from tests.factories import RegionFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory
from tests.factories import publication_settings

# Settings that make the HTTP answer safe; copied from config.settings.production into a test.
SECURITY_PREFIXES = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "CONTENT_SECURITY_POLICY", "X_FRAME_OPTIONS")


# Routes no address can reach, because an earlier pattern answers all of theirs: django-solo puts the
# publication settings' change page at the changelist's address.
SHADOWED_ROUTES = {
    "admin/attribution/publicationsettings/",
    "admin/curation/frontpage/",
    "admin/digests/digestsettings/",
}


def load_production_settings(tmp_path):
    """config.settings.production as a fresh module, with the three variables it requires set."""
    saved = dict(os.environ)
    os.environ.update(
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="crosspost.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    )
    try:
        spec = importlib.util.find_spec("config.settings.production")
        module = importlib.util.module_from_spec(spec)
        sys.modules["config.settings._production_under_test"] = module
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop("config.settings._production_under_test", None)
        os.environ.clear()
        os.environ.update(saved)
    return module


@pytest.fixture
def production_security(settings, tmp_path):
    """This test answers requests with production's headers, cookies and policy."""
    production = load_production_settings(tmp_path)
    for name in dir(production):
        if name.startswith(SECURITY_PREFIXES):
            setattr(settings, name, getattr(production, name))
    # The proxy in front says "https"; the test client says so with secure=True.
    return settings


def all_routes():
    """Every URL pattern of the project, as the resolver reports it in ResolverMatch.route."""

    def join(prefix, pattern):
        # As django.urls.resolvers joins them: a regex's "^" goes when it follows a prefix.
        route = str(pattern.pattern)
        return prefix + (route.removeprefix("^") if prefix else route)

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, join(prefix, pattern))
            elif isinstance(pattern, URLPattern):
                yield join(prefix, pattern)

    return set(walk(get_resolver().url_patterns, "")) - SHADOWED_ROUTES


def route_of(path):
    """The pattern that answers `path`, or None for a path no pattern matches (a stored redirect)."""
    try:
        return resolve(path.split("?")[0]).route
    except Resolver404:
        return None


@pytest.fixture
def site_objects(db, django_user_model):
    """At least one object of every kind a route can show, the admin's included."""
    author, region, theme, tag = AuthorFactory(), RegionFactory(), ThemeFactory(), TagFactory(name="shipping")
    with reversion.create_revision():
        article = CrossPostFactory(
            authors=[author], regions=[region], themes=[theme], tags=[tag], lead_image=ImageFactory()
        )
    with reversion.create_revision():
        doomed = ArticleFactory(title="Deleted, kept in history")
    doomed.delete()
    approved = PermissionRequestFactory(article=article, status=RequestStatus.APPROVED, decided_at=timezone.now())
    correction = CorrectionFactory(article=article)
    correction_change(correction=correction, what_is_right="Reworded.")  # so it has an earlier wording
    publication_settings(site_name="Crosspost")
    Group.objects.get_or_create(name="Editors")
    Redirect.objects.create(site_id=django_settings.SITE_ID, old_path="/old/", new_path=article.get_absolute_url())
    attempt = {"username": "someone", "ip_address": "10.0.0.1", "user_agent": "x", "path_info": "/admin/login/"}
    AccessAttempt.objects.create(**attempt, get_data="", post_data="", failures_since_start=1)
    AccessLog.objects.create(**attempt)
    AccessFailureLog.objects.create(**attempt)
    if apps.is_installed("wordpress_import"):
        apps.get_model("wordpress_import", "ImportRecord").objects.create(
            site="old.example.org", kind="post", wp_id="1", article=article
        )
    about = FlatPage.objects.create(url="/about/", title="About us", content="<p>Who we are.</p>")
    about.sites.add(django_settings.SITE_ID)
    MenuItem.objects.create(region=region)
    FrontPageSection.objects.create(front_page=FrontPage.get_solo(), theme=theme)
    FooterLink.objects.create(publication=PublicationSettings.get_solo(), label="About us", url="/about/")
    apps.get_model("pagecache", "Purge").objects.create(keys="article-1 home", backend="varnish", result="done")
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        send_permission_request_mail.enqueue(approved.pk)  # a task record, for the admin's Tasks pages
    user = django_user_model.objects.create_superuser("inventory", "inventory@example.org", "a-long-test-password")
    subscriber, digest = digest_objects(article, region)
    reprint_and_watch_objects(article, approved)
    return {
        "article": article,
        "deleted": doomed,
        "request": approved,
        "user": user,
        "subscriber": subscriber,
        "digest": digest,
    }


def digest_objects(article, region):
    """A confirmed reader following a region, a digest issue of it and its delivery (digests app)."""
    from digests.models import Delivery
    from digests.models import DigestSettings
    from digests.models import Subscriber
    from digests.models import Subscription
    from digests.models import TargetKind
    from digests.services import digest_build

    subscriber = Subscriber.objects.create(email="reader@example.org", confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=subscriber, kind=TargetKind.REGION, region=region, frequency="weekly")
    DigestSettings.get_solo()
    digest = digest_build(kind=TargetKind.REGION, subject_id=region.pk, frequency="weekly")
    assert digest is not None and Delivery.objects.filter(digest=digest).exists()
    return subscriber, digest


def reprint_and_watch_objects(article, approved):
    """A reprint with a day's views and a message (partners' ledger); a watched original with a check and a finding."""
    from originals.models import Check
    from originals.models import Finding
    from originals.models import FindingKind
    from originals.models import Watch
    from partners.models import Reprint
    from partners.models import ReprintDay
    from partners.models import ReprintMessage

    reprint = Reprint.objects.create(
        article=article, permission_request=approved, page_url="https://partner.example.org/copy/"
    )
    ReprintDay.objects.create(reprint=reprint, day=timezone.localdate(), views=3)
    ReprintMessage.objects.create(reprint=reprint, subject="Credits", body="Please add the byline.")
    watch = Watch.objects.create(article=article, url=article.original_url or "https://origin.example.org/a/")
    check = Check.objects.create(watch=watch, url=watch.url, status=200, title="A new title")
    Finding.objects.create(
        watch=watch, check_record=check, kind=FindingKind.RETITLED, old_value="Old title", new_value="A new title"
    )


def admin_paths(objects):
    """Every admin page of every registered model, with a real object where the page needs one."""
    paths = [
        reverse("admin:index"),
        reverse("admin:login"),
        reverse("admin:password_change"),
        reverse("admin:password_change_done"),
        reverse("admin:autocomplete") + "?app_label=articles&model_name=article&field_name=regions&term=a",
        reverse("admin:jsi18n"),
        "/admin/no-such-page/",
    ]
    article = objects["article"]
    paths.append(reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(Article).pk, article.pk]))
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        paths.append(reverse("admin:app_list", args=[opts.app_label]))
        for pattern in model_admin.get_urls():
            if not pattern.name:
                continue
            name = f"admin:{pattern.name}"
            instance = model._default_manager.first()
            assert instance is not None, f"site_objects makes no {opts.label}: add one, so its admin pages are tried"
            arguments = {
                f"admin:{opts.app_label}_{opts.model_name}_recover": [Version.objects.get_deleted(Article).first().pk],
                f"admin:{opts.app_label}_{opts.model_name}_revision": [
                    article.pk,
                    Version.objects.get_for_object(article).first().pk,
                ],
            }
            try:
                path = reverse(name, args=arguments.get(name, []))
            except Exception:  # noqa: BLE001 - the page takes an object
                path = reverse(name, args=[instance.pk])
            paths.append(path)
            if pattern.name.endswith("_change") and "<path:object_id>" in str(pattern.pattern):
                paths.append(path.removesuffix("change/"))  # the old address that redirects to the change page
    # The publication settings and the front page (django-solo) answer on fixed addresses; the usual
    # per-object ones remain.
    from digests.models import DigestSettings

    for singleton in (PublicationSettings.get_solo(), FrontPage.get_solo(), DigestSettings.get_solo()):
        base = f"/admin/{singleton._meta.app_label}/{singleton._meta.model_name}/{singleton.pk}/"
        paths += [f"{base}{page}" for page in ("", "change/", "history/")]
    paths.append(reverse("admin:auth_user_password_change", args=[objects["user"].pk]))
    # The partners app's addresses from when it was called `syndication` (a redirect).
    paths.append(f"/admin/syndication/permissionrequest/{objects['request'].pk}/change/")
    paths.append(reverse("admin:logout"))  # last: it ends the session (and is a POST-only page)
    return paths


def public_paths(objects):
    article = objects["article"]
    author = article.authors.first()
    region, theme, tag, source = article.regions.first(), article.themes.first(), article.tags.first(), article.source
    paths = [
        reverse("healthz"),
        reverse("security_txt"),
        "/favicon.ico",
        "/about/",  # a flat page
        reverse("sitemap"),
        reverse("robots_txt"),
        reverse("partners:request"),
        reverse("partners:request_article", args=[article.slug]),
        reverse("partners:thanks", args=[article.slug]),
        reverse("partners:kit", args=[objects["request"].kit_token]),
        reverse("reprint_pixel", args=[objects["request"].pixel_token]),
        reverse("home"),
        reverse("home") + "?page=2",
        reverse("articles:search") + "?q=article",
        article.get_absolute_url(),
        "/articles/no-such-article/",
        "/old/",  # a stored redirect
        reverse("articles:rss"),
        reverse("articles:atom"),
        reverse("articles:json_feed"),
        reverse("articles:corrections"),
        reverse("articles:corrections") + "?page=2",
        reverse("articles:corrections_feed"),
        reverse("articles:corrections_atom"),
        reverse("sitemap_news"),
    ]
    for kind, subject in (("region", region), ("theme", theme), ("tag", tag), ("author", author), ("source", source)):
        for suffix in ("", "_rss", "_atom"):
            paths.append(reverse(f"articles:{kind}{suffix}", args=[subject.slug]))
    return paths + digest_paths(objects)


def digest_paths(objects):
    """The digests' pages: subscribe, a reader's signed links (GET changes nothing), the archive."""
    from digests import tokens

    subscriber = objects["subscriber"]
    preferences = tokens.for_subscriber(subscriber, tokens.PREFERENCES)
    confirmation = tokens.confirmation(subscriber, kind="publication", subject_id=None, frequency="weekly")
    return [
        reverse("digests:subscribe"),
        reverse("digests:check_inbox"),
        reverse("digests:confirm", args=[confirmation]),
        reverse("digests:preferences", args=[preferences]),
        reverse("digests:data", args=[preferences]),
        reverse("digests:unsubscribe", args=[tokens.for_subscriber(subscriber, tokens.UNSUBSCRIBE)]),
        reverse("digests:archive"),
        objects["digest"].get_absolute_url(),
    ]


@pytest.fixture
def inventory(site_objects):
    """(path, signed_in) for every route of the site; test_inventory_covers_every_route keeps it complete."""
    return [(path, False) for path in public_paths(site_objects)] + [(path, True) for path in admin_paths(site_objects)]
