"""Through a real Varnish: the kit's tracking image is never answered from the shared cache, so every view reaches
the site and is counted (deploy/varnish/default.vcl keeps only what the site marks public)."""

import pytest
from django.urls import reverse

from partners.models import ReprintDay
from partners.services import permission_request_approve
from tests.factories import PermissionRequestFactory

pytestmark = pytest.mark.django_db(transaction=True)  # the live server reads what the test committed


def test_every_view_of_the_tracking_image_passes_through_to_the_site(varnish, editor, settings):
    settings.REPRINT_VIEWS_PER_CLIENT_PER_HOUR = 100  # every request comes from Varnish's own address here
    grant = permission_request_approve(request=PermissionRequestFactory(), by=editor)
    path = reverse("reprint_pixel", kwargs={"token": grant.pixel_token})

    referer = {"Referer": "https://weekly.example.com/ports/"}
    answers = [varnish.get(path, headers=referer) for _ in range(3)]
    # An editor's browser too: its session cookie is not passed on, and nothing is set.
    answers.append(varnish.get(path, headers={**referer, "Cookie": "sessionid=abc; csrftoken=def"}))

    for answer in answers:
        assert answer.status_code == 200 and answer.headers["Content-Type"] == "image/gif"
        assert answer.headers["X-Cache"] == "MISS"
        assert "no-store" in answer.headers["Cache-Control"] and "Set-Cookie" not in answer.headers
    assert ReprintDay.objects.get().views == 4
    assert ReprintDay.objects.get().reprint.page_url == "https://weekly.example.com/ports/"
