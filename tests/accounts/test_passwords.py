"""Passwords made from what an attacker knows (issue 12, finding 6): the email's local part
or the display name are refused, and so are common passwords, in allauth's sign-up, change
and reset forms alike."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PERSONAL = "Your password can’t contain your name or the first part of your email address."
COMMON = "This password is too common."


def _sign_up(email: str, password: str, name: str = ""):
    return Client().post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password, "display_name": name},
    )


@pytest.mark.parametrize(
    "password", ["john.smith", "JOHN.SMITH", "John-Smith-2026", "my johnsmith key"]
)
def test_sign_up_refuses_a_password_containing_the_emails_local_part(password):
    response = _sign_up("john.smith@example.com", password)
    assert response.status_code == 400
    assert PERSONAL in response.text.replace("&#x27;", "'")
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "password", ["ottoline quarrenby", "OttolineQuarrenby!!", "x-ottoline.quarrenby"]
)
def test_sign_up_refuses_a_password_containing_the_display_name(password):
    response = _sign_up("oq@example.com", password, name="Ottoline Quarrenby")
    assert response.status_code == 400
    assert PERSONAL in response.text
    assert not User.objects.exists()


@pytest.mark.parametrize("password", ["qwerty123456", "telechargement", "startfinding"])
def test_sign_up_refuses_a_common_password(password):
    response = _sign_up("someone@example.com", password)
    assert response.status_code == 400
    assert COMMON in response.text
    assert not User.objects.exists()


def test_sign_up_accepts_a_password_of_the_persons_own():
    response = _sign_up("john.smith@example.com", "lilac-kettle-marathon", name="John Smith")
    assert response.status_code == 302
    assert User.objects.get().check_password("lilac-kettle-marathon")


@pytest.fixture
def john():
    person = UserFactory(email="john.smith@example.com", display_name="Ottoline Quarrenby")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    return person


@pytest.mark.parametrize("password", ["john.smith-2026", "ottolinequarrenby", "qwerty123456"])
def test_changing_the_password_refuses_personal_and_common_ones(john, password):
    client = Client()
    client.force_login(john)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": password, "password2": password},
    )
    assert response.status_code == 400
    assert PERSONAL in response.text or COMMON in response.text
    john.refresh_from_db()
    assert john.check_password(PASSWORD)


@pytest.mark.parametrize("password", ["john.smith-2026", "ottolinequarrenby", "qwerty123456"])
def test_a_password_reset_refuses_personal_and_common_ones(john, password):
    client = Client()
    client.post(reverse("account_reset_password"), {"email": john.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", mail.outbox[-1].body)
    form_path = client.get(link.group(1), follow=True).redirect_chain[-1][0]

    response = client.post(form_path, {"password1": password, "password2": password})

    assert response.status_code == 400
    assert PERSONAL in response.text or COMMON in response.text
    john.refresh_from_db()
    assert john.check_password(PASSWORD)
