"""Queue the sweep of the originals we republish (originals.tasks.check_due_originals).

Run it hourly from a systemd timer or cron (docs/deployment.md), next to `db_worker`: the sweep starts
watching any published cross-post not yet watched and queues a check of each original that is due
(daily for recent articles, weekly after). Where tasks run at once (`make run`, the tests) the checks
run here.
"""

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from originals.tasks import check_due_originals


class Command(BaseCommand):
    help = "Queue a check of every original that is due (and start watching new cross-posts)."

    def handle(self, *args, **options):
        result = check_due_originals.enqueue()
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(result.errors[-1].traceback.strip().splitlines()[-1])
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"{result.return_value} originals checked.")
        else:
            self.stdout.write(f"Queued task {result.id}: the task worker checks the originals that are due.")
