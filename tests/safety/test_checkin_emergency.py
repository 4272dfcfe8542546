"""Emergency signs in the daily check-in: ticking new symptoms (or a pain of 8 or more) asks
the emergency questions on the same page; each needs an explicit answer; a yes is the same
emergency as in the screening."""

import pytest
from django.urls import reverse

from safety import rules
from safety.models import Flag, ScreeningResponse, routines_paused
from safety.questions import QUESTIONS
from safety.services import screening_record, screening_skip
from tracking.models import CheckIn

pytestmark = pytest.mark.django_db

CHECKIN = reverse("tracking:checkin")
QUESTIONS_URL = reverse("tracking:checkin_questions")
HX = {"HTTP_HX_REQUEST": "true"}
EMERGENCY_KEYS = [q.key for q in QUESTIONS if q.level == rules.EMERGENCY]
URGENT_KEYS = [q.key for q in QUESTIONS if q.level == rules.URGENT]


@pytest.fixture(autouse=True)
def screened(user):
    screening_skip(user=user)


def answers(yes=(), **extra) -> dict:
    data = {f"emergency-{key}": "yes" if key in yes else "no" for key in EMERGENCY_KEYS}
    return {"questions_shown": "1", **data, **extra}


# --- asking, in place ---


def test_the_check_in_asks_for_the_questions_when_the_box_or_the_pain_changes(user_client):
    page = user_client.get(CHECKIN).text
    assert f'hx-get="{QUESTIONS_URL}"' in page
    assert 'hx-target="#checkin-questions"' in page
    assert 'id="checkin-questions"' in page
    assert "emergency-saddle_numbness" not in page  # not asked until needed


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ({"new_leg_symptoms": "on"}, True),
        ({"pain": "8"}, True),
        ({"pain": "10", "new_leg_symptoms": "on"}, True),
        ({"pain": "7"}, False),
        ({}, False),
        ({"pain": "eleven"}, False),
    ],
)
def test_new_symptoms_or_a_pain_of_8_swap_in_the_emergency_questions(user_client, query, asked):
    response = user_client.get(QUESTIONS_URL, query, **HX)
    assert response.status_code == 200
    assert 'id="checkin-questions"' in response.text
    assert "<html" not in response.text
    for key in EMERGENCY_KEYS:
        assert (f'name="emergency-{key}"' in response.text) is asked
    for key in URGENT_KEYS:
        assert key not in response.text


def test_questions_already_on_the_page_are_kept_when_the_pain_changes(user_client):
    query = {"pain": "9", "new_leg_symptoms": "on", "questions_shown": "1"}
    assert user_client.get(QUESTIONS_URL, query, **HX).status_code == 204


def test_each_question_offers_an_explicit_yes_and_no(user_client):
    text = user_client.get(QUESTIONS_URL, {"new_leg_symptoms": "on"}, **HX).text
    for key in EMERGENCY_KEYS:
        assert f'name="emergency-{key}" value="yes"' in text
        assert f'name="emergency-{key}" value="no"' in text
    assert "checked" not in text


# --- answering ---


@pytest.mark.parametrize("htmx", [True, False])
def test_unanswered_questions_are_refused_and_nothing_is_saved(user_client, user, htmx):
    data = answers(pain="4", new_leg_symptoms="on")
    del data[f"emergency-{EMERGENCY_KEYS[0]}"]
    response = user_client.post(CHECKIN, data, **(HX if htmx else {}))
    assert response.status_code == 400
    assert "Please answer yes or no to each question." in response.text
    assert not CheckIn.objects.filter(user=user).exists()
    assert not ScreeningResponse.objects.filter(reason="checkin").exists()


def test_an_empty_answer_set_never_records_a_no(user_client, user):
    response = user_client.post(
        CHECKIN, {"pain": "4", "new_leg_symptoms": "on", "questions_shown": "1"}
    )
    assert response.status_code == 400
    assert not ScreeningResponse.objects.filter(reason="checkin").exists()


def test_no_to_each_question_saves_the_check_in_and_the_answers(user_client, user):
    response = user_client.post(CHECKIN, answers(pain="4", new_leg_symptoms="on"))
    assert response["Location"] == CHECKIN
    assert CheckIn.objects.get(user=user).pain == 4
    saved = ScreeningResponse.objects.get(reason="checkin")
    assert saved.answers == dict.fromkeys(EMERGENCY_KEYS, False)  # only what was asked
    assert saved.level == 0
    assert not routines_paused(user)


@pytest.mark.parametrize("htmx", [True, False])
def test_a_yes_in_the_check_in_is_the_same_emergency_as_in_the_screening(user_client, user, htmx):
    data = answers(yes=[EMERGENCY_KEYS[0]], pain="9")
    response = user_client.post(CHECKIN, data, **(HX if htmx else {}))
    emergency = reverse("safety:emergency")
    assert (response["HX-Redirect"] if htmx else response["Location"]) == emergency
    assert CheckIn.objects.get(user=user).pain == 9
    assert ScreeningResponse.objects.get(reason="checkin").level == rules.EMERGENCY
    flag = Flag.objects.get(user=user, rule=rules.RED_FLAG)
    assert (flag.severity, flag.is_open) == (rules.EMERGENCY, True)
    assert routines_paused(user)
    page = user_client.get(emergency).text
    assert "Call 999 now" in page
    assert 'href="tel:999"' in page
    assert str(QUESTIONS[0].text).replace("'", "&#x27;") in page


def test_without_javascript_the_rating_is_saved_first_then_the_questions_follow(user_client, user):
    first = user_client.post(CHECKIN, {"pain": "3", "new_leg_symptoms": "on"})
    assert first.status_code == 200
    assert "Your rating is saved. Please answer the questions below too." in first.text
    assert 'name="questions_shown" value="1"' in first.text
    assert 'name="new_leg_symptoms" checked' in first.text.replace(' id="id_new_leg_symptoms"', "")
    assert CheckIn.objects.get(user=user).pain == 3
    second = user_client.post(
        CHECKIN, answers(yes=[EMERGENCY_KEYS[3]], pain="3", new_leg_symptoms="on")
    )
    assert second["Location"] == reverse("safety:emergency")
    assert routines_paused(user)


def test_answering_no_in_a_check_in_never_closes_an_urgent_flag(user_client, user):
    screening_record(user=user, answers={key: key == URGENT_KEYS[0] for key in BY_ALL})
    user_client.post(CHECKIN, answers(pain="8"))
    flag = Flag.objects.get(user=user, rule=rules.RED_FLAG)
    assert flag.is_open and flag.severity == rules.URGENT
    assert flag.numbers["answers"] == {URGENT_KEYS[0]: True}


def test_an_emergency_then_no_in_a_check_in_lowers_the_flag_to_the_urgent_answers(user):
    everything = {key: key in (URGENT_KEYS[1], EMERGENCY_KEYS[1]) for key in BY_ALL}
    screening_record(user=user, answers=everything)
    screening_record(user=user, answers=dict.fromkeys(EMERGENCY_KEYS, False), reason="checkin")
    flag = Flag.objects.get(user=user, rule=rules.RED_FLAG)
    assert (flag.severity, flag.numbers["answers"]) == (rules.URGENT, {URGENT_KEYS[1]: True})


BY_ALL = EMERGENCY_KEYS + URGENT_KEYS
