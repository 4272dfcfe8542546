from django.contrib import admin

from .models import Reminder, ReminderSchedule


@admin.register(ReminderSchedule)
class ReminderScheduleAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "label",
        "enabled",
        "local_time",
        "weekdays",
        "routine",
        "skip_if_done",
        "next_reminder_at",
    ]
    list_filter = ["enabled", "skip_if_done"]
    search_fields = ["user__email", "label"]
    raw_id_fields = ["user", "routine"]
    # The token is the unsubscribe link's authority: never shown, not even to staff.
    exclude = ["token"]
    readonly_fields = ["next_reminder_at", "next_local_date", "created_at", "updated_at"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "schedule",
        "local_date",
        "status",
        "attempts",
        "due_at",
        "finished_at",
        "error",
    ]
    list_filter = ["status", "local_date"]
    search_fields = ["user__email"]
    raw_id_fields = ["user", "schedule"]
    date_hierarchy = "local_date"
    readonly_fields = [
        "local_date",
        "due_at",
        "attempts",
        "error",
        "created_at",
        "queued_at",
        "claimed_at",
        "finished_at",
    ]
