import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_app_can_be_added_to_a_home_screen(client):
    html = client.get(reverse("home")).content.decode()
    assert 'rel="manifest"' in html
    assert f'rel="manifest" href="{reverse("manifest")}"' in html
    manifest = client.get(reverse("manifest")).json()
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == "en"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/"))


def test_the_manifest_speaks_the_visitors_language(client):
    response = client.get(reverse("manifest"), HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["lang"] == "es"
    assert manifest["description"] == "Rutinas guiadas y suaves para la zona lumbar."


def test_every_page_sends_a_strict_content_security_policy(client):
    response = client.get(reverse("routines:library"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_healthz_reports_database_and_broker(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}
