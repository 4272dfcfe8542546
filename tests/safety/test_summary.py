"""The clinician summary: page, print CSS, PDF, and share links that expire, can be revoked
and show nothing else of the user."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from safety.models import ShareLink
from safety.services import flags_evaluate_user, screening_record, share_link_create

from .helpers import NOW, TODAY, rate, session_with_step

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def history(user):
    user.display_name = "Robin"
    user.save()
    rate(user, [8, 9, 8] + [5] * 25)
    session_with_step(user, TODAY - dt.timedelta(days=1), hurt=True)
    screening_record(user=user, answers={"fever": True})
    flags_evaluate_user(user_id=user.pk)
    from tracking.models import CheckIn

    CheckIn.objects.filter(user=user, local_date=TODAY).update(note="Sharp after gardening")
    return user


def test_the_summary_shows_the_figures_a_clinician_needs(user_client, history):
    response = user_client.get(reverse("safety:summary"))
    assert response.status_code == 200
    text = response.text
    for expected in [
        "Robin", "<svg", "<polyline", "Weekly", "Sessions and adherence", "hurt 1 of 1 time",
        "high temperature", "Severe pain", "Sharp after gardening", "cannot diagnose",
        "css/safety.css",
    ]:  # fmt: skip
        assert expected in text, expected
    assert "style=" not in text
    assert "<script>" not in text


def test_the_summary_has_print_css():
    from django.contrib.staticfiles import finders

    with open(finders.find("css/safety.css")) as css:
        assert "@media print" in css.read()


@pytest.mark.parametrize("weeks", ["3", "13", "x", "-1"])
def test_a_bad_number_of_weeks_is_a_clear_400(user_client, weeks):
    response = user_client.get(reverse("safety:summary"), {"weeks": weeks})
    assert response.status_code == 400
    assert "Choose between 4 and 12 weeks" in response.text


def test_the_pdf_renders(user_client, history):
    response = user_client.get(reverse("safety:summary_pdf"), {"weeks": 12})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 1500


def test_the_pdf_survives_notes_outside_latin_1(user_client, history):
    from tracking.models import CheckIn

    CheckIn.objects.filter(user=history).update(note="Stechen 😣 — 疼痛")
    assert user_client.get(reverse("safety:summary_pdf")).content.startswith(b"%PDF")


def test_a_share_link_shows_the_summary_and_nothing_else(client, user_client, history):
    response = user_client.post(reverse("safety:share_create"), {"weeks": 6}, follow=True)
    link = ShareLink.objects.get(user=history)
    assert link.expires_at == NOW + dt.timedelta(days=14)
    url = response.context["new_link"]
    assert "/safety/shared/" in url
    # Shown once only.
    assert user_client.get(reverse("safety:summary")).context["new_link"] is None

    path = url.split("testserver", 1)[1]
    shared = client.get(path)
    assert shared.status_code == 200
    assert "Robin" in shared.text
    assert "Sharp after gardening" in shared.text
    assert history.email not in shared.text
    assert "Share with a clinician" not in shared.text
    assert "acknowledge" not in shared.text
    assert shared["X-Robots-Tag"] == "noindex, nofollow"
    assert shared["Referrer-Policy"] == "no-referrer"
    assert client.get(path + "pdf").content.startswith(b"%PDF")


def test_a_share_link_expires(client, history, clock):
    _link, token = share_link_create(user=history)
    path = reverse("safety:shared_summary", args=[token])
    assert client.get(path).status_code == 200
    clock.shift(dt.timedelta(days=14, seconds=1))
    response = client.get(path)
    assert response.status_code == 404
    assert "expired or was withdrawn" in response.text


def test_a_share_link_can_be_revoked_by_its_owner_only(user_client, other_user, history):
    link, token = share_link_create(user=history)
    other, client = Client(), Client()
    other.force_login(other_user)
    assert other.post(reverse("safety:share_revoke", args=[link.pk])).status_code == 404
    assert client.get(reverse("safety:shared_summary", args=[token])).status_code == 200
    user_client.post(reverse("safety:share_revoke", args=[link.pk]))
    assert client.get(reverse("safety:shared_summary", args=[token])).status_code == 404
    assert client.get(reverse("safety:shared_summary_pdf", args=[token])).status_code == 404


def test_a_made_up_token_finds_nothing(client):
    assert client.get(reverse("safety:shared_summary", args=["guess"])).status_code == 404


def test_the_token_itself_is_not_stored(history):
    link, token = share_link_create(user=history)
    assert token not in link.token_hash
