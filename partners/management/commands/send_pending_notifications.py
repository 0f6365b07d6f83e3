"""Send the permission-request e-mails still pending; run it from cron, e.g. every hour, as a safety net.

The background task (partners.tasks) sends and retries each request's e-mails; this command catches
what is left after its last retry, or what was stored while no worker ran.
"""

from django.core.management.base import BaseCommand, CommandError

from partners.mail import send_owed
from partners.models import PermissionRequest


class Command(BaseCommand):
    help = "Send every permission-request e-mail still pending (editors' notifications, acknowledgements, decisions)."

    def handle(self, *args, **options):
        pending = PermissionRequest.objects.needing_mail().select_related("article").order_by("created_at", "pk")
        attempted = failed = 0
        for permission_request in pending.iterator():
            attempted += 1
            if send_owed(permission_request):
                failed += 1
        if failed:
            # A non-zero exit lets cron or a monitor notice that the mail server is still refusing.
            raise CommandError(f"{failed} of {attempted} requests still have unsent e-mail; they stay pending.")
        self.stdout.write(f"{attempted} requests had pending e-mail; all sent.")
