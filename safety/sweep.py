"""Set-based reads for many users at once: one query per batch of users, whatever its size.

`weeks_for_range` folds each user's daily pain series into the weeks the rules read, in
SQL, each user counted back from their own local today. A day's value is the highest rating
of that local day: its check-in, or any session's pain before or after (SAFETY.md "How
long"). `exercise_outcomes_for_range` returns, per user and exercise, whether it hurt in
each of its last sessions. The nightly sweep reads batches of users; the evaluation after
a save reads a batch of one. Both work on PostgreSQL and SQLite.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import connection
from django.utils import timezone

from tracking.models import CheckIn, Session, StepRecord

from .rules import Thresholds, Weeks, session_hurt


@contextmanager
def without_jit() -> Iterator[None]:
    """PostgreSQL's JIT spends ~90 ms compiling each of the sweep's short batch queries:
    more than it saves. Off for the sweep's connection, back on afterwards."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET jit")


def local_todays(time_zones: list[str], now: dt.datetime) -> dict[str, dt.date]:
    todays = {}
    for name in time_zones:
        try:
            todays[name] = timezone.localtime(now, ZoneInfo(name)).date()
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return todays


def _today_sql(todays: dict[str, dt.date], now: dt.datetime) -> tuple[str, dict]:
    """A CASE expression giving each user's local today from their time zone."""
    by_day: dict[dt.date, list[str]] = defaultdict(list)
    for name, day in todays.items():
        by_day[day].append(name)
    parts, params = [], {}
    for i, (day, names) in enumerate(sorted(by_day.items())):
        keys = [f"zone_{i}_{j}" for j in range(len(names))]
        parts.append(
            f"WHEN u.time_zone IN ({', '.join(f'%({k})s' for k in keys)}) THEN %(day_{i})s"
        )
        params.update(zip(keys, names, strict=True))
        params[f"day_{i}"] = day
    params["utc_today"] = timezone.localtime(now, dt.UTC).date()
    return f"CASE {' '.join(parts)} ELSE %(utc_today)s END", params


def _days_ago_sql(today_sql: str) -> str:
    if connection.vendor == "postgresql":
        return f"(CAST({today_sql} AS date) - d.local_date)"
    return f"CAST(julianday({today_sql}) - julianday(d.local_date) AS INTEGER)"


def _higher(a: str, b: str) -> str:
    """The higher of two ratings, either of which may be missing (portable GREATEST)."""
    return f"CASE WHEN {b} IS NULL OR {a} >= {b} THEN COALESCE({a}, {b}) ELSE {b} END"


def _daily_sql() -> str:
    """CTEs ending in `daily (user_id, local_date, pain)`: the highest rating of each local
    day of users %(lo)s..%(hi)s between %(start)s and %(end)s. Check-ins are one a day
    already; sessions are folded to one row a day first, then the two joined, which spares
    grouping every rating."""
    checkin, session = CheckIn._meta.db_table, Session._meta.db_table
    return f"""
        session_days AS (
            SELECT s.user_id, s.local_date, MAX({_higher("s.pain_before", "s.pain_after")}) AS pain
            FROM {session} s
            WHERE s.user_id BETWEEN %(lo)s AND %(hi)s
              AND s.local_date BETWEEN %(start)s AND %(end)s
              AND (s.pain_before IS NOT NULL OR s.pain_after IS NOT NULL)
            GROUP BY s.user_id, s.local_date
        ),
        checkin_days AS (
            SELECT c.user_id, c.local_date, c.pain
            FROM {checkin} c
            WHERE c.user_id BETWEEN %(lo)s AND %(hi)s
              AND c.local_date BETWEEN %(start)s AND %(end)s
        ),
        daily AS (
            SELECT COALESCE(c.user_id, s.user_id) AS user_id,
                   COALESCE(c.local_date, s.local_date) AS local_date,
                   {_higher("c.pain", "s.pain")} AS pain
            FROM checkin_days c
            FULL JOIN session_days s ON s.user_id = c.user_id AND s.local_date = c.local_date
        )"""


def daily_values(user_id: int, start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """One user's day values in [start, end] (the highest rating of each local day), oldest
    first; days without a rating are absent. One query."""
    sql = f"WITH {_daily_sql()} SELECT local_date, pain FROM daily ORDER BY local_date"
    params = {"lo": user_id, "hi": user_id, "start": start, "end": end}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {_as_date(day): pain for day, pain in cursor.fetchall()}


def _as_date(value) -> dt.date:
    # SQLite hands dates back as text.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def weeks_for_range(
    lo: int, hi: int, *, now: dt.datetime, todays: dict[str, dt.date], t: Thresholds
) -> dict[int, Weeks]:
    """Weeks of every user with ids in [lo, hi] who has ratings in the lookback."""
    today_sql, today_params = _today_sql(todays, now)
    days = list(todays.values()) or [now.date()]
    start = min(days) - dt.timedelta(days=t.lookback_days)
    end = max(days) + dt.timedelta(days=1)
    sql = f"""
        WITH {_daily_sql()},
        aged AS (
            SELECT d.user_id, d.pain, {_days_ago_sql(today_sql)} AS days_ago
            FROM daily d JOIN accounts_user u ON u.id = d.user_id
              AND u.id BETWEEN %(lo)s AND %(hi)s
        )
        SELECT user_id, days_ago / 7 AS week, COUNT(*), SUM(pain),
               SUM(CASE WHEN pain >= %(high)s THEN 1 ELSE 0 END),
               SUM(CASE WHEN pain >= %(severe)s THEN 1 ELSE 0 END),
               MAX(days_ago)
        FROM aged
        WHERE days_ago >= 0 AND days_ago < %(lookback)s
        GROUP BY user_id, days_ago / 7
    """
    params = {
        "lo": lo, "hi": hi, "start": start, "end": end,
        "high": t.long_lasting_pain, "severe": t.severe_pain, "lookback": t.lookback_days,
        **today_params,
    }  # fmt: skip
    rows: dict[int, list] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for user_id, *row in cursor.fetchall():
            rows[user_id].append(row)
    return {user_id: Weeks.from_rows(r, t) for user_id, r in rows.items()}


def exercise_outcomes_for_range(
    lo: int, hi: int, *, since: dt.date, t: Thresholds
) -> dict[int, dict[int, list[bool]]]:
    """{user_id: {exercise_id: [hurt?, ...newest first]}} over each exercise's last sessions
    (at most `exercise_hurts_sessions`) since `since`."""
    record, session = StepRecord._meta.db_table, Session._meta.db_table
    hurts, hurt = StepRecord.SkipReason.HURTS, StepRecord.Feeling.HURT
    sql = f"""
        SELECT user_id, exercise_id, marked, pain_before, pain_after FROM (
            SELECT s.user_id, r.exercise_id, s.pain_before, s.pain_after,
                   MAX(CASE WHEN r.skip_reason = %s OR r.feeling = %s THEN 1 ELSE 0 END)
                       AS marked,
                   ROW_NUMBER() OVER (
                       PARTITION BY s.user_id, r.exercise_id
                       ORDER BY s.started_at DESC, s.id DESC
                   ) AS n
            FROM {record} r JOIN {session} s ON s.id = r.session_id
            WHERE s.user_id BETWEEN %s AND %s AND s.local_date >= %s
            GROUP BY s.user_id, r.exercise_id, s.id, s.started_at, s.pain_before, s.pain_after
        ) recent
        WHERE n <= %s
        ORDER BY user_id, exercise_id, n
    """
    params = [hurts, hurt, lo, hi, since, t.exercise_hurts_sessions]
    outcomes: dict[int, dict[int, list[bool]]] = defaultdict(lambda: defaultdict(list))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for user_id, exercise_id, marked, before, after in cursor.fetchall():
            outcomes[user_id][exercise_id].append(
                session_hurt(marked=bool(marked), pain_before=before, pain_after=after, t=t)
            )
    return outcomes
