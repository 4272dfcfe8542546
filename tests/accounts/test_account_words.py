"""BackEase's own account emails and pages, one casing, styled errors, a named contact."""

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse

from backease.mail import FileAndConsoleBackend
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "ana@example.com",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "time_zone": "Europe/Berlin",
}


def _html(message) -> str:
    return next(body for body, kind in message.alternatives if kind == "text/html")


def test_the_verification_email_is_backeases_own_in_text_and_html(client, settings):
    settings.CONTACT_EMAIL = "help@backease.example"
    client.post(reverse("account_signup"), SIGNUP)
    message = mail.outbox[-1]
    assert message.subject == "BackEase: Welcome: confirm your email address"
    assert "Hello from" not in message.body and "Thank you for using" not in message.body
    assert "Thank you for signing up for BackEase" in message.body
    assert "help@backease.example" in message.body
    html = _html(message)
    assert "Confirm my address" in html and "help@backease.example" in html
    assert re.search(r"/accounts/confirm-email/\S+", message.body)


def test_a_sign_up_with_a_taken_address_sends_backeases_already_exists_email(client, user):
    client.post(reverse("account_signup"), {**SIGNUP, "email": user.email})
    message = mail.outbox[-1]
    assert message.subject == "BackEase: You already have a BackEase account"
    assert "already have an account" in message.body
    assert "Choose a new password" in _html(message)


def test_the_password_reset_email_is_backeases_own(client, user):
    client.post(reverse("account_reset_password"), {"email": user.email})
    message = mail.outbox[-1]
    assert message.subject == "BackEase: Reset your password"
    assert "Hello from" not in message.body
    assert "Choose a new password" in _html(message)


def test_a_reset_for_an_unknown_address_says_so_in_backeases_words(client, settings):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
    client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    message = mail.outbox[-1]
    assert "there is no BackEase account with this address" in message.body


def test_the_confirm_page_asks_plainly_and_the_sent_page_names_the_contact(client, settings):
    settings.CONTACT_EMAIL = "help@backease.example"
    response = client.post(reverse("account_signup"), SIGNUP, follow=True)
    page = response.content.decode()
    assert "Check your email" in page and "help@backease.example" in page
    # The reminder is offered once the person is in, never before (it led to the login page).
    assert "Set up a reminder" not in page
    path = re.search(r"/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    confirm = client.get(path).content.decode()
    assert "is an email address for user" not in confirm
    assert "Is <strong>ana@example.com</strong> your address?" in confirm
    after = client.post(path, follow=True).content.decode()
    assert "Set up a reminder" in after
    assert EmailAddress.objects.get(email="ana@example.com").verified


def test_the_login_page_uses_one_casing_and_a_styled_error_with_400(client, user):
    page = client.get(reverse("account_login")).content.decode()
    assert "Log in" in page and "Remember me" in page
    assert "Sign In" not in page and "Remember Me" not in page
    response = client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<div class="form-errors" role="alert">' in html
    assert '<ul class="errorlist' not in html


def test_a_field_error_sits_next_to_its_field(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "password2": "different"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error field-error" role="alert"' in html
    assert 'aria-invalid="true"' in html


def test_head_on_the_landing_page_answers_like_get(client):
    get = client.get("/")
    head = client.head("/")
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]


@pytest.mark.parametrize("url", ["/", "/routines/", "/accounts/login/", "/accounts/signup/"])
def test_public_pages_have_a_meta_description(client, url):
    html = client.get(url).content.decode()
    assert re.search(r'<meta name="description" content="[^"]{50,}">', html)


def test_the_console_email_backend_logs_at_info_and_prints_nothing(tmp_path, caplog, capsys):
    backend = FileAndConsoleBackend(file_path=str(tmp_path))
    with caplog.at_level(logging.INFO, logger="backease.mail"):
        backend.send_messages([EmailMessage("Hi", "Body text", "a@example.com", ["b@e.com"])])
    record = next(r for r in caplog.records if r.name == "backease.mail")
    assert record.levelno == logging.INFO and "Body text" in record.getMessage()
    assert capsys.readouterr().out == ""


def test_contact_email_is_read_from_the_environment(monkeypatch):
    import sys

    script = "from django.conf import settings; print(settings.CONTACT_EMAIL)"
    env = {"CONTACT_EMAIL": "care@example.org", "DJANGO_SETTINGS_MODULE": "backease.settings"}
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        env={**__import__("os").environ, **env, "DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "care@example.org"


COMPOSE = shutil.which("docker-compose") or shutil.which("docker")


@pytest.mark.skipif(COMPOSE is None, reason="docker-compose is not installed")
def test_compose_refuses_to_run_without_a_secret_key():
    compose = Path(__file__).parents[2] / "docker-compose.yml"
    cmd = [COMPOSE] if COMPOSE.endswith("docker-compose") else [COMPOSE, "compose"]
    env = {k: v for k, v in __import__("os").environ.items() if k != "SECRET_KEY"}
    missing = subprocess.run([*cmd, "-f", compose, "config", "-q"], env=env, capture_output=True)
    assert missing.returncode != 0
    ok = subprocess.run([*cmd, "-f", compose, "config", "-q"], env={**env, "SECRET_KEY": "x" * 50})
    assert ok.returncode == 0


def test_the_compose_file_has_no_default_secret_key():
    text = (Path(__file__).parents[2] / "docker-compose.yml").read_text()
    assert "SECRET_KEY: ${SECRET_KEY:?" in text
    assert "SECRET_KEY:-" not in text


def test_the_error_page_names_the_contact_address(rf, settings):
    from backease.views import server_error

    settings.CONTACT_EMAIL = "help@backease.example"
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert 'href="mailto:help@backease.example"' in response.content.decode()
