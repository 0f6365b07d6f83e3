"""Renditions are made by the task worker, not in the editor's upload: pages show the original until
then, and the task can run late, twice, or for a picture replaced since, and still leave it right.

These tests use the production arrangement (django-tasks' database backend) and run the worker
themselves (`db_worker --batch`), in transactional tests, since it commits as it goes.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from images import services
from images.models import Image
from images.tasks import RETRY_DELAYS
from images.tasks import make_image_renditions
from tests.factories import ArticleFactory
from tests.images.samples import files_under
from tests.images.samples import picture_bytes
from tests.images.samples import post_image
from tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def on_disk(settings):
    return {str(path.relative_to(settings.MEDIA_ROOT)) for path in files_under(settings.MEDIA_ROOT)}


def lead_img(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("figure.figure-lead img")


def test_an_upload_is_stored_at_once_and_resized_by_the_worker_while_pages_show_the_original(
    editor_client, client, settings
):
    assert post_image(editor_client, picture_bytes("JPEG", 2000, 1000), "harbour.jpg").status_code == 302

    image = Image.objects.get()
    assert image.renditions == [] and on_disk(settings) == {image.file.name}, "nothing resized in the request"
    waiting = DBTaskResult.objects.ready().get()
    assert waiting.task_path == "images.tasks.make_image_renditions"
    article = ArticleFactory(lead_image=image)
    img = lead_img(client, article)
    assert img["src"] == image.file.url and not img.has_attr("srcset"), "the original, until the renditions exist"
    assert (img["width"], img["height"]) == ("2000", "1000")

    run_worker()

    image.refresh_from_db()
    assert [(r["width"], r["format"]) for r in image.renditions if r["format"] == "webp"] == [
        (480, "webp"), (800, "webp"), (1200, "webp"), (1600, "webp"),
    ]  # fmt: skip
    assert on_disk(settings) == image.stored_names
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    img = lead_img(client, article)
    assert "480w" in img["srcset"] and img.find_previous("source")["type"] == "image/webp"


def test_running_the_task_again_changes_nothing(settings):
    image = services.image_create(file=_upload(picture_bytes("PNG", 900, 600)), alt_text="Chart")
    run_worker()
    image.refresh_from_db()
    made, files = image.renditions, on_disk(settings)

    assert make_image_renditions.call(image.pk, image.file.name) is False

    image.refresh_from_db()
    assert image.renditions == made and on_disk(settings) == files


def test_a_task_for_a_picture_replaced_since_leaves_it_to_the_newer_task(settings):
    image = services.image_create(file=_upload(picture_bytes("PNG", 900, 600)), alt_text="Chart")
    first_name = image.file.name
    services.image_set_file(image=image, file=_upload(picture_bytes("JPEG", 700, 500)))  # before any worker ran

    run_worker()

    image.refresh_from_db()
    assert image.file.name != first_name
    assert {r["width"] for r in image.renditions} == {480, 700}
    assert on_disk(settings) == image.stored_names, "no rendition of the replaced picture, nor the picture"
    assert [result.return_value for result in DBTaskResult.objects.order_by("enqueued_at")] == [False, True]


def test_a_failed_attempt_is_recorded_and_tried_again_later(settings, monkeypatch):
    image = services.image_create(file=_upload(picture_bytes("JPEG", 900, 600)), alt_text="Chart")

    def storage_away(*args, **kwargs):
        raise OSError("the storage did not answer")

    with monkeypatch.context() as patched:
        patched.setattr(services, "_encode", storage_away)
        run_worker()

    failed = DBTaskResult.objects.failed().get()
    assert "the storage did not answer" in failed.traceback
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs == {"args": [image.pk, image.file.name], "kwargs": {"attempt": 2}}
    wait = retry.run_after - timezone.now()
    assert RETRY_DELAYS[0] - datetime.timedelta(seconds=10) < wait <= RETRY_DELAYS[0]
    assert on_disk(settings) == {image.file.name}

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # its time has come
    run_worker()

    image.refresh_from_db()
    assert image.renditions and on_disk(settings) == image.stored_names


def test_renditions_now_resizes_in_the_call_and_queues_nothing(settings):
    """For the demo loader and `process_images`, which need the renditions before they go on."""
    image = services.image_create(file=_upload(picture_bytes("JPEG", 900, 600)), alt_text="Chart", renditions_now=True)
    assert image.renditions and on_disk(settings) == image.stored_names
    assert not DBTaskResult.objects.exists()


def _upload(content):
    return ContentFile(content, name="upload")
