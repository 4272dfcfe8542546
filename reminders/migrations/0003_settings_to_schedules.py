"""Each person's single reminder (ReminderSettings) becomes their first ReminderSchedule,
with the same time, days, skip rule, on/off and next due time, and a fresh unsubscribe
token; the reminders already claimed or sent belong to it, so no day is sent twice."""

import secrets

from django.db import migrations


def forwards(apps, schema_editor):
    ReminderSettings = apps.get_model("reminders", "ReminderSettings")
    ReminderSchedule = apps.get_model("reminders", "ReminderSchedule")
    Reminder = apps.get_model("reminders", "Reminder")
    for old in ReminderSettings.objects.order_by("pk").iterator(chunk_size=2000):
        schedule = ReminderSchedule.objects.create(
            user_id=old.user_id,
            enabled=old.enabled,
            local_time=old.local_time,
            weekdays=old.weekdays,
            skip_if_done=old.skip_if_done,
            next_reminder_at=old.next_reminder_at,
            next_local_date=old.next_local_date,
            token=secrets.token_urlsafe(24),
        )
        Reminder.objects.filter(user_id=old.user_id).update(schedule=schedule)
    # A sent reminder always had its settings row; anything else has nothing to point at.
    Reminder.objects.filter(schedule__isnull=True).delete()


def backwards(apps, schema_editor):
    ReminderSettings = apps.get_model("reminders", "ReminderSettings")
    ReminderSchedule = apps.get_model("reminders", "ReminderSchedule")
    seen = set()
    for schedule in ReminderSchedule.objects.order_by("user_id", "local_time", "pk"):
        if schedule.user_id in seen:
            continue
        seen.add(schedule.user_id)
        ReminderSettings.objects.create(
            user_id=schedule.user_id,
            enabled=schedule.enabled,
            local_time=schedule.local_time,
            weekdays=schedule.weekdays,
            skip_if_done=schedule.skip_if_done,
            next_reminder_at=schedule.next_reminder_at,
            next_local_date=schedule.next_local_date,
        )


class Migration(migrations.Migration):
    dependencies = [("reminders", "0002_schedules")]

    operations = [migrations.RunPython(forwards, backwards)]
