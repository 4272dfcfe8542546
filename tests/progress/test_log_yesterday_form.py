"""Log yesterday uses the same 0–10 pain buttons as everywhere else."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_log_yesterday_uses_the_pain_buttons_not_a_dropdown(user_client):
    html = user_client.get(reverse("progress:log_yesterday")).content.decode()
    assert html.count('class="pain-scale"') == 3
    assert 'name="pain"' in html and '<select name="pain' not in html
    assert 'type="radio" name="kind" value="checkin"' in html


def test_a_check_in_without_pain_says_so_next_to_the_field(user_client):
    response = user_client.post(reverse("progress:log_yesterday"), {"kind": "checkin"})
    assert response.status_code == 400
    assert "Choose how much pain you had yesterday." in response.content.decode()
