"""Reminder schedules and every reminder in "Download everything" (backease/exports.py).
A schedule's unsubscribe token is a secret and never leaves."""

from backease.exports import register

from .models import Reminder, ReminderSchedule

register(
    "reminder_schedules",
    ReminderSchedule,
    [
        "id",
        "label",
        "enabled",
        "local_time",
        "weekdays",
        ("routine", "routine__slug"),
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
    ["schedule_id", "local_date", "due_at", "status", "attempts", "created_at", "finished_at"],
    order_by=("local_date", "pk"),
)
