"""The clinician summary: the last 4–12 weeks of one user, readable in a minute.

`build_summary` gathers everything once; the HTML page, the print view and the PDF all
render the same dict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.utils import timezone

from routines.translation import translated
from tracking.models import ZONE_LEAD, CheckIn, Session, StepRecord, as_of, local_today

from .models import Flag, ScreeningResponse
from .numbers import contact_for
from .sweep import daily_values

if TYPE_CHECKING:
    from accounts.models import User

MIN_WEEKS, MAX_WEEKS, DEFAULT_WEEKS = 4, 12, 8
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 600, 240, 12
CHART_LEFT, CHART_TOP, CHART_BOTTOM = 40, 16, 44


@dataclass(frozen=True)
class WeekRow:
    start: dt.date
    end: dt.date
    average: float | None
    rated_days: int
    sessions: int


def _average(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def chart(series: dict[dt.date, float], start: dt.date, days: int) -> dict:
    """The daily series in SVG units: a dot per rated day (so one rating shows), a line
    through them, gridlines for pain and date labels under the first, middle and last
    day. The PDF draws the same dots and labels."""
    inner_w = CHART_WIDTH - CHART_LEFT - CHART_PAD
    inner_h = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    step = inner_w / max(days - 1, 1)

    def x(day: dt.date) -> float:
        return round(CHART_LEFT + (day - start).days * step, 1)

    def y(pain: float) -> float:
        return round(CHART_TOP + inner_h * (1 - pain / 10), 1)

    dots = [{"x": x(day), "y": y(pain), "day": day, "pain": pain} for day, pain in series.items()]
    end = start + dt.timedelta(days=days - 1)
    middle = start + dt.timedelta(days=(days - 1) // 2)
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "right": CHART_WIDTH - CHART_PAD,
        "dots": dots,
        "points": " ".join(f"{d['x']},{d['y']}" for d in dots),
        "gridlines": [{"pain": p, "y": y(p)} for p in (0, 2, 4, 6, 8, 10)],
        "ticks": [
            {"x": x(start), "day": start, "anchor": "start"},
            {"x": x(middle), "day": middle, "anchor": "middle"},
            {"x": x(end), "day": end, "anchor": "end"},
        ],
        "label_y": CHART_HEIGHT - 8,
    }


# Higher apps add a section to the clinician summary (plans: the plan's changes) without
# safety importing them: name -> function(user, start, end) -> {"title": ..., "rows":
# [(day, text), ...]}. Registered in their AppConfig.ready().
SECTIONS: dict[str, Callable] = {}


def register_section(name: str, build: Callable) -> None:
    SECTIONS[name] = build


def build_summary(user: User, *, weeks: int = DEFAULT_WEEKS, today: dt.date | None = None) -> dict:
    today = today or local_today(user)
    days = 7 * weeks
    start = today - dt.timedelta(days=days - 1)
    # Rows dated after today were saved in a zone further east: they count as today's.
    upper = today + ZONE_LEAD
    series: dict[dt.date, float] = {}
    for day, pain in daily_values(user.pk, start, upper).items():  # the rules' day values
        series[as_of(day, today)] = max(pain, series.get(as_of(day, today), pain))
    sessions = Session.objects.for_user(user).filter(local_date__range=(start, upper))
    completed_days = {
        as_of(day, today) for day in sessions.completed().values_list("local_date", flat=True)
    }
    session_days = [as_of(day, today) for day in sessions.values_list("local_date", flat=True)]

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
        StepRecord.objects.filter(session__user=user, session__local_date__range=(start, upper))
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
        ScreeningResponse.objects.for_user(user).answered().filter(local_date__range=(start, upper))
    )
    for screening in screenings:
        screening.local_date = as_of(screening.local_date, today)
    since = dt.datetime.combine(start, dt.time(0), tzinfo=user.zone)
    flags = list(
        Flag.objects.for_user(user)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=since))
        .select_related("exercise", "user")
        .order_by("closed_at", "-opened_at")
    )
    # One rule for every date on the page and in the PDF: the person's own zone.
    for flag in flags:
        flag.opened_on = timezone.localdate(flag.opened_at, user.zone)
        flag.closed_on = flag.closed_at and timezone.localdate(flag.closed_at, user.zone)
    checkins = CheckIn.objects.for_user(user).filter(local_date__range=(start, upper))
    notes = [(as_of(c.local_date, today), c.note) for c in checkins.exclude(note="")]
    notes += [(as_of(s.local_date, today), s.note) for s in sessions.exclude(note="")]
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
        "chart": chart(series, start, days),
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
        "sections": [build(user, start, today) for build in SECTIONS.values()],
        "screenings": screenings,
        "open_flags": [f for f in flags if f.is_open],
        "past_flags": [f for f in flags if not f.is_open],
        "notes": notes[:20],
    }
