"""Retry the permission-request e-mails that could not be sent; run it from cron, e.g. every 10 minutes."""

from django.core.management.base import BaseCommand, CommandError

from partners.models import PermissionRequest
from partners.services import permission_request_send_mail


class Command(BaseCommand):
    help = "Send every permission-request e-mail still pending (editors' notifications, acknowledgements, decisions)."

    def handle(self, *args, **options):
        pending = PermissionRequest.objects.needing_mail().select_related("article").order_by("created_at", "pk")
        attempted = failed = 0
        for permission_request in pending.iterator():
            attempted += 1
            if permission_request_send_mail(permission_request=permission_request):
                failed += 1
        if failed:
            # A non-zero exit lets cron or a monitor notice that the mail server is still refusing.
            raise CommandError(f"{failed} of {attempted} requests still have unsent e-mail; they stay pending.")
        self.stdout.write(f"{attempted} requests had pending e-mail; all sent.")
