"""Server-rendered SVG charts: no JavaScript, nothing from a CDN, fine under the CSP
(presentation attributes and classes only, no style attributes), printable, and coloured
by static/css/progress.css so they follow light and dark mode.

Each function returns markup for one chart. The chart is decoration for sighted users:
every template shows the same figures as a summary sentence and a data table.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils.dateformat import format as date_format
from django.utils.dates import MONTHS_3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .stats import days_between, week_start

if TYPE_CHECKING:
    from .stats import ExerciseRelief, PainDay, Week


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(
    width: int, height: int, label_id: str, body: list[str], *, natural: bool = False
) -> SafeString:
    """`natural`: drawn at its own size (one unit a CSS pixel) and scrolled, never shrunk.
    The others scale to their column; progress.css sets their text size so that it still
    reads at least 12 px on a phone."""
    size = f' width="{width}" height="{height}"' if natural else ""
    cls = "chart-svg natural" if natural else "chart-svg"
    return mark_safe(  # noqa: S308 - every interpolated value is a number or escaped
        f'<svg viewBox="0 0 {width} {height}"{size} role="img" aria-labelledby="{label_id}" '
        f'class="{cls}" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="13" fill="currentColor">{"".join(body)}</svg>'
    )


def _x_labels(days: list[dt.date], x, y: float, count: int = 5) -> list[str]:
    if not days:
        return []
    step = max(1, (len(days) - 1) // (count - 1))
    picks = list(range(0, len(days), step))[:count]
    anchors = {0: "start", len(days) - 1: "end"}
    if picks[-1] != len(days) - 1:
        picks[-1] = len(days) - 1
    return [
        f'<text x="{x(i):.1f}" y="{y}" text-anchor="{anchors.get(i, "middle")}" '
        f'class="axis-label">{escape(date_format(days[i], _("j M")))}</text>'
        for i in picks
    ]


def pain_chart(
    start: dt.date,
    end: dt.date,
    days: dict[dt.date, PainDay],
    rolling: dict[dt.date, float | None],
    label_id: str,
) -> SafeString:
    """Pain 0-10 per day: before (circles), after (squares), check-ins (diamonds) and
    the 7-day rolling average (a line)."""
    width, height = 640, 260
    left, right, top, bottom = 44, 10, 10, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    all_days = list(days_between(start, end))
    n = len(all_days)
    index = {day: i for i, day in enumerate(all_days)}

    def x(i: int) -> float:
        return left + (i + 0.5) * plot_w / n

    def y(value: float) -> float:
        return top + (10 - value) / 10 * plot_h

    r = 3.5 if n <= 45 else 2.5 if n <= 120 else 1.6
    body = []
    for level in range(0, 11, 2):
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            f'class="grid"/><text x="{left - 6}" y="{y(level) + 4:.1f}" text-anchor="end" '
            f'class="axis-label">{level}</text>'
        )
    body += _x_labels(all_days, x, height - 8)

    # Rolling average: one polyline per run of days that have a value.
    runs: list[list[str]] = [[]]
    for day in all_days:
        value = rolling.get(day)
        if value is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(f"{x(index[day]):.1f},{y(value):.1f}")
    for run in runs:
        if len(run) == 1:
            px, py = run[0].split(",")
            body.append(f'<circle cx="{px}" cy="{py}" r="{r}" class="line-avg-dot"/>')
        elif run:
            body.append(f'<polyline points="{" ".join(run)}" class="line-avg" fill="none"/>')

    for day, pain in days.items():
        if day not in index:
            continue
        cx = x(index[day])
        if pain.before is not None:
            body.append(
                f'<circle cx="{cx:.1f}" cy="{y(pain.before):.1f}" r="{r}" class="pt-before"/>'
            )
        if pain.after is not None:
            s = r * 1.8
            body.append(
                f'<rect x="{cx - s / 2:.1f}" y="{y(pain.after) - s / 2:.1f}" width="{s:.1f}" '
                f'height="{s:.1f}" class="pt-after"/>'
            )
        if pain.checkin is not None:
            cy, s = y(pain.checkin), r * 1.3
            body.append(
                f'<path d="M{cx:.1f} {cy - s:.1f}L{cx + s:.1f} {cy:.1f}L{cx:.1f} {cy + s:.1f}'
                f'L{cx - s:.1f} {cy:.1f}Z" class="pt-checkin"/>'
            )
    return _svg(width, height, label_id, body)


def weeks_chart(weeks: list[Week], label_id: str) -> SafeString:
    """Days with a routine per week (bars) against that week's goal (a tick)."""
    width, height = 640, 200
    left, right, top, bottom = 40, 10, 10, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(1, len(weeks))
    slot = plot_w / n

    def y(days: float) -> float:
        return top + (7 - days) / 7 * plot_h

    body = []
    for level in (0, 7):
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            f'class="grid"/><text x="{left - 6}" y="{y(level) + 4:.1f}" text-anchor="end" '
            f'class="axis-label">{level}</text>'
        )
    for i, week in enumerate(weeks):
        bx, bw = left + i * slot + slot * 0.15, slot * 0.7
        if week.done:
            cls = "bar met" if week.met else "bar"
            body.append(
                f'<rect x="{bx:.1f}" y="{y(week.done):.1f}" width="{bw:.1f}" '
                f'height="{y(0) - y(week.done):.1f}" class="{cls}"/>'
            )
        if week.target:
            body.append(
                f'<line x1="{bx - slot * 0.1:.1f}" x2="{bx + bw + slot * 0.1:.1f}" '
                f'y1="{y(week.target):.1f}" y2="{y(week.target):.1f}" class="goal-tick"/>'
            )
    body += _x_labels([w.monday for w in weeks], lambda i: left + (i + 0.5) * slot, height - 8, 4)
    return _svg(width, height, label_id, body)


def heatmap(
    end: dt.date, done: dict[dt.date, int], off_days: set[dt.date], label_id: str
) -> SafeString:
    """Twelve months of completed routines, one square per day, a column per week."""
    first = week_start(end - dt.timedelta(days=364))
    cell, gap, left, top = 11, 2, 2, 16
    columns = (end - first).days // 7 + 1
    # Room on the right for the last month's name when it starts in one of the last weeks.
    right = 28
    width, height = left + columns * (cell + gap) + right, top + 7 * (cell + gap)
    months = {m: escape(str(name).title()) for m, name in MONTHS_3.items()}  # as "M" formats
    body = []
    for offset, day in enumerate(days_between(first, end)):
        col, row = divmod(offset, 7)
        count = done.get(day, 0)
        cls = f"heat-{min(count, 3)}" + (" heat-off" if not count and day in off_days else "")
        cls += " today" if day == end else ""
        cx, cy = left + col * (cell + gap), top + row * (cell + gap)
        body.append(
            f'<rect x="{cx}" y="{cy}" width="{cell}" height="{cell}" rx="2" class="{cls}">'
            f"<title>{day.day} {months[day.month]} {day.year}: {count}</title></rect>"
        )
        if day.day == 1:
            body.append(
                f'<text x="{cx}" y="{top - 4}" class="axis-label">{months[day.month]}</text>'
            )
    return _svg(width, height, label_id, body, natural=True)


def relief_chart(rows: list[ExerciseRelief], label_id: str) -> SafeString:
    """Mean pain relief of the sessions each exercise was in: bars right of the middle
    line eased pain, bars left of it went with more pain. Each exercise is one row: its
    name on the left, its bar on the same line, its hurting mark at the right end."""
    width, row_h, top = 640, 44, 4
    label_w, mark_w = 280, 56
    height = top + max(1, len(rows)) * row_h + 4
    mid = label_w + (width - label_w - mark_w) / 2
    scale = (mid - label_w - 4) / 5
    body = [f'<line x1="{mid}" x2="{mid}" y1="0" y2="{height}" class="grid"/>']
    for i, row in enumerate(rows):
        centre = top + i * row_h + row_h / 2
        name = row.name if len(row.name) <= 22 else row.name[:21] + "…"
        body.append(
            f'<text x="4" y="{centre}" dominant-baseline="central" class="axis-label">'
            f"<title>{escape(row.name)}</title>{escape(name)}</text>"
        )
        if row.relief is not None:
            value = max(-5.0, min(5.0, row.relief))
            x0 = mid if value >= 0 else mid + value * scale
            cls = "bar met" if value >= 0 else "bar worse"
            body.append(
                f'<rect x="{x0:.1f}" y="{centre - 8}" width="{max(1.0, abs(value) * scale):.1f}" '
                f'height="16" class="{cls}"/>'
            )
        if row.hurt:
            body.append(
                f'<text x="{width - 4}" y="{centre}" dominant-baseline="central" '
                f'text-anchor="end" class="axis-label hurt">⚠ {row.hurt}</text>'
            )
    return _svg(width, height, label_id, body)
