"""The short set-up after sign-up and the warning-sign questions."""

import datetime as dt

import pytest
from allauth.account.signals import user_signed_up
from django.test import RequestFactory
from django.urls import reverse

from plans.models import PlanSettings
from reminders.models import ReminderSchedule
from safety.services import screening_skip

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(user):
    user_signed_up.send(sender=user.__class__, request=RequestFactory().get("/"), user=user)
    return user


def test_after_the_warning_sign_questions_a_newcomer_is_offered_the_set_up(client, newcomer):
    client.force_login(newcomer)
    assert client.get("/").url.startswith(reverse("safety:screening"))
    screening_skip(user=newcomer)
    assert client.get("/").url == reverse("plans:onboarding")


def test_people_who_signed_up_before_the_set_up_existed_go_to_their_dashboard(client, user):
    screening_skip(user=user)
    client.force_login(user)
    assert client.get("/").url == reverse("progress:dashboard")


@pytest.mark.parametrize(
    ("concern", "slug"),
    [("mornings", "morning-mobility"), ("sitting", "desk-break"), ("evenings", "evening-release")],
)
def test_the_answers_pick_the_routine_goal_and_reminder_and_go_to_the_first_routine(
    client, newcomer, concern, slug
):
    screening_skip(user=newcomer)
    client.force_login(newcomer)

    response = client.post(
        reverse("plans:onboarding"), {"concern": concern, "days": "3", "reminder_time": "07:30"}
    )

    assert response.status_code == 302
    assert response.url == reverse("tracking:start", args=[slug])
    newcomer.refresh_from_db()
    assert newcomer.weekly_goal == 3
    assert newcomer.preferred_routine.slug == slug
    reminder = ReminderSchedule.objects.get(user=newcomer)
    assert reminder.enabled and reminder.local_time == dt.time(7, 30)
    assert reminder.next_reminder_at is not None
    assert PlanSettings.objects.get(user=newcomer).onboarding == "done"
    assert client.get("/").url == reverse("progress:dashboard")
    assert client.get(response.url).status_code == 200


def test_no_reminder_time_means_no_reminder(client, newcomer):
    client.force_login(newcomer)
    client.post(reverse("plans:onboarding"), {"concern": "sitting", "days": "5"})
    assert not ReminderSchedule.objects.filter(user=newcomer).exists()


def test_the_set_up_can_be_skipped(client, newcomer):
    screening_skip(user=newcomer)
    client.force_login(newcomer)
    response = client.post(reverse("plans:onboarding"), {"skip": "1"})
    assert response.url == reverse("progress:dashboard")
    assert PlanSettings.objects.get(user=newcomer).onboarding == "skipped"
    assert client.get("/").url == reverse("progress:dashboard")
    newcomer.refresh_from_db()
    assert newcomer.weekly_goal == 5


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"days": "3"}, "Choose what bothers you most."),
        ({"concern": "backache", "days": "3"}, "Choose one of the three."),
        ({"concern": "sitting", "days": "9"}, "Choose 1 to 7 days a week."),
        ({"concern": "sitting", "days": "3", "reminder_time": "25:99"}, "Enter a time such as"),
    ],
)
def test_bad_answers_are_refused_with_a_message_and_change_nothing(client, newcomer, data, message):
    client.force_login(newcomer)
    response = client.post(reverse("plans:onboarding"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    newcomer.refresh_from_db()
    assert newcomer.weekly_goal == 5 and newcomer.preferred_routine is None
    assert PlanSettings.objects.get(user=newcomer).onboarding == "pending"
