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


@pytest.mark.parametrize(
    ("done", "hurt", "relief", "words"),
    [
        (0, 1, None, "It hurt recently"),
        (1, 1, None, "It hurt recently"),
        (2, 0, 2.0, "Too few sessions"),
        (2, 1, None, "Often hurts"),
        (3, 0, 2.0, "usually eased"),
    ],
)
def test_often_and_usually_are_said_only_after_enough_sessions(done, hurt, relief, words):
    from progress.stats import ExerciseRelief

    row = ExerciseRelief(name="Cat-cow", done=done, hurt=hurt, easier=0, relief=relief)
    assert words in row.verdict
