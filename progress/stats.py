"""Progress figures shared by the dashboard, charts and reminder emails.

Everything here works on local calendar days (`Session.local_date`, `CheckIn.local_date`),
never on UTC timestamps, so a day is a day across DST changes and time-zone moves.
Each loader runs a fixed number of queries; the figures are one pass in Python over the
rows, whatever the length of the history.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Avg, Count, F, Q
from django.db.models.functions import Cast
from django.utils.dateformat import format as date_format
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from routines.translation import translated
from tracking.models import (
    CheckIn,
    PainDay,
    Session,
    StepRecord,
    as_of,
    local_today,
    pain_days,
    pain_days_by_user,
)

from .models import Pause, ProgressSettings

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from accounts.models import User

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the (ISO) week that holds `day`."""
    return day - dt.timedelta(days=day.weekday())


def days_between(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """Every calendar day from start to end, both included."""
    for offset in range((end - start).days + 1):
        yield start + dt.timedelta(days=offset)


def round_half_up(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def one_decimal(value: float | None) -> str:
    return "—" if value is None else number_format(value, 1)


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


# --- Days off --------------------------------------------------------------------------


@dataclass(frozen=True)
class DaysOff:
    """Days that neither extend nor break a streak and never count against the goal:
    planned rest weekdays and paused stretches."""

    rest_weekdays: frozenset[int] = frozenset()
    pauses: tuple[tuple[dt.date, dt.date], ...] = ()

    @classmethod
    def load(cls, user: User) -> DaysOff:
        """Two queries."""
        prefs = ProgressSettings.for_user(user)
        pauses = tuple(Pause.objects.for_user(user).order_by("start").values_list("start", "end"))
        return cls(rest_weekdays=prefs.rest_days, pauses=pauses)

    @classmethod
    def load_many(cls, user_ids: Iterable[int]) -> dict[int, DaysOff]:
        """Each person's days off, by user id. Two queries however many people."""
        user_ids = set(user_ids)
        rest = {
            prefs.user_id: prefs.rest_days
            for prefs in ProgressSettings.objects.filter(user_id__in=user_ids)
        }
        pauses: dict[int, list[tuple[dt.date, dt.date]]] = {}
        for user_id, start, end in (
            Pause.objects.filter(user_id__in=user_ids)
            .order_by("start")
            .values_list("user_id", "start", "end")
        ):
            pauses.setdefault(user_id, []).append((start, end))
        return {
            user_id: cls(
                rest_weekdays=rest.get(user_id, frozenset()),
                pauses=tuple(pauses.get(user_id, ())),
            )
            for user_id in user_ids
        }

    @cached_property
    def paused_days(self) -> frozenset[dt.date]:
        return frozenset(day for start, end in self.pauses for day in days_between(start, end))

    def is_paused(self, day: dt.date) -> bool:
        return day in self.paused_days

    def is_rest_day(self, day: dt.date) -> bool:
        return day.weekday() in self.rest_weekdays

    def __contains__(self, day: dt.date) -> bool:
        return self.is_rest_day(day) or self.is_paused(day)


# --- Consistency -----------------------------------------------------------------------


@dataclass(frozen=True)
class Week:
    monday: dt.date
    done: int  # days with at least one completed routine
    target: int  # the weekly goal once rest days and pauses are taken out

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def met(self) -> bool:
        return self.target > 0 and self.done >= self.target

    @property
    def excused(self) -> bool:
        return self.target == 0


@dataclass(frozen=True)
class History:
    """A person's completed routines per local day, with their days off and goal."""

    today: dt.date
    done: dict[dt.date, int]  # completed sessions per local day
    off: DaysOff = field(default_factory=DaysOff)
    weekly_goal: int = 5

    @classmethod
    def load(cls, user: User, *, today: dt.date) -> History:
        """Three queries, whatever the length of the history."""
        done = dict(
            Session.objects.for_user(user)
            .completed()
            .values("local_date")
            .annotate(n=Count("id"))
            .values_list("local_date", "n")
            .order_by()
        )
        return cls(today=today, done=done, off=DaysOff.load(user), weekly_goal=user.weekly_goal)

    @classmethod
    def load_many(cls, users: Iterable[User], *, today: dict[int, dt.date]) -> dict[int, History]:
        """Each person's history (on their own `today`, by user id), by user id. Three
        queries however many people: the reminder emails load a batch at once."""
        users = {user.pk: user for user in users}
        done: dict[int, dict[dt.date, int]] = {user_id: {} for user_id in users}
        for user_id, day, n in (
            Session.objects.filter(user_id__in=users)
            .completed()
            .values("user_id", "local_date")
            .annotate(n=Count("id"))
            .values_list("user_id", "local_date", "n")
            .order_by()
        ):
            done[user_id][day] = n
        off = DaysOff.load_many(users)
        return {
            user_id: cls(
                today=today[user_id],
                done=done[user_id],
                off=off[user_id],
                weekly_goal=user.weekly_goal,
            )
            for user_id, user in users.items()
        }

    @property
    def first_day(self) -> dt.date | None:
        return min(self.done, default=None)

    @property
    def last_day(self) -> dt.date:
        """Today, or tomorrow's date when a routine already carries it: someone who moves
        west can have done a routine on a local day their new zone has not reached yet."""
        latest = max(self.done, default=self.today)
        return latest if self.today < latest <= self.today + ONE_DAY else self.today

    @property
    def done_today(self) -> bool:
        return self.today in self.done

    def current_streak(self) -> int:
        """Consecutive days with a completed routine, ending today, or yesterday while
        today is still open. Rest days and pauses are stepped over."""
        first = self.first_day
        if first is None:
            return 0
        day = self.last_day
        if day not in self.done:
            day -= ONE_DAY  # today is still open
        streak = 0
        while day >= first:
            if day in self.done:
                streak += 1
            elif day not in self.off:
                break
            day -= ONE_DAY
        return streak

    def longest_streak(self) -> int:
        first = self.first_day
        if first is None:
            return 0
        best = run = 0
        done = {day.toordinal() for day in self.done}
        today = self.today.toordinal()
        for ordinal in range(first.toordinal(), self.last_day.toordinal() + 1):
            if ordinal in done:
                run += 1
                best = max(best, run)
            elif ordinal < today and dt.date.fromordinal(ordinal) not in self.off:
                run = 0
        return best

    @cached_property
    def _days_done_per_week(self) -> Counter[dt.date]:
        return Counter(week_start(day) for day in self.done)

    def week_target(self, monday: dt.date) -> int:
        """The weekly goal for one week. The goal never asks for more days than the week
        has once rest weekdays are out, and paused days lower it in proportion: a week
        paused from Monday to Wednesday asks for 4/7 of the goal, rounded."""
        planned = 7 - len(self.off.rest_weekdays)
        if planned <= 0:
            return 0
        goal = min(self.weekly_goal, planned)
        if not self.off.pauses:
            return goal
        paused = sum(
            1
            for offset in range(7)
            if (day := monday + dt.timedelta(days=offset)) in self.off.paused_days
            and not self.off.is_rest_day(day)
        )
        return round_half_up(goal * (planned - paused) / planned)

    def week(self, monday: dt.date) -> Week:
        done = self._days_done_per_week.get(monday, 0)
        return Week(monday=monday, done=done, target=self.week_target(monday))

    def weeks(self, start: dt.date, end: dt.date) -> list[Week]:
        """Every week touching [start, end], oldest first."""
        monday, last = week_start(start), week_start(end)
        weeks = []
        while monday <= last:
            weeks.append(self.week(monday))
            monday += ONE_WEEK
        return weeks

    @property
    def this_week(self) -> Week:
        return self.week(week_start(self.today))

    def week_streak(self) -> int:
        """Consecutive weeks that met the goal, ending this week when it is already met,
        else last week (this week is still open). Fully paused weeks are stepped over."""
        first = self.first_day
        if first is None:
            return 0
        monday = week_start(self.today)
        current = self.week(monday)
        streak = 1 if current.met else 0
        monday -= ONE_WEEK
        while monday >= week_start(first):
            week = self.week(monday)
            if week.met:
                streak += 1
            elif not week.excused:
                break
            monday -= ONE_WEEK
        return streak


def current_streak(user: User, *, today: dt.date) -> int:
    """Consecutive local days, ending today (or yesterday, while today is still open),
    with at least one completed routine. Rest days and pauses never break it."""
    return History.load(user, today=today).current_streak()


# --- Pain ------------------------------------------------------------------------------


def rolling_average(
    values: dict[dt.date, float], start: dt.date, end: dt.date, window: int = 7
) -> dict[dt.date, float | None]:
    """For each day in [start, end], the mean of the rated days among it and the
    `window - 1` days before it (None when none of them is rated). `values` should
    reach back `window - 1` days before `start`. One pass."""
    result: dict[dt.date, float | None] = {}
    inside: deque[tuple[dt.date, float]] = deque()
    total = 0.0
    for day in days_between(start - dt.timedelta(days=window - 1), end):
        if (value := values.get(day)) is not None:
            inside.append((day, value))
            total += value
        while inside and inside[0][0] <= day - dt.timedelta(days=window):
            total -= inside.popleft()[1]
        if day >= start:
            result[day] = total / len(inside) if inside else None
    return result


@dataclass(frozen=True)
class PainSummary:
    recent_average: float | None  # the last 7 days, today included
    previous_average: float | None  # the 7 days before
    latest: tuple[dt.date, int] | None
    relief: float | None  # mean (pain before - pain after) per rated session
    relief_sessions: int

    @property
    def change(self) -> float | None:
        if self.recent_average is None or self.previous_average is None:
            return None
        return self.recent_average - self.previous_average


def pain_averages(
    days: dict[dt.date, PainDay], *, today: dt.date
) -> tuple[float | None, float | None]:
    """The mean daily pain of the last 7 days and of the 7 days before."""
    recent_start = today - dt.timedelta(days=6)
    previous_start = today - dt.timedelta(days=13)
    recent = [p.value for d, p in days.items() if recent_start <= d <= today]
    previous = [p.value for d, p in days.items() if previous_start <= d < recent_start]
    return (
        mean(v for v in recent if v is not None),
        mean(v for v in previous if v is not None),
    )


def latest_rating(
    user: User, *, today: dt.date, days: dict[dt.date, PainDay] | None = None
) -> tuple[dt.date, int] | None:
    """The latest local day with a rating, and that day's value (its highest rating, as
    the safety rules count it). A day stored in a zone further east counts as today.
    One query when that day is among `days` (from `pain_days`), else three."""
    checkins = CheckIn.objects.for_user(user).values_list("local_date", flat=True).order_by()
    sessions = (
        Session.objects.for_user(user)
        .filter(Q(pain_before__isnull=False) | Q(pain_after__isnull=False))
        .values_list("local_date", flat=True)
        .order_by()
    )
    latest = checkins.union(sessions, all=True).order_by("-local_date").first()
    if latest is None:
        return None
    day = as_of(latest, today)
    if days is None or day not in days:
        days = pain_days(user, day, day)
    return day, days[day].high


def pain_summary(
    user: User, *, today: dt.date, days: dict[dt.date, PainDay] | None = None
) -> PainSummary:
    """Four queries, or two when the last 14 days of `pain_days` are given."""
    if days is None:
        days = pain_days(user, today - dt.timedelta(days=13), today)
    recent, previous = pain_averages(days, today=today)
    relief = (
        Session.objects.for_user(user)
        .filter(pain_before__isnull=False, pain_after__isnull=False)
        .aggregate(
            avg=Avg(Cast(F("pain_before") - F("pain_after"), models.FloatField())),
            n=Count("id"),
        )
    )
    return PainSummary(
        recent_average=recent,
        previous_average=previous,
        latest=latest_rating(user, today=today, days=days),
        relief=None if relief["avg"] is None else float(relief["avg"]),
        relief_sessions=relief["n"],
    )


def pain_trend_words(user: User, *, today: dt.date) -> str:
    """The latest pain trend in plain words, comparing the last 7 days with the 7 before."""
    days = pain_days(user, today - dt.timedelta(days=13), today)
    return trend_words(days, today=today)


def pain_trend_words_many(users: Iterable[User], *, today: dict[int, dt.date]) -> dict[int, str]:
    """`pain_trend_words` for many people (each on their own `today`), by user id. Two
    queries however many people."""
    users = list(users)
    days = pain_days_by_user(
        {
            user.pk: (today[user.pk] - dt.timedelta(days=13), today[user.pk], local_today(user))
            for user in users
        }
    )
    return {user.pk: trend_words(days.get(user.pk, {}), today=today[user.pk]) for user in users}


def trend_words(days: dict[dt.date, PainDay], *, today: dt.date) -> str:
    """The trend of the 14 days up to `today` in `days` (other days are ignored)."""
    recent_avg, previous_avg = pain_averages(days, today=today)
    if recent_avg is None:
        return _("No pain ratings in the last 7 days yet.")
    if previous_avg is None:
        return _("Your average pain over the last 7 days is %(avg).1f out of 10.") % {
            "avg": recent_avg
        }
    change = recent_avg - previous_avg
    if change <= -1:
        return _(
            "Your average pain over the last 7 days is %(avg).1f out of 10, "
            "lower than the week before."
        ) % {"avg": recent_avg}
    if change >= 1:
        return _(
            "Your average pain over the last 7 days is %(avg).1f out of 10, "
            "higher than the week before."
        ) % {"avg": recent_avg}
    return _(
        "Your average pain over the last 7 days is %(avg).1f out of 10, "
        "about the same as the week before."
    ) % {"avg": recent_avg}


# --- Exercises ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExerciseRelief:
    name: str
    done: int
    hurt: int
    easier: int
    relief: float | None  # mean pain relief of the sessions it was done in

    # "Often" and "usually" need a few sessions behind them.
    ENOUGH_SESSIONS = 3

    @property
    def verdict(self) -> str:
        sessions = self.done + self.hurt
        if sessions < self.ENOUGH_SESSIONS:
            if self.hurt:
                return _("It hurt recently: skip it if it hurts again.")
            return _("Too few sessions to tell yet.")
        if self.hurt and self.hurt * 3 >= sessions:
            return _("Often hurts: consider skipping it and mention it to a professional.")
        if self.relief is not None and self.relief >= 1:
            return _("Sessions with it usually eased your pain.")
        return _("No clear effect yet.")


def exercise_relief(user: User, start: dt.date, end: dt.date) -> list[ExerciseRelief]:
    """Per exercise done or skipped in [start, end]: how often it was done, hurt or felt
    easier, and the mean relief of the sessions it was done in. One query."""
    done = Q(state=StepRecord.State.DONE)
    rows = (
        StepRecord.objects.filter(session__user=user, session__local_date__range=(start, end))
        .values("exercise_id", exercise_name=translated("exercise__name"))
        .annotate(
            n_done=Count("id", filter=done),
            n_hurt=Count(
                "id",
                filter=Q(skip_reason=StepRecord.SkipReason.HURTS)
                | Q(feeling=StepRecord.Feeling.HURT),
            ),
            n_easier=Count("id", filter=Q(feeling=StepRecord.Feeling.EASIER)),
            relief=Avg(
                Cast(F("session__pain_before") - F("session__pain_after"), models.FloatField()),
                filter=done,
            ),
        )
        .order_by("exercise_name")
    )
    return [
        ExerciseRelief(
            name=row["exercise_name"],
            done=row["n_done"],
            hurt=row["n_hurt"],
            easier=row["n_easier"],
            relief=None if row["relief"] is None else float(row["relief"]),
        )
        for row in rows
    ]


# --- Text alternatives for the charts ---------------------------------------------------


@dataclass(frozen=True)
class PainRow:
    start: dt.date
    end: dt.date
    before: float | None
    after: float | None
    checkin: float | None
    average: float | None  # the 7-day rolling average on the row's last day

    @property
    def cells(self) -> list[str]:
        """Before, after, check-in and average, formatted (cheaper than a template
        filter per cell on a year of rows)."""
        return [one_decimal(v) for v in (self.before, self.after, self.checkin, self.average)]

    @property
    def label(self) -> str:
        if self.start == self.end:
            return date_format(self.start, _("D j M"))
        return f"{date_format(self.start, _('j M'))}–{date_format(self.end, _('j M'))}"


def pain_table(
    start: dt.date,
    end: dt.date,
    days: dict[dt.date, PainDay],
    rolling: dict[dt.date, float | None],
    *,
    by_week: bool,
) -> list[PainRow]:
    """The pain chart as rows: one per rated day, or one per week with a rating (a
    year of daily rows is more than anyone can listen to)."""
    rated = [p for d, p in days.items() if start <= d <= end]
    if not by_week:
        return [
            PainRow(p.day, p.day, p.before, p.after, p.checkin, rolling.get(p.day)) for p in rated
        ]
    groups: dict[dt.date, list[PainDay]] = {}
    for pain in rated:
        groups.setdefault(week_start(pain.day), []).append(pain)
    rows = []
    for monday, group in groups.items():
        last = min(monday + dt.timedelta(days=6), end)
        rows.append(
            PainRow(
                max(monday, start),
                last,
                mean(p.before for p in group if p.before is not None),
                mean(p.after for p in group if p.after is not None),
                mean(p.checkin for p in group if p.checkin is not None),
                rolling.get(last),
            )
        )
    return rows


@dataclass(frozen=True)
class MonthRow:
    month: dt.date  # the first of the month
    days: int
    sessions: int


def months_table(done: dict[dt.date, int], start: dt.date, end: dt.date) -> list[MonthRow]:
    months: dict[dt.date, list[int]] = {}
    for day in days_between(start, end):
        key = day.replace(day=1)
        counts = months.setdefault(key, [0, 0])
        if count := done.get(day, 0):
            counts[0] += 1
            counts[1] += count
    return [MonthRow(month, d, s) for month, (d, s) in months.items()]
