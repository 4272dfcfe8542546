"""Writes that span models: goal settings (user + progress settings) and logging a past
day into the tracking tables."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction

from tracking.models import CheckIn, Session

from .models import ProgressSettings

if TYPE_CHECKING:
    from accounts.models import User
    from routines.models import Routine


@transaction.atomic
def progress_settings_update(
    *, user: User, weekly_goal: int, rest_weekdays: list[int]
) -> ProgressSettings:
    user.weekly_goal = weekly_goal
    user.save(update_fields=["weekly_goal"])
    prefs, _ = ProgressSettings.objects.update_or_create(
        user=user, defaults={"rest_weekdays": sorted(set(rest_weekdays))}
    )
    return prefs


def checkin_log(*, user: User, day: dt.date, pain: int, note: str = "") -> CheckIn:
    """Record (or correct) the check-in of a past local day."""
    checkin, _ = CheckIn.objects.update_or_create(
        user=user, local_date=day, defaults={"pain": pain, "note": note}
    )
    return checkin


def session_log(
    *,
    user: User,
    routine: Routine,
    day: dt.date,
    pain_before: int | None = None,
    pain_after: int | None = None,
    note: str = "",
) -> Session:
    """Record a routine done on a past local day, without the player: a completed session
    with its ratings and no step records. Its times are midday of that day in the user's
    zone (stored in UTC), so it sorts and displays on the right day."""
    midday = dt.datetime.combine(day, dt.time(12), tzinfo=user.zone).astimezone(dt.UTC)
    return Session.objects.create(
        user=user,
        routine=routine,
        status=Session.Status.COMPLETED,
        local_date=day,
        started_at=midday,
        finished_at=midday,
        last_activity_at=midday,
        pain_before=pain_before,
        pain_after=pain_after,
        note=note,
        player_done=True,
    )
