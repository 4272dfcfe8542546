"""The flag banner: what we noticed, what to consider, the summary link, acknowledge, and the
disclaimer, on the dashboard."""

import pytest
import time_machine
from django.urls import reverse

from safety.models import Flag
from safety.services import flags_evaluate_user, screening_skip

from .helpers import NOW, rate

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged(user):
    screening_skip(user=user)
    with time_machine.travel(NOW, tick=False):
        rate(user, [5] * 7 + [5] * 7 + [6] * 7)
        flags_evaluate_user(user_id=user.pk)
    return user


def test_the_dashboard_shows_the_banner_with_numbers_and_disclaimer(user_client, flagged):
    with time_machine.travel(NOW, tick=False):
        text = user_client.get(reverse("home"), follow=True).text
    assert "Your 7-day average is 5, no lower than 3 weeks ago" in text
    assert "Consider seeing a GP or physiotherapist." in text
    assert reverse("safety:summary") in text
    assert "booked / I understand" in text
    assert "cannot diagnose" in text


def test_acknowledging_hides_the_banner(user_client, flagged):
    flag = Flag.objects.get(user=flagged)
    response = user_client.post(reverse("safety:flag_acknowledge", args=[flag.pk]))
    assert response.status_code == 302
    assert "Your 7-day average" not in user_client.get(reverse("home"), follow=True).text
    flag.refresh_from_db()
    assert flag.acknowledged_at is not None
    assert flag.is_open


def test_acknowledging_with_htmx_removes_the_flag_in_place(user_client, flagged):
    flag = Flag.objects.get(user=flagged)
    response = user_client.post(
        reverse("safety:flag_acknowledge", args=[flag.pk]), HTTP_HX_REQUEST="true"
    )
    assert (response.status_code, response.content) == (200, b"")


def test_nobody_else_can_acknowledge_a_flag(client, other_user, flagged):
    flag = Flag.objects.get(user=flagged)
    client.force_login(other_user)
    assert client.post(reverse("safety:flag_acknowledge", args=[flag.pk])).status_code == 404
