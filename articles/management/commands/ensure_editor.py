import os
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email


class Command(BaseCommand):
    help = (
        "Make sure an editor (superuser) account exists. Takes DJANGO_SUPERUSER_USERNAME, "
        "DJANGO_SUPERUSER_PASSWORD and DJANGO_SUPERUSER_EMAIL; without a password one is generated and printed."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "").strip() or "editor"
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "").strip() or "editor@example.org"
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"DJANGO_SUPERUSER_EMAIL is not an e-mail address: {email!r}") from None

        user = User.objects.filter(username=username).first()
        if user is not None and not password:
            self.stdout.write(f"Editor account '{username}' already exists; its password is unchanged.")
            return
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        if user is None:
            user = User(username=username, email=email)
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Editor account created: username '{username}', password '{password}' (shown once)."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Editor account '{username}' is ready with the given password."))
