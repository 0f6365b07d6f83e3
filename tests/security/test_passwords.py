"""Password rules: long enough, not a known one, and long pass-phrases welcome."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


def problems(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as error:
        return error.messages
    return []


def test_eleven_characters_are_too_few_twelve_are_enough():
    assert any("at least 12 characters" in message for message in problems("vq7#Lm2pZ!x"))
    assert problems("vq7#Lm2pZ!xR") == []


@pytest.mark.parametrize("password", ["password1234", "qwertyuiop[]", "1q2w3e4r5t6y", "temppassword"])
def test_common_passwords_are_refused_even_when_long_enough(password):
    assert len(password) >= 12
    assert any("too common" in message for message in problems(password))


def test_all_digits_are_refused():
    assert any("entirely numeric" in message for message in problems("904817263548"))


def test_a_password_like_the_username_is_refused(django_user_model):
    user = django_user_model(username="margaret.holloway", email="margaret@example.org")
    assert any("too similar" in message for message in problems("margaret.holloway", user))


def test_a_64_character_pass_phrase_is_accepted_and_works_for_signing_in(client, django_user_model):
    phrase = "correct horse battery staple, and a river of slow green light!"
    phrase += "x" * (64 - len(phrase))
    assert len(phrase) == 64
    assert problems(phrase) == []

    user = django_user_model.objects.create_user("ada", "ada@example.org", phrase, is_staff=True)
    response = client.post("/admin/login/?next=/admin/", {"username": "ada", "password": phrase})
    assert response.status_code == 302 and int(client.session["_auth_user_id"]) == user.pk


def test_the_admin_refuses_a_short_password_when_an_editor_sets_one(admin_client, django_user_model):
    user = django_user_model.objects.create_user("ben", "ben@example.org", "an-old-long-password")
    response = admin_client.post(
        f"/admin/auth/user/{user.pk}/password/", {"password1": "short-pw", "password2": "short-pw"}
    )
    assert response.status_code == 200
    assert b"at least 12 characters" in response.content
    user.refresh_from_db()
    assert user.check_password("an-old-long-password")
