"""Streaks, weekly goals, rest days and pauses, on local days across zones and DST."""

import datetime as dt

import pytest
import time_machine

from progress.stats import DaysOff, History, current_streak, week_start
from tests.factories import PauseFactory, ProgressSettingsFactory, SessionFactory, UserFactory
from tracking.models import Session, local_today

pytestmark = pytest.mark.django_db

D = dt.date


def _session_at(user, year, month, day, hour, minute, **kwargs) -> Session:
    """A completed session started at a local wall-clock time, dated the way the player
    dates it: the local day of its UTC instant in the user's zone."""
    started = dt.datetime(year, month, day, hour, minute, tzinfo=user.zone)
    utc = started.astimezone(dt.UTC)
    return SessionFactory(
        user=user, started_at=utc, finished_at=utc, local_date=local_today(user, utc), **kwargs
    )


def _at(user, *args):
    """Travel to a local wall-clock time of the user."""
    return time_machine.travel(dt.datetime(*args, tzinfo=user.zone), tick=False)


def _history(days, today, off=None, goal=5):
    return History(today=today, done=dict.fromkeys(days, 1), off=off or DaysOff(), weekly_goal=goal)


# --- Day boundaries --------------------------------------------------------------------


def test_it_counts_a_session_at_23_59_and_one_at_00_01_as_two_days():
    user = UserFactory(time_zone="Europe/London")
    first = _session_at(user, 2026, 1, 14, 23, 59)
    second = _session_at(user, 2026, 1, 15, 0, 1)
    assert (first.local_date, second.local_date) == (D(2026, 1, 14), D(2026, 1, 15))
    with _at(user, 2026, 1, 15, 12, 0):
        assert current_streak(user, today=local_today(user)) == 2


def test_it_uses_the_local_day_in_a_zone_with_a_30_minute_offset():
    user = UserFactory(time_zone="Asia/Kolkata")
    # 23:59 and 00:01 in Kolkata are 18:29 and 18:31 UTC on the same UTC day.
    late = _session_at(user, 2026, 2, 9, 23, 59)
    early = _session_at(user, 2026, 2, 10, 0, 1)
    assert late.started_at.astimezone(dt.UTC).date() == early.started_at.astimezone(dt.UTC).date()
    assert (late.local_date, early.local_date) == (D(2026, 2, 9), D(2026, 2, 10))
    with _at(user, 2026, 2, 10, 0, 5):
        assert current_streak(user, today=local_today(user)) == 2


@pytest.mark.parametrize(
    ("zone", "change_day"),
    [
        ("Europe/Berlin", D(2026, 3, 29)),  # clocks go forward: a 23-hour day
        ("Europe/Berlin", D(2026, 10, 25)),  # clocks go back: a 25-hour day
        ("America/New_York", D(2026, 3, 8)),
        ("America/New_York", D(2026, 11, 1)),
    ],
)
def test_it_counts_each_day_once_across_a_dst_change(zone, change_day):
    user = UserFactory(time_zone=zone)
    days = [change_day + dt.timedelta(days=n) for n in (-1, 0, 1)]
    for day in days:
        # Just after midnight and just before the next one, on every day around the change.
        _session_at(user, day.year, day.month, day.day, 0, 30)
        _session_at(user, day.year, day.month, day.day, 23, 30)
    assert sorted(set(Session.objects.values_list("local_date", flat=True))) == days
    last = days[-1]
    with _at(user, last.year, last.month, last.day, 23, 45):
        today = local_today(user)
        assert today == last
        history = History.load(user, today=today)
        assert history.current_streak() == 3
        assert history.longest_streak() == 3
        assert history.week(week_start(change_day)).done == sum(
            1 for d in days if week_start(d) == week_start(change_day)
        )
    # The next morning the streak is still alive and nothing was counted twice.
    with _at(user, last.year, last.month, last.day + 1, 0, 30):
        assert current_streak(user, today=local_today(user)) == 3


def test_it_keeps_the_streak_when_a_user_moves_west_past_a_session_s_date():
    user = UserFactory(time_zone="Asia/Tokyo")
    _session_at(user, 2026, 1, 10, 8, 0)
    _session_at(user, 2026, 1, 11, 8, 0)  # 10 January, 23:00 UTC
    user.time_zone = "America/New_York"
    user.save()
    with time_machine.travel(dt.datetime(2026, 1, 11, 0, 0, tzinfo=dt.UTC), tick=False):
        today = local_today(user)
        assert today == D(2026, 1, 10)  # New York has not reached 11 January yet
        history = History.load(user, today=today)
        assert history.current_streak() == 2
        assert history.longest_streak() == 2


def test_it_does_not_double_a_day_done_in_two_zones():
    user = UserFactory(time_zone="Asia/Tokyo")
    _session_at(user, 2026, 1, 10, 7, 0)
    user.time_zone = "Europe/London"
    user.save()
    _session_at(user, 2026, 1, 10, 20, 0)
    history = History.load(user, today=D(2026, 1, 10))
    assert history.current_streak() == 1
    assert history.week(week_start(D(2026, 1, 10))).done == 1


# --- Streak rules ------------------------------------------------------------------------


def test_it_keeps_the_streak_alive_while_today_is_not_done_yet():
    today = D(2026, 5, 20)
    history = _history([today - dt.timedelta(days=n) for n in (1, 2, 3)], today)
    assert history.current_streak() == 3
    assert not history.done_today


def test_it_counts_today_once_it_is_done():
    today = D(2026, 5, 20)
    history = _history([today - dt.timedelta(days=n) for n in (0, 1, 2)], today)
    assert history.current_streak() == 3


def test_it_breaks_the_streak_after_a_missed_day():
    today = D(2026, 5, 20)
    history = _history([D(2026, 5, 15), D(2026, 5, 16), D(2026, 5, 17), D(2026, 5, 19)], today)
    assert history.current_streak() == 1
    assert history.longest_streak() == 3


def test_it_has_no_streak_when_yesterday_and_today_are_missed():
    history = _history([D(2026, 5, 17), D(2026, 5, 18)], D(2026, 5, 20))
    assert history.current_streak() == 0
    assert history.longest_streak() == 2


def test_it_has_no_streak_without_any_sessions():
    history = _history([], D(2026, 5, 20))
    assert history.current_streak() == 0
    assert history.longest_streak() == 0
    assert history.week_streak() == 0


def test_it_steps_over_a_pause_without_breaking_or_extending_the_streak():
    off = DaysOff(pauses=((D(2026, 5, 10), D(2026, 5, 14)),))
    days = [D(2026, 5, 8), D(2026, 5, 9), D(2026, 5, 15), D(2026, 5, 16)]
    history = _history(days, D(2026, 5, 16), off=off)
    assert history.current_streak() == 4
    assert history.longest_streak() == 4


def test_it_steps_over_a_pause_that_runs_until_today():
    off = DaysOff(pauses=((D(2026, 5, 18), D(2026, 5, 25)),))
    history = _history([D(2026, 5, 16), D(2026, 5, 17)], D(2026, 5, 20), off=off)
    assert history.current_streak() == 2


def test_it_steps_over_rest_weekdays():
    off = DaysOff(rest_weekdays=frozenset({5, 6}))  # weekends
    # Thursday 14 May to Tuesday 19 May 2026, weekend not done.
    days = [D(2026, 5, 14), D(2026, 5, 15), D(2026, 5, 18), D(2026, 5, 19)]
    history = _history(days, D(2026, 5, 19), off=off)
    assert history.current_streak() == 4


def test_it_counts_a_routine_done_on_a_rest_day():
    off = DaysOff(rest_weekdays=frozenset({6}))
    days = [D(2026, 5, 16), D(2026, 5, 17), D(2026, 5, 18)]  # Sat, Sun (rest), Mon
    assert _history(days, D(2026, 5, 18), off=off).current_streak() == 3


def test_it_loads_rest_days_and_pauses_from_the_database(user):
    ProgressSettingsFactory(user=user, rest_weekdays=[6])
    PauseFactory(user=user, start=D(2026, 5, 11), end=D(2026, 5, 12))
    for day in (D(2026, 5, 9), D(2026, 5, 13), D(2026, 5, 14)):  # 10th is a Sunday
        SessionFactory(user=user, local_date=day)
    SessionFactory(user=user, local_date=D(2026, 5, 8), status=Session.Status.ENDED_EARLY)
    assert current_streak(user, today=D(2026, 5, 14)) == 3


def test_it_ignores_another_users_sessions_and_pauses(user, other_user):
    SessionFactory(user=other_user, local_date=D(2026, 5, 19))
    PauseFactory(user=other_user, start=D(2026, 5, 1), end=D(2026, 5, 18))
    SessionFactory(user=user, local_date=D(2026, 5, 17))
    assert current_streak(user, today=D(2026, 5, 20)) == 0
    assert current_streak(other_user, today=D(2026, 5, 20)) == 1


# --- Weekly goal -------------------------------------------------------------------------

MONDAY = D(2026, 6, 1)


def _week_days(*offsets):
    return [MONDAY + dt.timedelta(days=n) for n in offsets]


def test_it_counts_this_weeks_days_against_the_goal():
    history = _history(_week_days(0, 1, 3), MONDAY + dt.timedelta(days=4), goal=5)
    week = history.this_week
    assert (week.done, week.target, week.met) == (3, 5, False)


def test_it_counts_days_not_sessions_toward_the_goal():
    history = History(today=MONDAY, done={MONDAY: 3}, weekly_goal=2)
    assert history.this_week.done == 1


def test_it_caps_the_goal_at_the_days_left_after_rest_weekdays():
    off = DaysOff(rest_weekdays=frozenset({2, 4, 5, 6}))
    history = _history([], MONDAY, off=off, goal=5)
    assert history.week_target(MONDAY) == 3


def test_it_lowers_the_goal_in_proportion_to_paused_days():
    off = DaysOff(pauses=((MONDAY, MONDAY + dt.timedelta(days=2)),))  # Mon to Wed
    history = _history([], MONDAY, off=off, goal=5)
    assert history.week_target(MONDAY) == 3  # 5 x 4/7 = 2.86
    off = DaysOff(rest_weekdays=frozenset({5, 6}), pauses=((MONDAY, MONDAY),))
    assert _history([], MONDAY, off=off, goal=5).week_target(MONDAY) == 4  # 5 x 4/5


def test_it_asks_nothing_of_a_fully_paused_week():
    off = DaysOff(pauses=((MONDAY - dt.timedelta(days=3), MONDAY + dt.timedelta(days=9)),))
    history = _history([], MONDAY, off=off)
    assert history.week(MONDAY).excused


def test_it_counts_a_streak_of_weeks_that_met_the_goal():
    # Three full weeks of 3 days before this week, goal 3; this week only 1 day so far.
    days = []
    for weeks_back in (1, 2, 3):
        start = MONDAY - dt.timedelta(weeks=weeks_back)
        days += [start, start + dt.timedelta(days=2), start + dt.timedelta(days=4)]
    days.append(MONDAY)
    today = MONDAY + dt.timedelta(days=2)
    history = _history(days, today, goal=3)
    assert history.week_streak() == 3  # this week is still open
    history = _history([*days, MONDAY + dt.timedelta(days=1), today], today, goal=3)
    assert history.week_streak() == 4  # this week is met already


def test_it_breaks_the_week_streak_on_a_missed_week_but_not_a_paused_one():
    days = []
    for weeks_back in (1, 3, 4):
        start = MONDAY - dt.timedelta(weeks=weeks_back)
        days += [start + dt.timedelta(days=n) for n in range(3)]
    paused_week = MONDAY - dt.timedelta(weeks=2)
    history = _history(days, MONDAY, goal=3)
    assert history.week_streak() == 1
    off = DaysOff(pauses=((paused_week, paused_week + dt.timedelta(days=6)),))
    assert _history(days, MONDAY, off=off, goal=3).week_streak() == 3


def test_it_counts_a_week_that_met_a_goal_lowered_by_a_pause():
    start = MONDAY - dt.timedelta(weeks=1)
    off = DaysOff(pauses=((start, start + dt.timedelta(days=3)),))  # Mon to Thu paused
    days = [start + dt.timedelta(days=5), start + dt.timedelta(days=6)]  # Sat, Sun
    history = _history(days, MONDAY, off=off, goal=5)
    assert history.week_target(start) == 2  # 5 x 3/7 = 2.14
    assert history.week_streak() == 1


def test_it_keeps_seven_days_in_a_week_with_a_dst_change():
    history = _history([], D(2026, 10, 25))
    weeks = history.weeks(D(2026, 10, 19), D(2026, 10, 26))
    assert [w.monday for w in weeks] == [D(2026, 10, 19), D(2026, 10, 26)]
    assert weeks[0].sunday == D(2026, 10, 25)
