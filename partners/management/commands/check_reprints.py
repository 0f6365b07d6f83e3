"""Queue a credit check of every republished copy not checked lately (partners.tasks.check_reprints_due).

Run it daily from a systemd timer or cron (docs/deployment.md), beside `send_pending_notifications`:
a copy is checked when first seen and again every REPRINT_CHECK_INTERVAL_DAYS, since partners edit
their pages after publishing them.
"""

from django.core.management.base import BaseCommand
from django_tasks import TaskResultStatus

from partners.tasks import check_reprints_due


class Command(BaseCommand):
    help = "Queue a credit check of every republished copy not checked in REPRINT_CHECK_INTERVAL_DAYS."

    def handle(self, *args, **options):
        result = check_reprints_due.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"{result.return_value} reprints queued for a credit check.")
        else:
            self.stdout.write(f"Queued task {result.id}: the task worker queues the checks.")
