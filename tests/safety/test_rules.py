"""The rules of SAFETY.md on synthetic daily series, just above and just below each threshold."""

import datetime as dt

import pytest

from safety import rules
from safety.questions import QUESTIONS, screening_level
from safety.rules import Thresholds, Weeks

T = Thresholds()
TODAY = dt.date(2026, 3, 31)


def weeks_of(*weeks: list[float | None]) -> Weeks:
    """weeks_of(last_7_days, the_7_before, ...): each a list of up to 7 day values, newest
    first; None is a day without a rating."""
    series = {}
    for w, values in enumerate(weeks):
        for d, value in enumerate(values):
            if value is not None:
                series[TODAY - dt.timedelta(days=7 * w + d)] = value
    return Weeks.from_series(series, TODAY, T)


def week(total: float, days: int = 7) -> list[float]:
    """`days` ratings whose sum is `total` (so the average is total / days)."""
    base = int(total // days)
    extra = round(total - base * days)
    return [base + 1] * extra + [base] * (days - extra)


def test_the_thresholds_in_settings_match_the_defaults_of_safety_md():
    assert Thresholds.from_settings() == T


def test_weeks_count_back_from_today_and_ignore_the_future():
    w = Weeks.from_series(
        {TODAY: 5, TODAY - dt.timedelta(days=6): 3, TODAY - dt.timedelta(days=7): 9,
         TODAY + dt.timedelta(days=1): 10},
        TODAY,
        T,
    )  # fmt: skip
    assert (w[0].rated, w[0].average) == (2, 4.0)
    assert (w[1].rated, w[1].average, w[1].severe) == (1, 9.0, 1)


# --- no improvement ---


def test_no_improvement_holds_when_three_weeks_of_pain_do_not_fall():
    result = rules.no_improvement(weeks_of([5] * 7, [5] * 7, [6] * 7), T)
    assert result.holds
    assert result.numbers == {
        "average": 5.0, "first_average": 6.0, "weeks": 3, "fall": 1.0, "fall_percent": 16.67,
    }  # fmt: skip


def test_no_improvement_needs_an_average_of_4_or_more():
    assert rules.no_improvement(weeks_of([4] * 7, [], [5] * 7), T).holds
    below = weeks_of(week(27), [], [4.5] * 7)  # 3.86
    assert not rules.no_improvement(below, T).holds


def test_no_improvement_does_not_hold_after_a_fall_of_2_points():
    assert rules.no_improvement(weeks_of(week(43), [], [8] * 7), T).holds  # fell 1.86
    assert not rules.no_improvement(weeks_of([6] * 7, [], [8] * 7), T).holds  # fell 2


def test_no_improvement_does_not_hold_after_a_fall_of_30_percent():
    assert rules.no_improvement(weeks_of(week(30), [], [6] * 7), T).holds  # 4.29: 28.5%
    result = rules.no_improvement(weeks_of([4.2] * 7, [], [6] * 7), T)  # 1.8 points, 30%
    assert not result.holds
    assert result.numbers["fall_percent"] == 30.0


def test_no_improvement_needs_three_weeks_of_ratings():
    assert not rules.no_improvement(weeks_of([6] * 7, [6] * 7), T).holds


def test_no_improvement_needs_enough_ratings_in_the_last_and_the_first_week():
    assert not rules.no_improvement(weeks_of([6, 6], [], [6] * 7), T).holds
    assert not rules.no_improvement(weeks_of([6] * 7, [], [6, 6]), T).holds
    # Three ratings a week, with gaps, is enough.
    first = [6, None, None, 6, None, None, 6]  # its oldest 21 days ago, counting today
    assert rules.no_improvement(weeks_of([6, None, 6, None, 6], [], first), T).holds


# --- worsening ---


def test_worsening_holds_when_the_average_rises_by_2_points():
    result = rules.worsening(weeks_of([5] * 7, [3] * 7), T)
    assert result.holds
    assert result.numbers == {"average": 5.0, "previous_average": 3.0, "rise": 2.0}


def test_worsening_does_not_hold_for_a_rise_just_under_2_points():
    assert not rules.worsening(weeks_of(week(34), [3] * 7), T).holds  # 4.86 vs 3


def test_worsening_needs_enough_ratings_in_both_weeks():
    assert not rules.worsening(weeks_of([9, 9], [3] * 7), T).holds
    assert not rules.worsening(weeks_of([9] * 7, [3, 3]), T).holds
    assert rules.worsening(weeks_of([9, None, 9, None, 9], [3, None, 3, None, 3]), T).holds


# --- severe ---


def test_severe_holds_on_3_days_of_8_or_more_in_the_last_7():
    result = rules.severe(weeks_of([8, None, 9, None, None, None, 8]), T)
    assert result.holds
    assert result.numbers["severe_days"] == 3


def test_severe_does_not_hold_on_2_days_of_8():
    assert not rules.severe(weeks_of([8, 7.9, 9, 2, 2, 2, 2]), T).holds


def test_severe_only_counts_the_last_7_days():
    assert not rules.severe(weeks_of([8, 8], [8, 8, 8]), T).holds


# --- long-lasting ---


def test_long_lasting_holds_on_most_days_of_4_or_more_for_6_weeks():
    history = [[4] * 4 + [2] * 3 for _ in range(6)]  # 24 of 42 days
    result = rules.long_lasting(weeks_of(*history), T)
    assert result.holds
    assert result.severity == rules.PERSISTENT
    assert result.numbers == {"weeks": 6, "high_days": 24, "rated_days": 42}


def test_long_lasting_does_not_hold_on_exactly_half_of_the_days():
    history = [[4] * 4 + [3] * 3 for _ in range(3)] + [[4] * 3 + [3] * 4 for _ in range(3)]
    assert not rules.long_lasting(weeks_of(*history), T).holds  # 21 of 42


def test_long_lasting_needs_ratings_reaching_back_6_weeks():
    assert not rules.long_lasting(weeks_of(*[[6] * 7 for _ in range(5)]), T).holds
    sparse = [[6] * 3] + [[] for _ in range(4)] + [[None, None, None, None, 6, 6, 6]]
    assert rules.long_lasting(weeks_of(*sparse), T).holds  # 3 ratings in the first and last


def test_long_lasting_is_not_said_of_pain_that_has_clearly_eased():
    eased = [[2] * 7] + [[6] * 7 for _ in range(5)]  # 35 of 42 days at 6, the last 7 at 2
    assert not rules.long_lasting(weeks_of(*eased), T).holds
    still = [[6] * 4 + [2] * 3] + [[6] * 7 for _ in range(5)]
    assert rules.long_lasting(weeks_of(*still), T).holds


def test_long_lasting_becomes_chronic_at_12_weeks():
    result = rules.long_lasting(weeks_of(*[[5] * 7 for _ in range(12)]), T)
    assert (result.holds, result.severity, result.numbers["weeks"]) == (True, rules.CHRONIC, 12)


# --- exercise hurts ---


@pytest.mark.parametrize(
    ("outcomes", "holds"),
    [
        ([True, True], True),
        ([True, False, True], True),
        ([False, True, True, True], True),  # only the last 3 sessions count
        ([True, False, False, True], False),
        ([True], False),
        ([], False),
    ],
)
def test_exercise_hurts_in_2_of_the_last_3_sessions(outcomes, holds):
    assert rules.exercise_hurts(outcomes, T, exercise_id=1).holds is holds


def test_a_session_hurt_when_marked_or_when_pain_rose_by_2():
    assert rules.session_hurt(marked=True, pain_before=5, pain_after=3, t=T)
    assert rules.session_hurt(marked=False, pain_before=3, pain_after=5, t=T)
    assert not rules.session_hurt(marked=False, pain_before=3, pain_after=4, t=T)
    assert not rules.session_hurt(marked=False, pain_before=None, pain_after=9, t=T)


# --- too few ratings ---


def test_no_ratings_raise_no_pain_flag():
    assert not any(r.holds for r in rules.pain_rules(Weeks(()), T))


# --- red flags ---


def test_an_emergency_answer_always_wins_over_urgent_ones():
    answers = {q.key: True for q in QUESTIONS}
    assert screening_level(answers) == rules.EMERGENCY
    answers = {q.key: q.level == rules.URGENT for q in QUESTIONS}
    assert screening_level(answers) == rules.URGENT
    answers["chest_pain"] = True
    assert screening_level(answers) == rules.EMERGENCY
    assert screening_level({}) == 0


# --- how long: spans in days, counting today as day 1 (SAFETY.md "How long") ---


def every_day(days: int, pain: float = 5) -> Weeks:
    """A rating on each of the last `days` days, today included."""
    series = {TODAY - dt.timedelta(days=n): pain for n in range(days)}
    return Weeks.from_series(series, TODAY, T)


@pytest.mark.parametrize(("days", "holds"), [(17, False), (20, False), (21, True), (22, True)])
def test_three_weeks_of_ratings_means_the_earliest_is_21_days_old(days, holds):
    assert every_day(days).days_of_ratings == days
    assert rules.no_improvement(every_day(days), T).holds is holds


@pytest.mark.parametrize(
    ("days", "severity"),
    [(36, None), (41, None), (42, rules.PERSISTENT), (78, rules.PERSISTENT),
     (83, rules.PERSISTENT), (84, rules.CHRONIC), (120, rules.CHRONIC)],
)  # fmt: skip
def test_long_lasting_needs_42_days_for_persistent_and_84_for_chronic(days, severity):
    result = rules.long_lasting(every_day(days), T)
    assert (result.severity if result.holds else None) == severity


@pytest.mark.parametrize("rated", [2, 3])
def test_the_first_week_of_the_span_needs_3_rated_days(rated):
    # Weeks 0 and 1 in full; in week 2 (14–20 days ago) the oldest day and `rated` - 1 more.
    series = {TODAY - dt.timedelta(days=n): 6 for n in range(14)}
    series |= {TODAY - dt.timedelta(days=20 - n): 6 for n in range(rated)}
    weeks = Weeks.from_series(series, TODAY, T)
    assert weeks.days_of_ratings == 21
    assert rules.no_improvement(weeks, T).holds is (rated == 3)


@pytest.mark.parametrize("rated", [2, 3])
def test_the_last_week_needs_3_rated_days(rated):
    series = {TODAY - dt.timedelta(days=n): 6 for n in range(7, 21)}
    series |= {TODAY - dt.timedelta(days=n): 6 for n in range(rated)}
    assert rules.no_improvement(Weeks.from_series(series, TODAY, T), T).holds is (rated == 3)


def test_the_first_week_is_the_earliest_week_with_enough_ratings():
    # One stray rating 30 days ago does not make week 4 the first week; week 2 is.
    series = {TODAY - dt.timedelta(days=n): 6 for n in range(21)}
    series[TODAY - dt.timedelta(days=30)] = 10
    result = rules.no_improvement(Weeks.from_series(series, TODAY, T), T)
    assert (result.holds, result.numbers["weeks"], result.numbers["first_average"]) == (True, 3, 6)
    # Three ratings in week 4 make it the first week: 8 then, 6 now, a fall of 2.
    series |= {TODAY - dt.timedelta(days=n): 8 for n in (29, 30, 31)}
    result = rules.no_improvement(Weeks.from_series(series, TODAY, T), T)
    assert (result.holds, result.numbers["weeks"], result.numbers["first_average"]) == (False, 5, 8)
