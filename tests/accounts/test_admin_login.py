"""The admin's login is throttled like the main login (issue 12, finding 3): it goes through
allauth's login, whose failed attempts cool off for a few minutes (never for good)."""

import datetime as dt

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def staff(db):
    person = UserFactory(is_staff=True, is_superuser=True)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    return person


def _log_in(client: Client, url: str, email: str, password: str):
    # Django's admin form calls the address "username", allauth's "login".
    return client.post(url, {"username": email, "login": email, "password": password})


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_twelve_wrong_passwords_for_a_staff_user_cool_off_the_admins_login(staff):
    attacker = Client()
    # Wherever the admin's login page leads, that is the form an attacker posts to.
    page = attacker.get(reverse("admin:login"), follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else reverse("admin:login")
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(12):
            _log_in(attacker, form_url, staff.email, "not-the-password")

        _log_in(attacker, form_url, staff.email, PASSWORD)
        assert not _logged_in(attacker)
        clock.shift(dt.timedelta(minutes=4))
        _log_in(attacker, form_url, staff.email, PASSWORD)
        assert not _logged_in(attacker)

        # A cool-off, never a lock-out.
        clock.shift(dt.timedelta(minutes=6))
        _log_in(attacker, form_url, staff.email, PASSWORD)
        assert _logged_in(attacker)
        assert attacker.get(reverse("admin:index")).status_code == 200


def test_the_admins_own_form_never_checks_a_password(staff):
    client = Client()

    response = _log_in(client, reverse("admin:login"), staff.email, PASSWORD)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not _logged_in(client)


def test_guessing_the_password_in_the_admins_password_form_is_throttled(staff):
    client = Client()
    client.force_login(staff)
    url = reverse("admin:password_change")
    data = {"old_password": "a-guess", "new_password1": "x-new-1-phrase", "new_password2": "x"}
    statuses = [client.post(url, data).status_code for _ in range(8)]
    assert statuses[0] == 200
    assert statuses[-1] == 429
