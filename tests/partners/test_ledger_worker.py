"""The credit check as production runs it: queued by a view of the tracking image, run by the task worker
(`db_worker --batch`, through tests.worker), never inside the reader's request; retried when a failure may pass."""

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from partners.models import CreditStatus
from partners.models import Reprint
from partners.services import permission_request_approve
from partners.tasks import CHECK_RETRY_DELAYS
from partners.tasks import check_reprint
from tests.factories import PermissionRequestFactory
from tests.worker import run_worker

from .reprint_pages import copy_page

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits as it goes


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def grant(crosspost, editor, settings):
    """An approved request, its e-mail sent at once, so that the worker finds only the checks queued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    approved = permission_request_approve(request=PermissionRequestFactory(article=crosspost), by=editor)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return approved


def test_a_new_page_is_checked_by_the_worker_not_in_the_readers_request(client, grant, origin):
    origin.page("/ports/", copy_page())

    response = client.get(f"/r/{grant.pixel_token}.gif", HTTP_REFERER=origin.url("/ports/"), REMOTE_ADDR="203.0.113.1")

    assert response.status_code == 200 and origin.paths_requested() == []  # nothing fetched while the reader waits
    reprint = Reprint.objects.get()
    assert reprint.credit_status == CreditStatus.UNCHECKED
    assert DBTaskResult.objects.ready().get().args_kwargs == {"args": [reprint.pk], "kwargs": {}}

    run_worker()

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.COMPLIANT
    assert "/ports/" in origin.paths_requested()


def test_a_failure_that_may_pass_is_recorded_and_tried_again_later(grant, origin, crosspost):
    origin.page("/ports/", copy_page())
    origin.robots("", status=503)  # the site is having a bad moment: robots.txt cannot be read
    reprint = Reprint.objects.create(article=crosspost, page_url=origin.url("/ports/"), found_by="editor")
    check_reprint.enqueue(reprint.pk)
    run_worker()

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.FETCH_FAILED and "robots.txt" in reprint.credit_error
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs == {"args": [reprint.pk], "kwargs": {"attempt": 2}}
    wait = retry.run_after - timezone.now()
    assert CHECK_RETRY_DELAYS[0].total_seconds() - 30 < wait.total_seconds() <= CHECK_RETRY_DELAYS[0].total_seconds()

    origin.robots("", status=404)  # back to normal
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # its time has come
    run_worker()

    reprint.refresh_from_db()
    assert reprint.credit_status == CreditStatus.COMPLIANT and reprint.credit_error == ""
