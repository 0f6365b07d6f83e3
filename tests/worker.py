"""Run django-tasks' database worker inside a test, as production's `manage.py db_worker` would.

`db_worker` takes over SIGINT, SIGTERM and SIGQUIT for its graceful shutdown and never gives them
back. Inside a test process that would outlive the command: a later Ctrl+C, or the signal that
stops a hung run, would be swallowed. So the handlers are put back when the worker returns.
"""

import signal

from django.core.management import call_command

_SIGNALS = [signal.SIGINT, signal.SIGTERM, *([signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else [])]


def run_worker(**options):
    """Run every task that is due, then return (`db_worker --batch`)."""
    handlers = {number: signal.getsignal(number) for number in _SIGNALS}
    try:
        call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0, **options)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
