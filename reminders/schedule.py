"""When is a reminder due? Pure functions over zoneinfo, no database.

A reminder is set as a local wall-clock time on some weekdays in an IANA zone. On a day
when clocks go forward past that time (a gap), it is due at the first valid local time
after it, which is the instant of the change. On a day when clocks go back and the time
happens twice, it is due at the first occurrence, or at the second for someone who turned
the reminder on between the two. Everything is returned in UTC.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

UTC = dt.UTC

# Weekdays as a bit mask: Monday is bit 0, as in date.weekday().
EVERY_DAY = 0b1111111


def weekday_bit(day: dt.date) -> int:
    return 1 << day.weekday()


def mask_from_days(days) -> int:
    mask = 0
    for day in days:
        mask |= 1 << int(day)
    return mask


def days_from_mask(mask: int) -> list[int]:
    return [day for day in range(7) if mask & (1 << day)]


def _is_gap(local: dt.datetime) -> bool:
    """True if this wall-clock time does not exist in its zone (clocks jumped over it)."""
    round_trip = local.astimezone(UTC).astimezone(local.tzinfo)
    return round_trip.replace(tzinfo=None) != local.replace(tzinfo=None)


def due_instant(day: dt.date, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of wall-clock `at` on local `day` in `zone`."""
    local = dt.datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone)
    if local.utcoffset() == local.replace(fold=1).utcoffset() or not _is_gap(local):
        # The usual case (the time exists once), or a time that happens twice.
        # fold=0 is the first occurrence when the time happens twice.
        return local.astimezone(UTC)
    # In a gap, fold=0 reads the time with the offset from before the change (too late)
    # and fold=1 with the offset after it (too early); the change lies between.
    # Zone changes happen on whole seconds: bisect for the first instant whose offset
    # is the new one.
    late = local.astimezone(UTC)
    early = local.replace(fold=1).astimezone(UTC)
    if early > late:
        early, late = late, early
    new_offset = late.astimezone(zone).utcoffset()
    low, high = int(early.timestamp()), int(late.timestamp())
    while low < high:
        mid = (low + high) // 2
        if dt.datetime.fromtimestamp(mid, zone).utcoffset() == new_offset:
            high = mid
        else:
            low = mid + 1
    return dt.datetime.fromtimestamp(low, UTC)


def _second_occurrence(day: dt.date, at: dt.time, zone: ZoneInfo) -> dt.datetime | None:
    """The UTC instant of the second `at` on a day when clocks go back over it, or None."""
    first = dt.datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone)
    second = first.replace(fold=1)
    if first.utcoffset() == second.utcoffset() or _is_gap(first):
        return None
    return second.astimezone(UTC)


def next_due(
    *,
    at: dt.time,
    weekdays: int,
    zone: ZoneInfo,
    now: dt.datetime,
    after_date: dt.date | None = None,
) -> tuple[dt.datetime, dt.date] | None:
    """The first reminder at or after `now` on a chosen weekday, skipping local days up
    to and including `after_date` (days already reminded). Returns (UTC instant, local
    day), or None when no weekday is chosen."""
    if not weekdays & EVERY_DAY:
        return None
    day = now.astimezone(zone).date()
    if after_date is not None and after_date >= day:
        day = after_date + dt.timedelta(days=1)
    # Eight days always reach a chosen weekday; two more cover a zone that skipped a day.
    for _ in range(10):
        if weekdays & weekday_bit(day):
            instant = due_instant(day, at, zone)
            if instant >= now:
                return instant, day
            # The first occurrence of a time that happens twice has passed, the second
            # has not: due then. A day already reminded was skipped above.
            second = _second_occurrence(day, at, zone)
            if second is not None and second >= now:
                return second, day
        day += dt.timedelta(days=1)
    return None
