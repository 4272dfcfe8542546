"""Deleting an account: guessing its password is throttled like changing the password
(issue 12, finding 5), and every login of the person ends with it (finding 7)."""

import datetime as dt
from importlib import import_module

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def _delete(client: Client, password: str):
    return client.post(reverse("accounts:delete"), {"password": password})


def test_guessing_the_password_to_delete_an_account_answers_429_after_a_few_tries(
    user_client, user
):
    with time_machine.travel(START, tick=False) as clock:
        statuses = [_delete(user_client, f"guess-{n}").status_code for n in range(6)]
        assert statuses == [400] * 5 + [429]
        # Even the right password waits for the cool-off.
        response = _delete(user_client, PASSWORD)
        assert response.status_code == 429
        assert "Too many attempts" in response.text
        assert User.objects.filter(pk=user.pk).exists()

        clock.shift(dt.timedelta(minutes=1, seconds=1))
        assert _delete(user_client, PASSWORD).status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
Rows = SessionStore.get_model_class().objects


def _sessions_of(user: User) -> list:
    """Every stored session logged in as `user`, read from the session data itself."""
    return [row for row in Rows.all() if row.get_decoded().get("_auth_user_id") == str(user.pk)]


def test_deleting_an_account_logs_out_every_device(
    user, other_user, django_capture_on_commit_callbacks
):
    phone, laptop, someone_else = Client(), Client(), Client()
    for client, person in [(phone, user), (laptop, user), (someone_else, other_user)]:
        client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
        assert client.get(reverse("progress:dashboard")).status_code == 200
    laptop_key = laptop.session.session_key
    assert len(_sessions_of(user)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        assert _delete(phone, PASSWORD).status_code == 302

    assert _sessions_of(user) == []
    assert not Rows.filter(session_key=laptop_key).exists()
    # Nor does the cache keep a copy that could log the laptop back in.
    assert cache.get(f"django.contrib.sessions.cached_db{laptop_key}") is None
    response = laptop.get(reverse("progress:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    # Other people stay logged in.
    assert someone_else.get(reverse("progress:dashboard")).status_code == 200
    assert len(_sessions_of(other_user)) == 1
