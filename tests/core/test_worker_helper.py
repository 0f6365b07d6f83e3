"""The tests' task worker gives the process its signal handlers back (tests/worker.py)."""

import signal

import pytest

from tests.worker import run_worker


@pytest.mark.django_db(transaction=True)
def test_running_the_worker_leaves_the_signal_handlers_as_they_were(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    run_worker()
    assert {number: signal.getsignal(number) for number in before} == before
