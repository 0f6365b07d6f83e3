import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from articles import roles

RESET_COMMAND = ".venv/bin/python manage.py changepassword {username}"


@dataclass(frozen=True)
class Account:
    """One account `make run` makes, named by environment variables with a prefix."""

    role: str  # how the output names it
    prefix: str  # DJANGO_SUPERUSER (as `createsuperuser` reads it) or CROSSPOST_EDITOR
    default_username: str
    superuser: bool

    def setting(self, name, default=""):
        return os.environ.get(f"{self.prefix}_{name}", "").strip() or default

    @property
    def username(self):
        return self.setting("USERNAME", self.default_username)

    @property
    def email(self):
        return self.setting("EMAIL", f"{self.username}@example.org")

    @property
    def password(self):
        return os.environ.get(f"{self.prefix}_PASSWORD", "")


ADMINISTRATOR = Account("Administrator", "DJANGO_SUPERUSER", "admin", superuser=True)
EDITOR = Account("Editor", "CROSSPOST_EDITOR", "editor", superuser=False)


class Command(BaseCommand):
    help = (
        "Make sure two accounts exist: an administrator (superuser) named by DJANGO_SUPERUSER_USERNAME, "
        "_PASSWORD and _EMAIL, as createsuperuser reads them (default 'admin'), and an editor in the "
        "Editors group, not a superuser, named by CROSSPOST_EDITOR_USERNAME, _PASSWORD and _EMAIL "
        "(default 'editor'). Without a password one is generated and printed once. An existing "
        "account keeps its password unless one is given."
    )

    def handle(self, *args, **options):
        accounts = [ADMINISTRATOR, EDITOR]
        for account in accounts:
            try:
                validate_email(account.email)
            except ValidationError:
                raise CommandError(f"{account.prefix}_EMAIL is not an e-mail address: {account.email!r}") from None
        if ADMINISTRATOR.username == EDITOR.username:
            raise CommandError(
                f"DJANGO_SUPERUSER_USERNAME and CROSSPOST_EDITOR_USERNAME both name '{EDITOR.username}': "
                "the administrator and the editor must be two accounts."
            )
        # The groups come from a migration; making sure here costs nothing and survives a hand-emptied table.
        roles.sync_roles(Group, Permission)
        for account in accounts:
            self.ensure(account)
        self.stdout.write(
            "Forgot a password? Set a new one with: "
            + RESET_COMMAND.format(username="<username>")
            + f" (e.g. {RESET_COMMAND.format(username=EDITOR.username)})"
        )

    def ensure(self, account):
        User = get_user_model()
        username, password = account.username, account.password
        user = User.objects.filter(username=username).first()
        if user is not None:
            if password and not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(f"{account.role} account '{username}': password set from {account.prefix}_PASSWORD.")
            else:
                self.stdout.write(f"{account.role} account '{username}' already exists; its password is unchanged.")
            self.warn_if_superuser(account, user)
            return
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        user = User(username=username, email=account.email, is_staff=True, is_active=True)
        user.is_superuser = account.superuser
        user.set_password(password)
        user.save()
        if not account.superuser:
            user.groups.add(Group.objects.get(name=roles.EDITORS))
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"{account.role} account created: username '{username}', password '{password}' (shown once)."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{account.role} account '{username}' created with the given password.")
            )

    def warn_if_superuser(self, account, user):
        """An existing account's flags and groups are an administrator's to change: say, never demote."""
        if not account.superuser and user.is_superuser:
            self.stdout.write(
                self.style.WARNING(
                    f"'{user.username}' is a superuser (an older `make run` made it so). To make it an editor only, "
                    "untick 'Superuser status' and add it to the Editors group in the admin's Users page."
                )
            )
