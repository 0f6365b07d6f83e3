"""The e-mails: recipients, subjects, both alternatives, and what they say."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from partners.models import PermissionRequest
from partners.services import permission_request_approve
from partners.services import permission_request_decline
from tests.factories import PermissionRequestFactory
from tests.factories import publication_settings

from .conftest import CONTACT
from .conftest import form_data
from .conftest import request_url

pytestmark = pytest.mark.django_db


def alternatives(message):
    """(plain text, HTML) of a message sent as both."""
    html = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(html) == 1
    return message.body, html[0]


def by_recipient(outbox):
    return {tuple(message.to): message for message in outbox}


@pytest.fixture
def submitted(client, article):
    client.post(
        request_url(article),
        form_data(name="Ada <Partner>", message="Line one.\nLine two & <b>more</b>."),
    )
    return PermissionRequest.objects.get()


def test_a_request_sends_exactly_two_mails_to_exactly_two_addresses(submitted):
    assert len(mail.outbox) == 2
    assert sorted(tuple(message.recipients()) for message in mail.outbox) == [
        ("ada@press.example.com",),
        (CONTACT,),
    ]


def test_acknowledgement_restates_the_request_and_what_happens_next(submitted, article):
    message = by_recipient(mail.outbox)[("ada@press.example.com",)]
    text, html = alternatives(message)

    assert message.subject == "Your request to republish “Colombia and NATO”"
    assert message.reply_to == [CONTACT]
    for expected in (
        "Dear Ada <Partner>,",
        "Article: Colombia and NATO",
        "http://testserver/articles/colombia-and-nato/",
        "Organisation: Partner Press",
        "Medium: Commercial website",
        "Publication: The Partner Weekly (https://weekly.example.com/)",
        f"Planned date: {submitted.planned_date:%-d %B %Y}",
        "Audience or circulation: 40,000 monthly visitors",
        "Line two & <b>more</b>.",
        "What happens next: an editor will review your request",
    ):
        assert expected in text
    soup = BeautifulSoup(html, "html.parser")
    assert "Dear Ada <Partner>," in soup.get_text()
    assert soup.find("b") is None, "what the partner typed is escaped in HTML"
    assert soup.find("a", string="Colombia and NATO")["href"] == "http://testserver/articles/colombia-and-nato/"
    assert "What happens next" in soup.get_text()


def test_notification_links_to_the_admin_record_and_replies_go_to_the_partner(submitted):
    message = by_recipient(mail.outbox)[(CONTACT,)]
    text, html = alternatives(message)

    admin_url = f"http://testserver/admin/partners/permissionrequest/{submitted.pk}/change/"
    assert message.subject == "Republication request from Partner Press: Colombia and NATO"
    assert message.reply_to == ["ada@press.example.com"]
    assert admin_url in text
    assert BeautifulSoup(html, "html.parser").find("a", href=admin_url)
    assert "E-mail: ada@press.example.com" in text


def test_links_use_the_site_domain_and_scheme_setting(client, article, settings):
    from django.contrib.sites.models import Site

    settings.SITE_SCHEME = "https"
    Site.objects.filter(pk=settings.SITE_ID).update(domain="crosspost.example.org")
    Site.objects.clear_cache()

    client.post(request_url(article), form_data())

    text = by_recipient(mail.outbox)[(CONTACT,)].body
    assert "https://crosspost.example.org/admin/partners/permissionrequest/" in text


@pytest.mark.parametrize(
    ("admins", "expected"),
    [([("Ops", "ops@crosspost.example.org")], ["ops@crosspost.example.org"]), ([], ["noreply@crosspost.example.org"])],
    ids=["ADMINS", "DEFAULT_FROM_EMAIL"],
)
def test_without_a_permissions_contact_the_notification_falls_back(client, article, settings, admins, expected):
    publication_settings(permissions_contact_email="")
    settings.ADMINS = admins
    settings.DEFAULT_FROM_EMAIL = "noreply@crosspost.example.org"

    client.post(request_url(article), form_data())

    notification = next(m for m in mail.outbox if m.subject.startswith("Republication request"))
    assert notification.to == expected


@pytest.fixture
def partner_request(article):
    """Ada's request for `article`, with the mails its arrival sent already read."""
    request = PermissionRequestFactory(article=article, email="ada@press.example.com")
    mail.outbox.clear()
    return request


def test_approval_mail_carries_the_kit(article, editor, partner_request, article_credits):
    permission_request_approve(request=partner_request, by=editor, note="Please run it in full.")

    (message,) = mail.outbox
    assert message.to == ["ada@press.example.com"]
    assert message.subject == "Permission granted to republish “Colombia and NATO”"
    text, html = alternatives(message)
    kit_url = f"http://testserver/republish/kit/{partner_request.kit_token}/"
    canonical = f'<link rel="canonical" href="{article.original_url}">'
    for expected in ("Please run it in full.", *article_credits, canonical, kit_url):
        assert expected in text
    soup = BeautifulSoup(html, "html.parser")
    preview = soup.select_one(".kit-preview")
    assert preview.select_one(".copyright").get_text(" ", strip=True).startswith("Copyright ©")
    assert canonical in soup.get_text(), "the canonical tag is shown as code to copy"
    assert soup.find("a", href=kit_url)


def test_decline_mail_gives_the_note(editor, partner_request):
    permission_request_decline(request=partner_request, by=editor, note="We hold no rights to the photographs.")

    (message,) = mail.outbox
    assert message.to == ["ada@press.example.com"]
    text, html = alternatives(message)
    assert "We hold no rights to the photographs." in text
    assert "We hold no rights to the photographs." in html
    assert "kit" not in text.lower()


def test_subjects_stay_on_one_line_even_if_a_title_does_not(article, editor):
    article.title = "Colombia\nand NATO"
    article.save()
    request = PermissionRequestFactory(article=article, notified_at=None, acknowledged_at=None)

    permission_request_approve(request=request, by=editor)

    assert mail.outbox
    assert all("\n" not in message.subject for message in mail.outbox)


def test_links_in_mail_default_to_https_in_production(tmp_path):
    import subprocess
    import sys

    from django.conf import settings as django_settings

    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "crosspost.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    code = "import django; django.setup(); from django.conf import settings; print(settings.SITE_SCHEME)"
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", code], cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.stdout.strip() == "https", result.stderr
    assert django_settings.SITE_SCHEME == "http", "tests and local development use plain http"
