"""The warning-sign questions need an explicit yes or no to each (issue 12, finding 8): an
empty or partial form records nothing and leaves an open warning-sign flag open."""

import pytest
from django.urls import reverse

from safety.models import Flag, ScreeningResponse
from safety.questions import QUESTIONS
from safety.services import screening_record

pytestmark = pytest.mark.django_db

URL = reverse("safety:screening")
FEVER = "fever"


def answers(*yes: str) -> dict[str, str]:
    return {q.key: "yes" if q.key in yes else "no" for q in QUESTIONS}


@pytest.fixture
def open_flag(user):
    screening_record(user=user, answers={FEVER: True}, reason="help")
    return Flag.objects.get(user=user, closed_at=None)


@pytest.mark.parametrize("htmx", [False, True])
def test_an_empty_post_records_nothing_and_keeps_the_flag_open(user_client, user, open_flag, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    response = user_client.post(URL, {"reason": "help"}, headers=headers)

    assert response.status_code == 400
    assert "Please answer yes or no to every question." in response.text
    assert ScreeningResponse.objects.filter(user=user).count() == 1
    open_flag.refresh_from_db()
    assert open_flag.closed_at is None


def test_a_question_left_unanswered_is_pointed_out_and_nothing_is_recorded(
    user_client, user, open_flag
):
    partial = answers()
    del partial["peeing"]

    response = user_client.post(URL, partial)

    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"peeing"}
    assert "Please answer yes or no." in response.text
    assert ScreeningResponse.objects.filter(user=user).count() == 1
    open_flag.refresh_from_db()
    assert open_flag.closed_at is None


@pytest.mark.parametrize("value", ["", "maybe", "on", "true", "1"])
def test_an_answer_other_than_yes_or_no_is_refused(user_client, user, value):
    response = user_client.post(URL, answers() | {FEVER: value})
    assert response.status_code == 400
    assert not ScreeningResponse.objects.filter(user=user).exists()


def test_no_to_every_question_explicitly_closes_the_flag(user_client, user, open_flag):
    response = user_client.post(URL, answers())

    assert response.status_code == 302
    latest = ScreeningResponse.objects.filter(user=user).latest("pk")
    assert latest.answers == {q.key: False for q in QUESTIONS}
    open_flag.refresh_from_db()
    assert open_flag.closed_at is not None


def test_each_question_offers_yes_and_no_and_neither_is_chosen_beforehand(user_client):
    page = user_client.get(URL).text
    for q in QUESTIONS:
        assert f'name="{q.key}" value="yes"' in page
        assert f'name="{q.key}" value="no"' in page
    assert "checked" not in page
