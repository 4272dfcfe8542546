"""Writes that span models: goal settings (user + progress settings). Logging a past day
goes through tracking's own services, so every rating is evaluated the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from .models import ProgressSettings

if TYPE_CHECKING:
    from accounts.models import User


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
