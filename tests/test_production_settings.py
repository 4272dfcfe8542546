"""Production settings (DEBUG off): the deploy check, HTTPS-only cookies, HSTS, CSP,
framing, referrer, the admin's path: all read from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "backease.settings",
    "DEBUG": "0",
    "SECRET_KEY": "production-like-" + "k" * 50,
    "ALLOWED_HOSTS": "backease.example.com",
    "EMAIL_URL": "smtp://localhost:25",
}


def _clean_env() -> dict[str, str]:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; production never does.
    dropped = {"DEBUG", "ADMIN_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "EMAIL_FILE_PATH"}
    return {k: v for k, v in os.environ.items() if k not in dropped}


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = _clean_env()
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean | PRODUCTION | env,
        capture_output=True,
        text=True,
    )


def _settings(**env: str) -> dict:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "from django.urls import reverse; "
        "print(json.dumps({k: getattr(s, k) for k in ("
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'SECURE_HSTS_SECONDS', 'SECURE_SSL_REDIRECT', 'X_FRAME_OPTIONS', "
        "'SECURE_REFERRER_POLICY', 'SESSION_COOKIE_AGE', 'SESSION_EXPIRE_AT_BROWSER_CLOSE')}"
        " | {'admin': reverse('admin:index'), 'csp': s.SECURE_CSP}, default=str))"
    )
    done = _run(code, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_deploy_check_reports_nothing_with_production_settings():
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_clean_env() | PRODUCTION,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_production_cookies_are_https_only_with_hsts_and_no_framing():
    s = _settings()
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"] and s["SESSION_COOKIE_HTTPONLY"]
    assert s["SECURE_SSL_REDIRECT"] and s["SECURE_HSTS_SECONDS"] >= 31536000
    assert s["X_FRAME_OPTIONS"] == "DENY"
    assert s["SECURE_REFERRER_POLICY"] == "same-origin"
    assert s["SESSION_COOKIE_AGE"] == 12 * 3600 and s["SESSION_EXPIRE_AT_BROWSER_CLOSE"]


def test_the_script_policy_allows_neither_inline_code_nor_eval():
    csp = _settings()["csp"]
    assert "'unsafe-inline'" not in str(csp) and "'unsafe-eval'" not in str(csp)
    assert csp["frame-ancestors"] == ["'none'"]


def test_the_admin_lives_at_the_path_from_the_environment():
    assert _settings(ADMIN_URL="staff-only-7f3a/")["admin"] == "/staff-only-7f3a/"


def test_production_refuses_to_start_without_a_secret_key():
    done = _run("import django; django.setup()", SECRET_KEY="")
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


@pytest.mark.django_db
def test_pages_carry_hsts_framing_referrer_and_csp_headers(client):
    response = client.get(reverse("routines:library"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "nonce-" in response["Content-Security-Policy"]


SEND_A_RESET_EMAIL = (
    "import django; django.setup(); from django.core.mail import send_mail; "
    "send_mail('Reset', 'https://backease.example.com/accounts/password/reset/key/secret-key/', "
    "'hello@backease.example.com', ['someone@example.com'])"
)


def test_production_refuses_to_start_without_a_mail_server():
    # Without one, every email, password-reset links included, went to the server's log.
    done = _run(SEND_A_RESET_EMAIL, EMAIL_URL="")
    assert done.returncode != 0
    assert "EMAIL_URL must be set" in done.stderr
    assert "secret-key" not in done.stdout


def test_production_refuses_a_mail_url_that_is_not_smtp():
    done = _run("import django; django.setup()", EMAIL_URL="consolemail://")
    assert done.returncode != 0
    assert "EMAIL_URL must be an SMTP URL" in done.stderr


def test_production_can_keep_emails_as_files_without_printing_them(tmp_path):
    done = _run(SEND_A_RESET_EMAIL, EMAIL_URL="", EMAIL_FILE_PATH=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "secret-key" not in done.stdout + done.stderr
    [written] = tmp_path.iterdir()
    assert "secret-key" in written.read_text()


def _https_behind(count: str, **headers: str) -> bool:
    """Whether Django takes a plain-HTTP request with these headers for HTTPS, in production
    with TRUSTED_PROXY_COUNT=`count`: what the HTTPS redirect, secure cookies and the CSRF
    origin check go by."""
    code = (
        "import django; django.setup(); from django.test import RequestFactory; "
        f"print(RequestFactory().get('/', headers={headers!r}).is_secure())"
    )
    done = _run(code, TRUSTED_PROXY_COUNT=count)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[-1] == "True"


def test_a_client_cannot_claim_https_with_x_forwarded_proto_when_no_proxy_is_trusted():
    assert not _https_behind("0", **{"X-Forwarded-Proto": "https"})


def test_behind_a_trusted_proxy_its_x_forwarded_proto_says_the_request_was_https():
    assert _https_behind("1", **{"X-Forwarded-Proto": "https"})
    assert not _https_behind("1", **{"X-Forwarded-Proto": "http"})
    assert not _https_behind("1")
