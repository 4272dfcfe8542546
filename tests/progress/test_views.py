"""Dashboard, progress page, goal settings, pauses and logging yesterday."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from progress.models import Pause, ProgressSettings
from routines.models import Routine
from safety.services import screening_skip
from tests.factories import (
    CheckInFactory,
    PauseFactory,
    ReminderScheduleFactory,
    SessionFactory,
    StepRecordFactory,
    UserFactory,
)
from tracking.models import CheckIn, Session, StepRecord

pytestmark = pytest.mark.django_db

D = dt.date
# Wednesday 20 May 2026, 10:00 in London.
NOW = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.UTC)
TODAY = D(2026, 5, 20)


@pytest.fixture
def at_now():
    with time_machine.travel(NOW, tick=False):
        yield


def _history(user, days: int) -> None:
    """`days` days of completed sessions (with steps) and check-ins, ending yesterday."""
    routine = Routine.objects.get(slug="morning-mobility")
    steps = list(routine.steps.all())
    sessions = Session.objects.bulk_create(
        Session(
            user=user,
            routine=routine,
            status=Session.Status.COMPLETED,
            local_date=TODAY - dt.timedelta(days=n),
            pain_before=5 + n % 3,
            pain_after=3 + n % 2,
            player_done=True,
        )
        for n in range(1, days + 1)
    )
    StepRecord.objects.bulk_create(
        StepRecord(
            session=session,
            routine_step=step,
            exercise_id=step.exercise_id,
            order=step.order,
            state=StepRecord.State.DONE,
            feeling=StepRecord.Feeling.EASIER,
        )
        for session in sessions
        for step in steps
    )
    CheckIn.objects.bulk_create(
        CheckIn(user=user, local_date=TODAY - dt.timedelta(days=n), pain=4)
        for n in range(1, days + 1)
    )


# --- Home and dashboard ------------------------------------------------------------------


def test_it_shows_the_landing_page_to_visitors_and_the_dashboard_to_members(client, user):
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("progress:dashboard")).status_code == 302  # to the login
    client.force_login(user)
    screening_skip(user=user)  # past the once-after-sign-up questions
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("progress:dashboard")


def test_it_shows_streaks_goal_and_pain_on_the_dashboard(user_client, user, at_now):
    routine = Routine.objects.get(slug="desk-break")
    for n in (1, 2, 3, 5):
        SessionFactory(user=user, routine=routine, local_date=TODAY - dt.timedelta(days=n))
    CheckInFactory(user=user, local_date=TODAY, pain=3)
    response = user_client.get(reverse("progress:dashboard"))
    assert response.status_code == 200
    history = response.context["history"]
    assert (history.current_streak(), history.longest_streak()) == (3, 3)
    assert response.context["week"].done == 2  # Monday and Tuesday
    assert response.context["routine"] == routine  # the last one done
    assert response.context["checkin_today"] == 3
    content = response.content.decode()
    assert "3 days" in content
    assert "2 of 5 days" in content
    assert reverse("tracking:start", args=["desk-break"]) in content
    assert "Not done yet today." in content


def test_it_suggests_the_users_chosen_routine(user_client, user, at_now):
    SessionFactory(user=user, local_date=TODAY)
    user.preferred_routine = Routine.objects.get(slug="evening-release")
    user.save()
    response = user_client.get(reverse("progress:dashboard"))
    assert response.context["routine"].slug == "evening-release"
    assert "You have done a routine today." in response.content.decode()


def test_on_a_reminder_day_the_dashboard_suggests_the_reminders_own_routine(
    user_client, user, at_now
):
    user.preferred_routine = Routine.objects.get(slug="evening-release")
    user.save()
    wednesday, thursday = 1 << 2, 1 << 3
    ReminderScheduleFactory(
        user=user, weekdays=thursday, routine=Routine.objects.get(slug="morning-mobility")
    )
    ReminderScheduleFactory(user=user, weekdays=wednesday, routine=None)
    # Not a day of the reminder with a routine: the plan's routine.
    assert user_client.get(reverse("progress:dashboard")).context["routine"].slug == (
        "evening-release"
    )
    ReminderScheduleFactory(
        user=user,
        weekdays=wednesday,
        local_time=dt.time(11, 0),
        routine=Routine.objects.get(slug="desk-break"),
    )
    # An earlier reminder that is off does not count.
    ReminderScheduleFactory(
        user=user,
        weekdays=wednesday,
        enabled=False,
        local_time=dt.time(7, 0),
        routine=Routine.objects.get(slug="morning-mobility"),
    )
    assert user_client.get(reverse("progress:dashboard")).context["routine"].slug == "desk-break"


def test_it_tells_a_paused_user_their_streak_waits(user_client, user, at_now):
    PauseFactory(user=user, start=TODAY - dt.timedelta(days=1), end=TODAY + dt.timedelta(days=2))
    response = user_client.get(reverse("progress:dashboard"))
    assert "You are taking a pause until 22 May" in response.content.decode()


def test_it_shows_a_new_users_empty_dashboard(user_client, at_now):
    response = user_client.get(reverse("progress:dashboard"))
    assert response.status_code == 200
    assert response.context["routine"] is None
    assert response.context["pain"].latest is None


@pytest.mark.parametrize("url_name", ["progress:dashboard", "progress:progress"])
def test_it_runs_the_same_number_of_queries_for_10_and_1000_days(
    client, url_name, at_now, django_assert_max_num_queries
):
    counts = []
    for days in (10, 1000):
        person = UserFactory()
        _history(person, days)
        PauseFactory(
            user=person, start=TODAY - dt.timedelta(days=400), end=TODAY - dt.timedelta(days=390)
        )
        client.force_login(person)
        client.get(reverse(url_name))  # warm the session cache
        with django_assert_max_num_queries(12), CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(url_name), {"range": "365"})
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- Progress page --------------------------------------------------------------------------


def test_it_returns_the_full_progress_page_without_htmx(user_client, user, at_now):
    _history(user, 40)
    response = user_client.get(reverse("progress:progress"), {"range": "90"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" in content
    assert 'id="charts"' in content
    assert "The last 12 months" in content
    assert "Pain over the last 90 days" in content
    assert response["Vary"].find("HX-Request") >= 0


def test_it_returns_only_the_charts_fragment_for_htmx(user_client, user, at_now):
    _history(user, 40)
    response = user_client.get(
        reverse("progress:progress"), {"range": "365"}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert content.lstrip().startswith('<div id="charts"')
    assert "Pain over the last 365 days" in content
    assert "The last 12 months" not in content
    assert 'aria-current="page"' in content


@pytest.mark.parametrize("value", ["7", "abc", "-1", "99999999999999999999"])
def test_it_refuses_an_unknown_range_with_a_clear_message(user_client, value):
    response = user_client.get(reverse("progress:progress"), {"range": value})
    assert response.status_code == 400
    assert "30, 90 or 365" in response.content.decode()


def test_it_gives_every_chart_a_summary_and_a_table(user_client, user, at_now):
    session = SessionFactory(user=user, local_date=TODAY - dt.timedelta(days=1))
    StepRecordFactory(session=session)
    CheckInFactory(user=user, local_date=TODAY, pain=2)
    content = user_client.get(reverse("progress:progress")).content.decode()
    assert content.count("<svg") == 4
    assert content.count("<table") == 4
    assert content.count('role="img"') == 4
    assert "You rated your pain on 2 days in this period." in content
    assert "In the last 12 months you completed 1 routine on 1 day." in content
    assert "style=" not in content  # the CSP allows no inline styles


def test_it_renders_charts_for_a_user_with_no_history(user_client, at_now):
    for days in ("30", "90", "365"):
        response = user_client.get(reverse("progress:progress"), {"range": days})
        assert response.status_code == 200
        assert "No pain ratings in this period yet." in response.content.decode()


# --- Goal, rest days and pauses ---------------------------------------------------------------


def test_it_saves_the_weekly_goal_and_rest_days(user_client, user):
    response = user_client.post(
        reverse("progress:settings"), {"weekly_goal": "4", "rest_weekdays": ["5", "6"]}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.weekly_goal == 4
    assert ProgressSettings.objects.get(user=user).rest_days == {5, 6}


@pytest.mark.parametrize(
    "data",
    [
        {"weekly_goal": "9"},
        {"weekly_goal": "x"},
        {"weekly_goal": "3", "rest_weekdays": [str(d) for d in range(7)]},
        {"weekly_goal": "3", "rest_weekdays": ["8"]},
    ],
)
def test_it_refuses_a_bad_goal(user_client, user, data):
    response = user_client.post(reverse("progress:settings"), data)
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.weekly_goal == 5


def test_it_adds_and_removes_a_pause(user_client, user):
    response = user_client.post(
        reverse("progress:settings"),
        {"pause-start": "2026-05-01", "pause-end": "2026-05-07", "pause-reason": "illness"},
    )
    assert response.status_code == 302
    pause = Pause.objects.get(user=user)
    assert (pause.start, pause.end, pause.reason) == (D(2026, 5, 1), D(2026, 5, 7), "illness")
    assert "Illness" in user_client.get(reverse("progress:settings")).content.decode()
    response = user_client.post(reverse("progress:pause_delete", args=[pause.id]))
    assert response.status_code == 302
    assert not Pause.objects.exists()


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-05-07", "2026-05-01", "cannot be before"),
        ("2026-01-01", "2027-06-01", "up to a year"),
        ("not a date", "2026-05-01", "Enter a valid date"),
    ],
)
def test_it_refuses_a_bad_pause_with_a_message(user_client, start, end, message):
    response = user_client.post(
        reverse("progress:settings"),
        {"pause-start": start, "pause-end": end, "pause-reason": "holiday"},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Pause.objects.exists()


def test_it_does_not_let_anyone_remove_another_users_pause(user_client, other_user):
    pause = PauseFactory(user=other_user)
    response = user_client.post(reverse("progress:pause_delete", args=[pause.id]))
    assert response.status_code == 404
    assert Pause.objects.filter(pk=pause.pk).exists()


# --- Log yesterday --------------------------------------------------------------------------


def test_it_logs_yesterdays_check_in_on_the_users_local_day(client):
    person = UserFactory(time_zone="Asia/Kolkata")
    client.force_login(person)
    # 00:15 on 21 May in Kolkata is still 20 May in UTC: yesterday is 20 May there.
    with time_machine.travel(dt.datetime(2026, 5, 20, 18, 45, tzinfo=dt.UTC), tick=False):
        response = client.post(
            reverse("progress:log_yesterday"), {"kind": "checkin", "pain": "4", "note": "stiff"}
        )
        assert response.status_code == 302
        assert CheckIn.objects.get(user=person).local_date == D(2026, 5, 20)
        # Logging again corrects it rather than adding a second one.
        client.post(reverse("progress:log_yesterday"), {"kind": "checkin", "pain": "2"})
    assert CheckIn.objects.get(user=person).pain == 2


def test_it_logs_yesterdays_routine_as_a_completed_session(client):
    person = UserFactory(time_zone="America/New_York")
    client.force_login(person)
    routine = Routine.objects.get(slug="desk-break")
    # 23:30 on 19 May in New York is 03:30 UTC on 20 May.
    with time_machine.travel(dt.datetime(2026, 5, 20, 3, 30, tzinfo=dt.UTC), tick=False):
        assert "Monday 18 May" in client.get(reverse("progress:log_yesterday")).content.decode()
        response = client.post(
            reverse("progress:log_yesterday"),
            {"kind": "session", "routine": routine.pk, "pain_before": "6", "pain_after": "3"},
        )
    assert response.status_code == 302
    session = Session.objects.get(user=person)
    assert session.local_date == D(2026, 5, 18)
    assert session.status == Session.Status.COMPLETED
    assert (session.pain_before, session.pain_after) == (6, 3)
    assert session.started_at == dt.datetime(2026, 5, 18, 16, 0, tzinfo=dt.UTC)  # noon EDT


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "checkin"},
        {"kind": "checkin", "pain": "11"},
        {"kind": "session"},
        {"kind": "session", "routine": "999999"},
        {"kind": "nap"},
    ],
)
def test_it_refuses_an_incomplete_log_with_a_message(user_client, data):
    response = user_client.post(reverse("progress:log_yesterday"), data)
    assert response.status_code == 400
    assert not Session.objects.exists()
    assert not CheckIn.objects.exists()
