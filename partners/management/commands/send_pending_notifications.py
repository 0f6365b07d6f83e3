"""Queue the sweep of permission-request e-mails still pending (partners.tasks.send_pending_notifications).

Run it hourly from a systemd timer or cron (docs/deployment.md): the task worker sends the e-mails
and the admin's Tasks page records each sweep. Where tasks run at once (`make run`, the tests) the
sweep runs here, and a mail server still refusing makes the command fail, for cron to notice.
"""

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from partners.tasks import send_pending_notifications


class Command(BaseCommand):
    help = "Queue the sending of every permission-request e-mail still pending (notices, acknowledgements, decisions)."

    def handle(self, *args, **options):
        result = send_pending_notifications.enqueue()
        if result.status == TaskResultStatus.FAILED:
            # The exception's own words, without its class: "2 of 5 requests still have unsent e-mail…"
            raise CommandError(result.errors[-1].traceback.strip().splitlines()[-1].split(": ", 1)[-1])
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"{result.return_value} requests had pending e-mail; all sent.")
        else:
            self.stdout.write(f"Queued task {result.id}: the task worker sends the pending e-mail.")
