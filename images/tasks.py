"""Background work of the image library: renditions are made here, never in the editor's upload.

Run by `manage.py db_worker` in production (django-tasks' database backend, on the site's own
database); `make run` and the tests run tasks at once (the immediate backend).
"""

import datetime

from django_tasks import task

from core.tasks import retry_later

from . import services

# A failure here is the storage or the database being away for a moment (a picture that cannot be
# read was refused at upload): try again this much later; after the last, `process_images` makes them.
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=10),
    datetime.timedelta(hours=1),
)


@task()
def make_image_renditions(image_id: int, file_name: str, attempt: int = 1) -> bool:
    """Resize image `image_id`'s original `file_name` into its renditions; False when there was nothing to do."""
    try:
        return services.image_make_renditions(image_id=image_id, file_name=file_name)
    except Exception:
        retry_later(make_image_renditions, attempt, RETRY_DELAYS, image_id, file_name)
        raise  # this attempt is recorded as failed, with its traceback, in the admin's Tasks
