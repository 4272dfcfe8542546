"""The safety rules of SAFETY.md as pure functions: no database, no clock.

Every pain rule reads a user's daily pain series folded into 7-day weeks counted back from
the user's own local "today": week 0 is the last 7 days (today and the 6 before), week 1
the 7 days before that, and so on, over the 12-week look-back. A day's value is the highest
rating the person gave on that local day (check-in, before or after a session), so a bad
moment is never averaged away. `safety.sweep` builds these weeks in SQL, for the nightly
sweep and for the evaluation after each save alike; `Weeks.from_series` is the same fold in
Python, the definition the SQL is tested against.

Each rule returns a `RuleResult`: whether it holds, how severe it is, and the numbers
behind it, which the banner, the email and the clinician summary show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings

# Rule names (also the values of Flag.Rule).
RED_FLAG = "red_flag"
NO_IMPROVEMENT = "no_improvement"
WORSENING = "worsening"
SEVERE = "severe"
LONG_LASTING = "long_lasting"
EXERCISE_HURTS = "exercise_hurts"

# Severities. A flag re-emails when its severity rises.
URGENT, EMERGENCY = 1, 2  # red flags
PERSISTENT, CHRONIC = 1, 2  # long-lasting pain


@dataclass(frozen=True)
class Thresholds:
    """Every number the rules use; `from_settings()` reads them from backease/settings.py,
    where each sits beside its source."""

    change_points: float = 2
    change_percent: float = 30
    no_improvement_min_weeks: int = 3
    no_improvement_min_average: float = 4
    worsening_points: float = 2
    severe_pain: float = 8
    severe_days: int = 3
    long_lasting_pain: float = 4
    persistent_weeks: int = 6
    chronic_weeks: int = 12
    exercise_hurts_sessions: int = 3
    exercise_hurts_min: int = 2
    exercise_hurts_rise: int = 2
    min_ratings_per_week: int = 3

    @classmethod
    def from_settings(cls) -> Thresholds:
        return cls(
            change_points=settings.SAFETY_MEANINGFUL_CHANGE_POINTS,
            change_percent=settings.SAFETY_MEANINGFUL_CHANGE_PERCENT,
            no_improvement_min_weeks=settings.SAFETY_NO_IMPROVEMENT_MIN_WEEKS,
            no_improvement_min_average=settings.SAFETY_NO_IMPROVEMENT_MIN_AVERAGE,
            worsening_points=settings.SAFETY_WORSENING_POINTS,
            severe_pain=settings.SAFETY_SEVERE_PAIN,
            severe_days=settings.SAFETY_SEVERE_DAYS,
            long_lasting_pain=settings.SAFETY_LONG_LASTING_PAIN,
            persistent_weeks=settings.SAFETY_PERSISTENT_WEEKS,
            chronic_weeks=settings.SAFETY_CHRONIC_WEEKS,
            exercise_hurts_sessions=settings.SAFETY_EXERCISE_HURTS_SESSIONS,
            exercise_hurts_min=settings.SAFETY_EXERCISE_HURTS_MIN,
            exercise_hurts_rise=settings.SAFETY_EXERCISE_HURTS_RISE,
            min_ratings_per_week=settings.SAFETY_MIN_RATINGS_PER_WEEK,
        )

    @property
    def lookback_weeks(self) -> int:
        """How far back any pain rule looks."""
        return max(self.chronic_weeks, self.persistent_weeks, self.no_improvement_min_weeks)

    @property
    def lookback_days(self) -> int:
        return 7 * self.lookback_weeks


class Week(NamedTuple):
    """The rated days of one 7-day window. (A named tuple: the sweep builds 100,000s.)"""

    rated: int = 0  # days with a rating
    total: float = 0.0  # sum of the day values
    high: int = 0  # days at or above the long-lasting threshold (4)
    severe: int = 0  # days at or above the severe threshold (8)
    oldest: int = -1  # days ago of its oldest rated day (0 = today); -1 without ratings

    @property
    def average(self) -> float | None:
        return _round(self.total / self.rated) if self.rated else None


EMPTY_WEEK = Week()


@dataclass(frozen=True)
class Weeks:
    """A daily series folded into weeks; `weeks[0]` is the last 7 days."""

    weeks: tuple[Week, ...]

    def __getitem__(self, index: int) -> Week:
        return self.weeks[index] if 0 <= index < len(self.weeks) else EMPTY_WEEK

    @property
    def days_of_ratings(self) -> int:
        """How old the earliest rating in the look-back is, in days, counting today as
        day 1 (a rating made today: 1; six days ago: 7); 0 without ratings."""
        return max((week.oldest for week in self.weeks), default=-1) + 1

    def rated_for(self, weeks: int, t: Thresholds) -> bool:
        """ "At least N weeks of ratings" (SAFETY.md, "How long"): the earliest rating in
        the look-back is at least 7×N days old, counting today as day 1, with at least
        `min_ratings_per_week` rated days in the first and in the last 7-day week of
        those N weeks. (17 days of ratings is not 3 weeks; 36 is not 6; 78 is not 12.)"""
        return (
            self.days_of_ratings >= 7 * weeks
            and self[weeks - 1].rated >= t.min_ratings_per_week
            and self[0].rated >= t.min_ratings_per_week
        )

    @classmethod
    def from_series(cls, series: Mapping[dt.date, float], today: dt.date, t: Thresholds) -> Weeks:
        """Fold a daily series ({local day: the day's value}) into weeks ending today.
        Days after today or beyond the lookback are ignored."""
        buckets = [[0, 0.0, 0, 0, -1] for _ in range(t.lookback_weeks)]
        for day, pain in series.items():
            days_ago = (today - day).days
            if not 0 <= days_ago < t.lookback_days:
                continue
            bucket = buckets[days_ago // 7]
            bucket[0] += 1
            bucket[1] += pain
            bucket[2] += pain >= t.long_lasting_pain
            bucket[3] += pain >= t.severe_pain
            bucket[4] = max(bucket[4], days_ago)
        return cls(tuple(Week(*b) for b in buckets))

    @classmethod
    def from_rows(
        cls, rows: Sequence[tuple[int, int, float, int, int, int]], t: Thresholds
    ) -> Weeks:
        """From (week, rated, total, high, severe, oldest) rows, as the sweep's SQL
        returns them."""
        buckets = [EMPTY_WEEK] * t.lookback_weeks
        for week, rated, total, high, severe, oldest in rows:
            if 0 <= week < t.lookback_weeks:
                buckets[week] = Week(rated, float(total), high, severe, oldest)
        return cls(tuple(buckets))


@dataclass(frozen=True)
class RuleResult:
    rule: str
    holds: bool
    numbers: dict = field(default_factory=dict)
    severity: int = 1
    exercise_id: int | None = None


def _round(value: float) -> float:
    """Averages are compared and shown to one hundredth, so float summation order (Python
    or SQL) never tips a boundary."""
    return round(value + 0.0, 2)


def no_improvement(w: Weeks, t: Thresholds) -> RuleResult:
    """At least 3 weeks of ratings, the last 7-day average is 4 or more, and it has not
    fallen by 2 points or 30% from the first week's average. The first week is the
    earliest rated week inside the 12-week look-back: the oldest week with enough rated
    days for an average (`min_ratings_per_week`), never a younger one than the third."""
    if not w.rated_for(t.no_improvement_min_weeks, t):
        return RuleResult(NO_IMPROVEMENT, False, {"too_few_ratings": True})
    first_index = next(
        i for i in range(t.lookback_weeks - 1, -1, -1) if w[i].rated >= t.min_ratings_per_week
    )
    first_avg, last_avg = w[first_index].average, w[0].average
    fall = _round(first_avg - last_avg)
    fall_percent = _round(100 * fall / first_avg) if first_avg else 0.0
    meaningful = fall >= t.change_points or fall_percent >= t.change_percent
    numbers = {
        "average": last_avg,
        "first_average": first_avg,
        "weeks": first_index + 1,
        "fall": fall,
        "fall_percent": fall_percent,
    }
    holds = last_avg >= t.no_improvement_min_average and not meaningful
    return RuleResult(NO_IMPROVEMENT, holds, numbers)


def worsening(w: Weeks, t: Thresholds) -> RuleResult:
    """The last 7-day average is 2 or more points above the 7 days before."""
    last, before = w[0], w[1]
    if last.rated < t.min_ratings_per_week or before.rated < t.min_ratings_per_week:
        return RuleResult(WORSENING, False, {"too_few_ratings": True})
    rise = _round(last.average - before.average)
    numbers = {"average": last.average, "previous_average": before.average, "rise": rise}
    return RuleResult(WORSENING, rise >= t.worsening_points, numbers)


def severe(w: Weeks, t: Thresholds) -> RuleResult:
    """8 or more on 3 of the last 7 days."""
    numbers = {"severe_days": w[0].severe, "rated_days": w[0].rated}
    return RuleResult(SEVERE, w[0].severe >= t.severe_days, numbers)


def long_lasting(w: Weeks, t: Thresholds) -> RuleResult:
    """Ratings for at least 12 weeks (chronic) or 6 weeks (persistent), pain of 4 or more
    on most rated days of that span, and on most rated days of the last 7 (so someone who
    has clearly eased is not told their pain is long-lasting). "Most" is more than half."""
    for weeks, severity in ((t.chronic_weeks, CHRONIC), (t.persistent_weeks, PERSISTENT)):
        if not w.rated_for(weeks, t):
            continue
        span = [w[i] for i in range(weeks)]
        rated = sum(week.rated for week in span)
        high = sum(week.high for week in span)
        still = 2 * w[0].high > w[0].rated
        if still and 2 * high > rated:
            numbers = {"weeks": weeks, "high_days": high, "rated_days": rated}
            return RuleResult(LONG_LASTING, True, numbers, severity=severity)
    return RuleResult(LONG_LASTING, False, {})


PAIN_RULES = (no_improvement, worsening, severe, long_lasting)


def pain_rules(w: Weeks, t: Thresholds) -> list[RuleResult]:
    return [rule(w, t) for rule in PAIN_RULES]


def exercise_hurts(outcomes: Sequence[bool], t: Thresholds, exercise_id: int) -> RuleResult:
    """`outcomes`: for the sessions that included the exercise, newest first, whether it hurt
    (marked as hurting, or the session's pain rose by 2 or more). Holds when 2 of the last 3
    did."""
    recent = list(outcomes[: t.exercise_hurts_sessions])
    hurt = sum(recent)
    numbers = {"hurt_sessions": hurt, "sessions": len(recent)}
    holds = hurt >= t.exercise_hurts_min
    return RuleResult(EXERCISE_HURTS, holds, numbers, exercise_id=exercise_id)


def session_hurt(
    *, marked: bool, pain_before: int | None, pain_after: int | None, t: Thresholds
) -> bool:
    """Did an exercise hurt in one session: marked so, or the session's pain rose by 2+."""
    rose = (
        pain_before is not None
        and pain_after is not None
        and pain_after - pain_before >= t.exercise_hurts_rise
    )
    return bool(marked or rose)
