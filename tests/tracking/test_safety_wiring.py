"""The player and check-ins hand over to the safety rules (SAFETY.md)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from routines.models import Exercise
from safety import rules
from safety.models import Flag
from safety.questions import QUESTIONS
from safety.services import screening_record, screening_skip
from tracking.models import CheckIn, Session

pytestmark = pytest.mark.django_db

SCREENING = reverse("safety:screening")


@pytest.fixture(autouse=True)
def screened(user):
    screening_skip(user=user)


def test_a_pain_rating_of_8_before_a_routine_asks_the_warning_sign_questions(user_client):
    response = user_client.post(reverse("tracking:start", args=["desk-break"]), {"pain_before": 8})
    assert response["Location"] == SCREENING + "?reason=pain"
    assert Session.objects.get().is_active  # the routine waits, it is not lost


def test_a_pain_rating_of_7_goes_straight_to_the_player(user_client):
    response = user_client.post(reverse("tracking:start", args=["desk-break"]), {"pain_before": 7})
    assert response["Location"] == reverse("tracking:player", args=[Session.objects.get().pk])


def test_a_check_in_with_new_symptoms_saves_and_asks_the_emergency_questions_in_place(
    user_client, user
):
    response = user_client.post(
        reverse("tracking:checkin"), {"pain": 3, "new_leg_symptoms": "on"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "HX-Redirect" not in response
    assert 'name="questions_shown"' in response.text
    assert "Your rating is saved" in response.text
    assert CheckIn.objects.get(user=user).pain == 3


def test_an_emergency_answer_pauses_routines_until_acknowledged(user_client, user):
    emergency = next(q.key for q in QUESTIONS if q.level == rules.EMERGENCY)
    screening_record(user=user, answers={emergency: True}, reason="help")
    response = user_client.get(reverse("tracking:start", args=["desk-break"]))
    assert response["Location"] == reverse("safety:emergency")
    user_client.post(reverse("safety:emergency"))
    assert user_client.get(reverse("tracking:start", args=["desk-break"])).status_code == 200


def test_an_exercise_that_hurts_is_marked_in_the_player(user_client, user):
    cat_cow = Exercise.objects.get(slug="cat-cow")
    Flag.objects.create(user=user, rule=Flag.Rule.EXERCISE_HURTS, exercise=cat_cow)
    user_client.post(reverse("tracking:start", args=["desk-break"]), {"pain_before": 3})
    session = Session.objects.get()
    cat_cow_step = next(p for p in session.parts if p.exercise_id == cat_cow.pk)
    assert session.content[str(cat_cow_step.step_id)]["hurts"]
    first_step = session.parts[0]
    assert not session.content[str(first_step.step_id)]["hurts"]


def test_saving_a_check_in_evaluates_the_flags_on_commit(
    user_client, user, celery_eager, django_capture_on_commit_callbacks
):
    with time_machine.travel(dt.datetime(2026, 5, 20, 12, tzinfo=dt.UTC), tick=False):
        for day in (17, 18):
            CheckIn.objects.create(user=user, local_date=dt.date(2026, 5, day), pain=9)
        with django_capture_on_commit_callbacks(execute=True):
            response = user_client.post(reverse("tracking:checkin"), {"pain": 8})
    # Saved, and a pain of 8 asks the emergency questions on the same page.
    assert response.status_code == 200
    assert 'name="emergency-saddle_numbness"' in response.text
    # 8 or more on 3 of the last 7 days: the "severe" rule opens its episode.
    assert Flag.objects.filter(user=user, rule=Flag.Rule.SEVERE, closed_at=None).exists()
