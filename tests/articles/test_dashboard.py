import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def tiles(client):
    soup = BeautifulSoup(client.get(reverse("admin:index")).content, "html.parser")
    panel = soup.select_one("#editorial-dashboard")
    assert panel is not None
    return {
        a.get_text(" ", strip=True).split(" ", 1)[1]: (int(a.strong.get_text()), a["href"])
        for a in panel.select(".dashboard-counts a")
    }


def test_dashboard_counts_link_to_the_matching_lists(editor_client):
    ArticleFactory.create_batch(2, status=Status.DRAFT, published_at=None)
    ArticleFactory(status=Status.REVIEW)
    ArticleFactory(title="Later", published_at=timezone.now() + datetime.timedelta(days=2))
    ArticleFactory(title="Now")
    counts = tiles(editor_client)
    assert counts["Drafts"][0] == 2
    assert counts["In review"][0] == 1
    assert counts["Scheduled"][0] == 1
    scheduled_list = editor_client.get(counts["Scheduled"][1]).content.decode()
    assert "Later" in scheduled_list and ">Now<" not in scheduled_list
    drafts_list = BeautifulSoup(editor_client.get(counts["Drafts"][1]).content, "html.parser")
    assert len(drafts_list.select("#result_list tbody tr")) == 2


def test_dashboard_shows_recent_activity(editor_client):
    from tests.factories import article_admin_data

    editor_client.post(reverse("admin:articles_article_add"), article_admin_data(title="Freshly added", slug="fresh"))
    soup = BeautifulSoup(editor_client.get(reverse("admin:index")).content, "html.parser")
    activity = " ".join(soup.select_one(".recent-activity").get_text(" ", strip=True).split())
    assert "editor added article “Freshly added”" in activity


def test_dashboard_counts_new_reprint_requests(editor_client):
    from tests.factories import PermissionRequestFactory

    PermissionRequestFactory.create_batch(2)
    PermissionRequestFactory(status="approved")
    count, url = tiles(editor_client)["New reprint requests"]
    assert count == 2
    listing = BeautifulSoup(editor_client.get(url).content, "html.parser")
    assert len(listing.select("#result_list tbody tr")) == 2


def test_contributors_see_only_their_own_work_and_no_requests(client, django_user_model):
    from django.contrib.auth.models import Group

    from articles import roles
    from tests.factories import PermissionRequestFactory

    user = django_user_model.objects.create_user("cora", "cora@example.org", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.CONTRIBUTORS))
    ArticleFactory(status=Status.DRAFT, created_by=user)
    ArticleFactory(status=Status.DRAFT)
    PermissionRequestFactory()
    client.force_login(user)
    counts = tiles(client)
    assert counts["Drafts"][0] == 1
    assert "New reprint requests" not in counts
