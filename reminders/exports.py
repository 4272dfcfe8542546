"""Reminder settings and every reminder in "Download everything" (backease/exports.py)."""

from backease.exports import register

from .models import Reminder, ReminderSettings

register(
    "reminder_settings",
    ReminderSettings,
    [
        "enabled",
        "local_time",
        "weekdays",
        "skip_if_done",
        "next_reminder_at",
        "next_local_date",
        "created_at",
        "updated_at",
    ],
)
register(
    "reminders",
    Reminder,
    ["local_date", "due_at", "status", "attempts", "created_at", "finished_at"],
    order_by=("local_date",),
)
