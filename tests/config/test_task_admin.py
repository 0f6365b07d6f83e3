"""Administrators read the background tasks' record in the admin; editors do not see it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.tasks import reindex_articles
from images.tasks import make_image_renditions

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:django_tasks_database_dbtaskresult_changelist")


@pytest.fixture
def records(settings):
    """A successful task, and a failed first attempt with its retry waiting, as the worker leaves them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    done = DBTaskResult.objects.get(pk=reindex_articles.enqueue(article_ids=[1]).id)
    done.claim("worker-1")
    done.set_successful(None)
    failed = DBTaskResult.objects.get(pk=make_image_renditions.enqueue(7, "images/2025/01/gone.jpg").id)
    failed.claim("worker-1")
    try:
        raise FileNotFoundError("images/2025/01/gone.jpg is not in the storage")
    except FileNotFoundError as error:
        failed.set_failed(error)
    make_image_renditions.enqueue(7, "images/2025/01/gone.jpg", attempt=2)
    return done, failed


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    listed = soup.select("#result_list tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td, th")] for row in listed]


def test_an_administrator_reads_each_task_its_status_attempt_and_error(editor_client, records):
    response = editor_client.get(CHANGELIST)

    assert response.status_code == 200
    listed = {(name, status, attempt): error for name, status, attempt, error, *_ in rows(response)}
    assert listed == {
        ("make_image_renditions", "Ready", "2"): "—",
        ("make_image_renditions", "Failed", "1"): "FileNotFoundError: images/2025/01/gone.jpg is not in the storage",
        ("reindex_articles", "Successful", "1"): "—",
    }
    _, failed = records
    detail = editor_client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[failed.pk]))
    assert detail.status_code == 200
    assert "Traceback" in detail.content.decode() and "not in the storage" in detail.content.decode()


def test_the_record_cannot_be_edited_or_added_to(editor_client, records):
    assert editor_client.get(reverse("admin:django_tasks_database_dbtaskresult_add")).status_code == 403
    _, failed = records
    page = editor_client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[failed.pk]))
    assert 'name="_save"' not in page.content.decode()


def test_editors_and_contributors_do_not_see_it(client, editor_member, contributor, records):
    for user in (editor_member, contributor):
        client.force_login(user)
        assert client.get(CHANGELIST).status_code == 403
        assert "Background tasks" not in client.get(reverse("admin:index")).content.decode()


def test_an_account_given_the_view_permission_reads_it(client, editor_member, records):
    editor_member.user_permissions.add(Permission.objects.get(codename="view_dbtaskresult"))
    client.force_login(editor_member)

    assert "Background tasks" in client.get(reverse("admin:index")).content.decode()
    assert len(rows(client.get(CHANGELIST))) == 3
