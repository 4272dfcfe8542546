import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory

BEFORE = [("reminders", "0002_schedules")]
UTC = dt.UTC


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes("reminders")


@pytest.mark.django_db(transaction=True)
def test_everyone_keeps_their_single_reminder_as_their_first_of_several():
    latest = _latest()
    old = _migrate(BEFORE)
    try:
        Settings = old.get_model("reminders", "ReminderSettings")
        OldReminder = old.get_model("reminders", "Reminder")
        on, off = UserFactory(time_zone="Europe/Berlin"), UserFactory()
        due = dt.datetime(2026, 3, 3, 6, 30, tzinfo=UTC)
        Settings.objects.create(
            user_id=on.pk,
            enabled=True,
            local_time=dt.time(7, 30),
            weekdays=0b0011111,
            skip_if_done=False,
            next_reminder_at=due,
            next_local_date=dt.date(2026, 3, 3),
        )
        Settings.objects.create(user_id=off.pk, enabled=False)
        now = dt.datetime(2026, 3, 2, 6, 30, tzinfo=UTC)
        sent = OldReminder.objects.create(
            user_id=on.pk,
            local_date=dt.date(2026, 3, 2),
            due_at=now,
            status="sent",
            created_at=now,
            queued_at=now,
        )
    finally:
        new = _migrate(latest)
    Schedule = new.get_model("reminders", "ReminderSchedule")
    Reminder = new.get_model("reminders", "Reminder")
    mine = Schedule.objects.get(user_id=on.pk)
    assert (mine.enabled, mine.local_time, mine.weekdays, mine.skip_if_done) == (
        True,
        dt.time(7, 30),
        0b0011111,
        False,
    )
    assert (mine.next_reminder_at, mine.next_local_date) == (due, dt.date(2026, 3, 3))
    assert mine.routine_id is None
    # The day already sent belongs to the reminder, so it is not sent again.
    assert Reminder.objects.get(pk=sent.pk).schedule_id == mine.pk
    theirs = Schedule.objects.get(user_id=off.pk)
    assert not theirs.enabled
    assert len({mine.token, theirs.token}) == 2
    assert len(mine.token) >= 32
