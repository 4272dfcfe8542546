"""The clinician summary: the last 4–12 weeks of one user, readable in a minute.

`build_summary` gathers everything once; the HTML page, the print view and the PDF all
render the same dict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q

from routines.translation import translated
from tracking.models import CheckIn, Session, StepRecord, local_today

from .models import Flag, ScreeningResponse
from .numbers import contact_for
from .sweep import daily_values

if TYPE_CHECKING:
    from accounts.models import User

MIN_WEEKS, MAX_WEEKS, DEFAULT_WEEKS = 4, 12, 8
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 600, 200, 24


@dataclass(frozen=True)
class WeekRow:
    start: dt.date
    end: dt.date
    average: float | None
    rated_days: int
    sessions: int


def _average(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def chart_points(series: dict[dt.date, float], start: dt.date, days: int) -> str:
    """SVG polyline points for the daily series: x by day, y by pain (0 at the bottom)."""
    inner_w = CHART_WIDTH - 2 * CHART_PAD
    inner_h = CHART_HEIGHT - 2 * CHART_PAD
    step = inner_w / max(days - 1, 1)
    points = []
    for day, pain in series.items():
        x = CHART_PAD + (day - start).days * step
        y = CHART_PAD + inner_h * (1 - pain / 10)
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


def build_summary(user: User, *, weeks: int = DEFAULT_WEEKS, today: dt.date | None = None) -> dict:
    today = today or local_today(user)
    days = 7 * weeks
    start = today - dt.timedelta(days=days - 1)
    series = daily_values(user.pk, start, today)  # the rules' day values
    sessions = Session.objects.for_user(user).filter(local_date__range=(start, today))
    completed_days = set(sessions.completed().values_list("local_date", flat=True))
    session_days = list(sessions.values_list("local_date", flat=True))

    rows = []
    for i in range(weeks):
        week_start = start + dt.timedelta(days=7 * i)
        week_end = week_start + dt.timedelta(days=6)
        values = [v for d, v in series.items() if week_start <= d <= week_end]
        rows.append(
            WeekRow(
                start=week_start,
                end=week_end,
                average=_average(values),
                rated_days=len(values),
                sessions=sum(1 for d in session_days if week_start <= d <= week_end),
            )
        )
    rated_weeks = [r for r in rows if r.average is not None]
    first = rated_weeks[0].average if rated_weeks else None
    last = rated_weeks[-1].average if rated_weeks else None
    change = round(last - first, 1) if len(rated_weeks) > 1 else None
    change_percent = round(100 * change / first) if change is not None and first else None

    hurting = (
        StepRecord.objects.filter(session__user=user, session__local_date__range=(start, today))
        .values(exercise_name=translated("exercise__name"))
        .annotate(
            total=Count("id"),
            hurt=Count(
                "id",
                filter=Q(skip_reason=StepRecord.SkipReason.HURTS)
                | Q(feeling=StepRecord.Feeling.HURT),
            ),
        )
        .filter(hurt__gt=0)
        .order_by("-hurt", "exercise_name")
    )
    screenings = list(
        ScreeningResponse.objects.for_user(user).answered().filter(local_date__range=(start, today))
    )
    flags = list(
        Flag.objects.for_user(user)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__date__gte=start))
        .select_related("exercise", "user")
        .order_by("closed_at", "-opened_at")
    )
    checkins = CheckIn.objects.for_user(user).filter(local_date__range=(start, today))
    notes = [(c.local_date, c.note) for c in checkins.exclude(note="")]
    notes += [(s.local_date, s.note) for s in sessions.exclude(note="")]
    notes.sort(reverse=True)

    return {
        "person": user.name,
        "contact": contact_for(user),
        "start": start,
        "end": today,
        "weeks": weeks,
        "days": days,
        "series": series,
        "rated_days": len(series),
        "chart": {
            "points": chart_points(series, start, days),
            "width": CHART_WIDTH,
            "height": CHART_HEIGHT,
            "pad": CHART_PAD,
            "gridlines": [
                {"pain": p, "y": CHART_PAD + (CHART_HEIGHT - 2 * CHART_PAD) * (1 - p / 10)}
                for p in (0, 2, 4, 6, 8, 10)
            ],
        },
        "week_rows": rows,
        "first_average": first,
        "last_average": last,
        "change": change,
        "change_percent": change_percent,
        "sessions_total": len(session_days),
        "sessions_completed": sessions.completed().count(),
        "active_days": len(completed_days),
        "adherence_percent": round(100 * len(completed_days) / days),
        "weekly_goal": user.weekly_goal,
        "hurting": list(hurting),
        "screenings": screenings,
        "open_flags": [f for f in flags if f.is_open],
        "past_flags": [f for f in flags if not f.is_open],
        "notes": notes[:20],
    }
