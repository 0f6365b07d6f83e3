"""Signing in: throttled by django-axes, with one answer for every kind of refusal."""

from axes.backends import AxesStandaloneBackend
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check, for sign-ins made over HTTP.

    `authenticate()` without a request (the shell, a management command, the test client's
    `login()`) has no client to count or throttle; axes would raise instead of answering.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response, credentials=None):
    """A locked-out attempt gets the page a wrong password gets, whether the lock is on the account or
    the address, and whether or not the password was right: a guesser learns nothing from it."""
    return original_response


class LoginForm(AdminAuthenticationForm):
    """The admin's sign-in form, with an error that also covers a paused account (it cannot say which)."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": (
            "Please enter the correct %(username)s and password for a staff account. Both fields may be "
            "case-sensitive. After several failed attempts, signing in is paused for a while."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # Django sets the user name's max_length after the field is made, so only the browser checks it:
        # a longer name went on to authenticate(), and django-axes's record of the failure (255
        # characters at most) made PostgreSQL refuse the insert, a 500. No account has such a name.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
