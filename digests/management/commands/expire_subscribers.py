"""Queue the deletion of addresses never confirmed (digests.tasks.expire_unconfirmed); run it daily."""

from django.core.management.base import BaseCommand
from django_tasks import TaskResultStatus

from digests.tasks import expire_unconfirmed


class Command(BaseCommand):
    help = "Delete subscribers who never confirmed their address within DIGEST_UNCONFIRMED_DAYS."

    def handle(self, *args, **options):
        result = expire_unconfirmed.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"{result.return_value} unconfirmed addresses deleted.")
        else:
            self.stdout.write(f"Queued task {result.id}.")
