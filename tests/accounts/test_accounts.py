import re
import subprocess
import sys

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _link_in(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_it_signs_up_verifies_logs_in_and_out(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "ana@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Ana",
            "time_zone": "America/New_York",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.com")
    assert user.display_name == "Ana"
    assert user.time_zone == "America/New_York"
    assert not EmailAddress.objects.get(user=user).verified

    # Not verified yet: logging in sends the person back to the verification notice.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "ana@example.com", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session

    assert len(mail.outbox) >= 1
    confirm_path = _link_in(mail.outbox[0])
    response = client.get(confirm_path)
    assert response.status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "ana@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_it_keeps_utc_when_the_browser_sent_no_time_zone(client):
    client.post(
        reverse("account_signup"),
        {"email": "bo@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert User.objects.get(email="bo@example.com").time_zone == "UTC"


def test_it_rejects_a_forged_time_zone_at_sign_up(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "cy@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Mars/Olympus_Mons",
        },
    )
    assert response.status_code == 400
    assert "could not recognise your time zone" in response.content.decode()
    assert not User.objects.filter(email="cy@example.com").exists()


def test_it_resets_a_password_by_email(client, user):
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    reset_path = _link_in(mail.outbox[0])
    response = client.get(reset_path, follow=True)
    assert response.status_code == 200
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    response = client.post(
        form_path, {"password1": "another-long-phrase-9", "password2": "another-long-phrase-9"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-long-phrase-9")


def test_it_changes_the_password(user_client, user):
    response = user_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "a-brand-new-phrase-7",
            "password2": "a-brand-new-phrase-7",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-brand-new-phrase-7")


def test_it_edits_the_profile_time_zone(user_client, user):
    response = user_client.post(
        reverse("accounts:profile"), {"display_name": "Sam", "time_zone": "Asia/Kolkata"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.time_zone) == ("Sam", "Asia/Kolkata")


def test_it_rejects_an_unknown_time_zone_without_changing_the_profile(user_client, user):
    response = user_client.post(
        reverse("accounts:profile"), {"display_name": "Sam", "time_zone": "Nowhere/Land"}
    )
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.time_zone == "Europe/London"


def test_it_deletes_the_account_and_its_rows_after_password_confirmation(user_client, user):
    response = user_client.post(reverse("accounts:delete"), {"password": "wrong"})
    assert response.status_code == 400
    assert User.objects.filter(pk=user.pk).exists()

    response = user_client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(user_id=user.pk).exists()
    assert "_auth_user_id" not in user_client.session


def test_it_cools_off_repeated_failed_logins(client, user):
    cache.clear()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "nope"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (400, 429)
    # The limit is a cool-off kept in the cache, never a permanent lock-out.
    cache.clear()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.parametrize(
    "url_name", ["accounts:profile", "accounts:delete", "account_change_password"]
)
def test_it_sends_anonymous_visitors_of_private_pages_to_login(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "url_name", ["home", "routines:library", "account_login", "account_signup"]
)
def test_it_keeps_public_pages_open(client, url_name):
    assert client.get(reverse(url_name)).status_code == 200


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "backease.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
