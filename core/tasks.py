"""What every background task of ours shares: trying again later, on a schedule of its own."""

from django.utils import timezone


def retry_later(task, attempt, delays, *args, **kwargs):
    """Queue `task` again as attempt `attempt + 1`, `delays[attempt - 1]` from now; False when none is left.

    Nothing is queued when every delay has been used or the backend cannot wait (the immediate backend of
    `make run` and the tests): the failure then stays recorded as it is.
    """
    if attempt > len(delays) or not task.get_backend().supports_defer:
        return False
    task.using(run_after=timezone.now() + delays[attempt - 1]).enqueue(*args, attempt=attempt + 1, **kwargs)
    return True
