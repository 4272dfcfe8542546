"""Pain figures: rolling averages, week-on-week change, latest rating, relief."""

import datetime as dt

import pytest

from progress.stats import (
    PainDay,
    exercise_relief,
    latest_rating,
    pain_days,
    pain_summary,
    pain_table,
    pain_trend_words,
    rolling_average,
)
from routines.models import Routine
from tests.factories import CheckInFactory, SessionFactory, StepRecordFactory
from tracking.models import StepRecord

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 4, 20)


def test_it_computes_a_7_day_rolling_average_matching_a_hand_computed_series():
    values = {
        D(2026, 4, 1): 6.0,
        D(2026, 4, 2): 4.0,
        D(2026, 4, 4): 5.0,
        D(2026, 4, 8): 2.0,
        D(2026, 4, 9): 3.0,
    }
    result = rolling_average(values, D(2026, 4, 1), D(2026, 4, 16))
    expected = {
        1: 6.0,  # 6
        2: 5.0,  # 6, 4
        3: 5.0,
        4: 5.0,  # 6, 4, 5
        5: 5.0,
        6: 5.0,
        7: 5.0,  # 1st to 7th: still 6, 4, 5
        8: 11 / 3,  # 2nd to 8th: 4, 5, 2
        9: 10 / 3,  # 3rd to 9th: 5, 2, 3
        10: 10 / 3,
        11: 2.5,  # 5th to 11th: 2, 3
        12: 2.5,
        13: 2.5,
        14: 2.5,
        15: 3.0,  # 9th to 15th: 3
        16: None,  # 10th to 16th: nothing rated
    }
    assert result == pytest.approx({D(2026, 4, d): v for d, v in expected.items()})


def test_it_uses_days_before_the_range_for_the_first_averages():
    values = {D(2026, 3, 29): 8.0, D(2026, 4, 2): 2.0}
    result = rolling_average(values, D(2026, 4, 1), D(2026, 4, 5))
    assert result[D(2026, 4, 1)] == 8.0
    assert result[D(2026, 4, 2)] == 5.0
    assert result[D(2026, 4, 5)] == 2.0  # 29 March has left the window


def test_it_rates_a_day_by_its_highest_rating_as_the_safety_rules_do(user):
    SessionFactory(user=user, local_date=D(2026, 4, 10), pain_before=6, pain_after=2)
    SessionFactory(user=user, local_date=D(2026, 4, 10), pain_before=4, pain_after=None)
    SessionFactory(user=user, local_date=D(2026, 4, 11), pain_before=7, pain_after=5)
    CheckInFactory(user=user, local_date=D(2026, 4, 11), pain=3)
    CheckInFactory(user=user, local_date=D(2026, 4, 12), pain=2)
    days = pain_days(user, D(2026, 4, 1), D(2026, 4, 30))
    assert days[D(2026, 4, 10)] == PainDay(D(2026, 4, 10), before=5.0, after=2.0, high=6)
    assert days[D(2026, 4, 11)].value == 7.0
    assert days[D(2026, 4, 12)].value == 2.0


def test_it_compares_the_last_7_days_with_the_7_before(user, other_user):
    for n in range(7):
        CheckInFactory(user=user, local_date=TODAY - dt.timedelta(days=n), pain=3)
        CheckInFactory(user=user, local_date=TODAY - dt.timedelta(days=7 + n), pain=5)
    CheckInFactory(user=other_user, local_date=TODAY, pain=10)
    SessionFactory(user=user, local_date=TODAY, pain_before=4, pain_after=1)
    SessionFactory(user=user, local_date=TODAY - dt.timedelta(days=30), pain_before=5, pain_after=5)
    summary = pain_summary(user, today=TODAY)
    # Today's value is its highest rating: the session's 4 before, not the check-in's 3.
    assert summary.recent_average == pytest.approx((4 + 3 * 6) / 7)
    assert summary.previous_average == 5.0
    assert summary.change == pytest.approx((4 + 3 * 6) / 7 - 5)
    assert summary.relief == 1.5
    assert summary.relief_sessions == 2
    assert pain_trend_words(user, today=TODAY) == (
        "Your average pain over the last 7 days is 3.1 out of 10, lower than the week before."
    )


def test_it_says_so_when_there_are_no_recent_ratings(user):
    assert pain_trend_words(user, today=TODAY) == "No pain ratings in the last 7 days yet."
    assert pain_summary(user, today=TODAY).change is None


def test_it_finds_the_latest_rated_day_and_its_highest_rating(user):
    assert latest_rating(user, today=TODAY) is None
    CheckInFactory(user=user, local_date=D(2026, 4, 1), pain=6)
    SessionFactory(user=user, local_date=D(2026, 4, 3), pain_before=5, pain_after=2)
    SessionFactory(user=user, local_date=D(2026, 4, 4), pain_before=None, pain_after=None)
    assert latest_rating(user, today=TODAY) == (D(2026, 4, 3), 5)
    CheckInFactory(user=user, local_date=D(2026, 4, 5), pain=4)
    assert latest_rating(user, today=TODAY) == (D(2026, 4, 5), 4)


def test_it_summarises_which_exercises_help_and_which_hurt(user, other_user):
    routine = Routine.objects.get(slug="morning-mobility")
    first, second = list(routine.steps.all()[:2])
    for before, after, feeling in [(6, 3, "easier"), (5, 3, "fine"), (4, 5, "hurt")]:
        session = SessionFactory(
            user=user, routine=routine, local_date=TODAY, pain_before=before, pain_after=after
        )
        StepRecordFactory(session=session, routine_step=first, feeling=feeling)
        StepRecordFactory(
            session=session,
            routine_step=second,
            state=StepRecord.State.SKIPPED,
            skip_reason=StepRecord.SkipReason.HURTS,
        )
    StepRecordFactory(session=SessionFactory(user=other_user, local_date=TODAY), routine_step=first)
    rows = {r.name: r for r in exercise_relief(user, TODAY - dt.timedelta(days=29), TODAY)}
    helped = rows[first.exercise.name]
    assert (helped.done, helped.easier, helped.hurt) == (3, 1, 1)
    assert helped.relief == pytest.approx(4 / 3)
    hurt = rows[second.exercise.name]
    assert (hurt.done, hurt.hurt, hurt.relief) == (0, 3, None)
    assert "skipping" in hurt.verdict


def test_it_groups_the_pain_table_by_week_for_long_ranges():
    days = {
        D(2026, 4, 6): PainDay(D(2026, 4, 6), before=6.0, after=4.0),
        D(2026, 4, 8): PainDay(D(2026, 4, 8), before=4.0, checkin=5),
        D(2026, 4, 14): PainDay(D(2026, 4, 14), checkin=3),
    }
    rolling = {D(2026, 4, 12): 5.0, D(2026, 4, 16): 4.0}
    rows = pain_table(D(2026, 4, 1), D(2026, 4, 16), days, rolling, by_week=True)
    assert [(r.start, r.end, r.before, r.after, r.checkin, r.average) for r in rows] == [
        (D(2026, 4, 6), D(2026, 4, 12), 5.0, 4.0, 5.0, 5.0),
        (D(2026, 4, 13), D(2026, 4, 16), None, None, 3.0, 4.0),
    ]
    assert len(pain_table(D(2026, 4, 1), D(2026, 4, 16), days, rolling, by_week=False)) == 3
