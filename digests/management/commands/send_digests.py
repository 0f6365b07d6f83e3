"""Start the digests that are due, and send whatever deliveries are still owed.

Run it hourly from a systemd timer or cron (docs/deployment.md): the daily and weekly digests start
at the times set in the admin (Digest settings). `--frequency daily|weekly` starts one now, whatever
the schedule says; an issue only covers articles published since the last one, so nothing is sent twice.
"""

from django.core.management.base import BaseCommand
from django_tasks import TaskResultStatus

from digests import services
from digests.models import Frequency
from digests.tasks import build_digests, send_pending_deliveries


class Command(BaseCommand):
    help = "Build and queue the digests due now (or of --frequency), and queue deliveries still owed."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=Frequency.values, help="Start this digest now, whatever the time.")

    def handle(self, *args, frequency=None, **options):
        # First what earlier runs still owe (a worker stopped halfway), so it is not queued twice below.
        send_pending_deliveries.enqueue()
        due = [frequency] if frequency else services.digests_due()
        for each in due:
            result = build_digests.enqueue(each)
            if result.status == TaskResultStatus.SUCCESSFUL:
                self.stdout.write(f"{each}: {result.return_value} issues built, their sending queued.")
            else:
                self.stdout.write(f"{each}: queued task {result.id}.")
        if not due:
            self.stdout.write("No digest is due now.")
