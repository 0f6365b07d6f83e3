"""/.well-known/security.txt says where to report a vulnerability, as RFC 9116 asks."""

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db
URL = "/.well-known/security.txt"


def fields(response):
    """[(name, value)] of the file, in order."""
    lines = response.content.decode().splitlines()
    return [tuple(part.strip() for part in line.split(":", 1)) for line in lines if line and not line.startswith("#")]


def test_security_txt_has_the_rfc_9116_fields(client, settings):
    settings.SITE_DOMAIN, settings.SITE_SCHEME = "crosspost.example.org", "https"

    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    names = [name for name, _ in found]
    assert names.count("Expires") == 1 and names.count("Canonical") == 1 and "Contact" in names
    values = dict(found)
    assert values["Contact"] == "mailto:security@crosspost.example.org"
    assert values["Preferred-Languages"] == "en"
    assert values["Canonical"] == "https://crosspost.example.org/.well-known/security.txt"
    expires = datetime.datetime.strptime(values["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    # In the future, and less than a year away, as the RFC recommends.
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)


def test_security_contacts_come_from_the_settings(client, settings):
    settings.SECURITY_CONTACT = ["security@publisher.example", "https://publisher.example/report"]

    contacts = [value for name, value in fields(client.get(URL)) if name == "Contact"]

    assert contacts == ["mailto:security@publisher.example", "https://publisher.example/report"]


def test_contact_can_be_set_from_the_environment(monkeypatch):
    from config.settings.base import env_list

    monkeypatch.setenv("DJANGO_SECURITY_CONTACT", "sec@example.org, https://example.org/security")
    assert env_list("DJANGO_SECURITY_CONTACT") == ["sec@example.org", "https://example.org/security"]


def test_security_policy_file_is_at_the_top_of_the_repository(settings):
    policy = (settings.BASE_DIR / "SECURITY.md").read_text()
    assert "/.well-known/security.txt" in policy
    assert "DJANGO_SECURITY_CONTACT" in policy
