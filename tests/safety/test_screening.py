"""Red-flag screening: asked once after sign-up, from "When to get help", and after a rating
of 8 or more; emergency answers win, show at once and pause routines until acknowledged."""

import pytest
from django.urls import reverse

from safety import rules
from safety.models import Flag, ScreeningResponse, open_flags_for, routines_paused
from safety.questions import QUESTIONS
from safety.services import rescreen_needed, screening_record

pytestmark = pytest.mark.django_db

EMERGENCY_KEYS = [q.key for q in QUESTIONS if q.level == rules.EMERGENCY]
URGENT_KEYS = [q.key for q in QUESTIONS if q.level == rules.URGENT]


def answers(*yes: str) -> dict[str, str]:
    """The screening form, answered: yes to these, no to the rest."""
    return {q.key: "yes" if q.key in yes else "no" for q in QUESTIONS}


def test_the_questions_are_asked_once_after_sign_up(user_client, user):
    response = user_client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("safety:screening") + "?reason=signup"
    user_client.post(reverse("safety:screening_skip"))
    assert user_client.get(reverse("home"))["Location"] == reverse("progress:dashboard")
    assert ScreeningResponse.objects.get(user=user).skipped


def test_the_screening_page_lists_every_question(user_client):
    response = user_client.get(reverse("safety:screening") + "?reason=signup")
    assert response.status_code == 200
    for q in QUESTIONS:
        assert str(q.text) in response.text.replace("&#x27;", "'")
    assert "Not now" in response.text


def test_an_emergency_answer_shows_the_stop_screen_at_once(user_client, user):
    response = user_client.post(
        reverse("safety:screening"), answers(EMERGENCY_KEYS[0], URGENT_KEYS[0])
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("safety:emergency")
    page = user_client.get(reverse("safety:emergency"))
    assert '<h1 id="emergency-title">Call 999 now</h1>' in page.text
    assert "United Kingdom: the emergency number is 999." in page.text
    assert 'href="tel:999"' in page.text
    assert "emergency-screen" in page.text
    saved = ScreeningResponse.objects.get(user=user)
    assert saved.level == rules.EMERGENCY
    assert saved.answers[EMERGENCY_KEYS[0]] is True
    assert saved.local_date is not None


def test_routines_stay_paused_until_the_emergency_is_acknowledged(user_client, user):
    user_client.post(reverse("safety:screening"), answers(EMERGENCY_KEYS[0]))
    assert routines_paused(user)
    # Going elsewhere and coming back still shows the stop screen.
    result = ScreeningResponse.objects.get(user=user)
    response = user_client.get(reverse("safety:screening_result", args=[result.pk]))
    assert response["Location"] == reverse("safety:emergency")
    user_client.post(reverse("safety:emergency"))
    assert not routines_paused(user)
    assert open_flags_for(user) == []
    assert Flag.objects.get(user=user).severity == rules.EMERGENCY


def test_the_emergency_number_is_that_of_the_persons_country(user_client, user):
    user.country = "US"
    user.save()
    user_client.post(reverse("safety:screening"), answers(EMERGENCY_KEYS[1]))
    page = user_client.get(reverse("safety:emergency"))
    assert "Call 911 now" in page.text
    assert "United States of America: the emergency number is 911." in page.text


def test_an_urgent_answer_says_to_contact_a_gp_today(user_client, user):
    response = user_client.post(reverse("safety:screening"), answers(URGENT_KEYS[0]), follow=True)
    assert '<h1 id="urgent-title">Contact a GP or urgent care today</h1>' in response.text
    assert 'href="tel:111"' in response.text
    assert "probably nothing serious" not in response.text.lower()
    assert not routines_paused(user)
    flag = Flag.objects.get(user=user)
    assert (flag.rule, flag.severity) == (rules.RED_FLAG, rules.URGENT)
    assert flag.consider == (
        "Contact a GP or urgent care today. "
        "United Kingdom: for urgent medical advice you can call 111."
    )


def test_no_warning_signs_closes_an_open_red_flag(user):
    screening_record(user=user, answers={URGENT_KEYS[0]: True})
    screening_record(user=user, answers=dict.fromkeys(EMERGENCY_KEYS + URGENT_KEYS, False))
    assert not Flag.objects.open().exists()
    assert Flag.objects.get(user=user).closed_at is not None


def test_a_red_flag_needs_no_pain_ratings(user):
    screening_record(user=user, answers={URGENT_KEYS[1]: True})
    assert [f.rule for f in open_flags_for(user)] == [rules.RED_FLAG]


def test_an_emergency_answer_raises_an_urgent_red_flag(user):
    screening_record(user=user, answers={URGENT_KEYS[0]: True})
    screening_record(user=user, answers={URGENT_KEYS[0]: True, EMERGENCY_KEYS[2]: True})
    flag = Flag.objects.get(user=user)
    assert flag.severity == rules.EMERGENCY
    assert routines_paused(user)


def test_an_unknown_answer_is_a_clear_400(user_client, user):
    response = user_client.post(reverse("safety:screening"), answers() | {"fever": "perhaps"})
    assert response.status_code == 400
    assert "Please answer yes or no to every question." in response.text
    assert not ScreeningResponse.objects.exists()


@pytest.mark.parametrize(
    ("pain", "legs", "needed"),
    [(8, False, True), (7, False, False), (None, True, True), (None, False, False)],
)
def test_a_rating_of_8_or_new_leg_symptoms_ask_the_questions_again(pain, legs, needed):
    assert rescreen_needed(pain=pain, new_leg_symptoms=legs) is needed


def test_the_help_page_is_public_and_linked_from_every_page(client):
    response = client.get(reverse("safety:help"))
    assert response.status_code == 200
    # A visitor's country is not known: 112, and their local number.
    assert "Call 112 now" in response.text
    assert "call your local emergency number" in response.text
    assert reverse("safety:help") in client.get(reverse("routines:library")).text


def test_the_how_we_decide_page_lists_each_rule_with_threshold_and_source(client):
    text = client.get(reverse("safety:how_we_decide")).text
    for anchor in ["no_improvement", "worsening", "severe", "long_lasting", "exercise_hurts"]:
        assert f'id="{anchor}"' in text
    assert "Ostelo" in text
    assert "8 or more on 3 of the last 7 days" in text
    assert "cannot diagnose" in text
