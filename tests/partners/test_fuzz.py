"""Random submissions: never a server error, and a request is stored if and only if the form is valid."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Status
from partners.forms import PermissionRequestForm
from partners.models import Medium
from partners.models import PermissionRequest
from tests.factories import CrossPostFactory

from .conftest import request_url

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def either(*good, bad):
    return st.one_of(st.sampled_from(good), bad)


def submissions(article_urls):
    """Form data that is often valid, often nearly valid, and sometimes anything at all."""
    fields = {
        "name": either("Ada Partner", "", "  ", bad=st.text(max_size=220)),
        "organisation": either("Partner Press", "", bad=st.text(max_size=220)),
        "email": either("ada@press.example.com", "ada@", bad=st.one_of(st.emails(), st.text(max_size=80))),
        "article_url": either(*article_urls, "", bad=st.text(max_size=120)),
        "medium": either(*Medium.values, "", bad=st.text(max_size=25)),
        "publication_name": either("The Partner Weekly", "", bad=st.text(max_size=220)),
        "publication_url": either("", "https://weekly.example.com/", "weekly.example.com", bad=st.text(max_size=80)),
        "planned_date": either(
            (TODAY + datetime.timedelta(days=5)).isoformat(),
            TODAY.isoformat(),
            (TODAY - datetime.timedelta(days=1)).isoformat(),
            bad=st.one_of(st.dates().map(datetime.date.isoformat), st.text(max_size=12)),
        ),
        "audience": either("", "12,000 copies", bad=st.text(max_size=220)),
        "message": either("", "Next week, please.", bad=st.text(max_size=300)),
        "agreed_to_terms": either("on", "", "false", "0", "yes", bad=st.text(max_size=5)),
        "website": either("", "", "", bad=st.text(max_size=20)),
    }
    # Any field may also be missing altogether.
    return st.fixed_dictionaries({}, optional=fields)


@pytest.fixture
def targets(article):
    draft = CrossPostFactory(slug="draft-piece", status=Status.DRAFT, published_at=None)
    return {
        "article": article,
        "urls": [
            "http://testserver" + article.get_absolute_url(),
            "https://testserver" + article.get_absolute_url() + "?ref=1",
            "http://testserver" + draft.get_absolute_url(),
            "https://elsewhere.example.net" + article.get_absolute_url(),
            "http://testserver/search/",
        ],
    }


def test_random_submissions_never_fail_and_store_exactly_the_valid_ones(client, targets, settings):
    settings.PERMISSION_REQUESTS_PER_HOUR = 10**9  # this test is about the form, not the rate limit
    article = targets["article"]

    @hypothesis_settings(
        max_examples=2000,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=submissions(targets["urls"]), per_article=st.booleans())
    def submit(data, per_article):
        mail.outbox.clear()
        before = PermissionRequest.objects.count()

        response = client.post(request_url(article if per_article else None), data)

        assert response.status_code in (200, 302), response.status_code
        form = PermissionRequestForm(data, article=article if per_article else None, hosts={"testserver"})
        valid = form.is_valid()
        stored = PermissionRequest.objects.count() - before
        assert stored == (1 if valid and not form.is_bot else 0)
        assert (response.status_code == 302) == valid
        assert len(mail.outbox) == 2 * stored

    submit()
