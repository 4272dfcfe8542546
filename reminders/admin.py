from django.contrib import admin

from .models import Reminder, ReminderSettings


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "enabled", "local_time", "weekdays", "skip_if_done", "next_reminder_at"]
    list_filter = ["enabled", "skip_if_done"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    readonly_fields = ["next_reminder_at", "next_local_date", "created_at", "updated_at"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["user", "local_date", "status", "attempts", "due_at", "finished_at", "error"]
    list_filter = ["status", "local_date"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
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
