import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from reminders.models import Reminder, ReminderSchedule
from reminders.schedule import due_instant, mask_from_days, next_due
from tests.factories import UserFactory

from .conftest import set_reminder

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager")]

UTC = dt.UTC


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected"),
    [
        # Clocks go forward at 02:00 → 03:00: 02:30 does not exist; sent at 03:00 CEST.
        ("Europe/Berlin", dt.date(2026, 3, 29), dt.time(2, 30), utc(2026, 3, 29, 1, 0)),
        # Clocks go back at 03:00 → 02:00: 02:30 happens twice; the first one (CEST).
        ("Europe/Berlin", dt.date(2026, 10, 25), dt.time(2, 30), utc(2026, 10, 25, 0, 30)),
        ("Europe/Berlin", dt.date(2026, 7, 1), dt.time(8, 0), utc(2026, 7, 1, 6, 0)),
        ("America/New_York", dt.date(2026, 3, 8), dt.time(2, 30), utc(2026, 3, 8, 7, 0)),
        ("America/New_York", dt.date(2026, 11, 1), dt.time(1, 30), utc(2026, 11, 1, 5, 30)),
        ("America/New_York", dt.date(2026, 1, 15), dt.time(8, 0), utc(2026, 1, 15, 13, 0)),
        # Lord Howe moves by 30 minutes: 02:00 → 02:30 in October, 02:00 → 01:30 in April.
        ("Australia/Lord_Howe", dt.date(2026, 10, 4), dt.time(2, 15), utc(2026, 10, 3, 15, 30)),
        ("Australia/Lord_Howe", dt.date(2026, 4, 5), dt.time(1, 45), utc(2026, 4, 4, 14, 45)),
        ("Australia/Lord_Howe", dt.date(2026, 7, 1), dt.time(8, 0), utc(2026, 6, 30, 21, 30)),
        ("Asia/Kolkata", dt.date(2026, 3, 29), dt.time(8, 0), utc(2026, 3, 29, 2, 30)),
        ("Asia/Kathmandu", dt.date(2026, 1, 2), dt.time(8, 0), utc(2026, 1, 2, 2, 15)),
        # UTC+14: the local morning of 2 January is the UTC evening of 1 January.
        ("Pacific/Kiritimati", dt.date(2026, 1, 2), dt.time(8, 0), utc(2026, 1, 1, 18, 0)),
        # DST starting at midnight: 00:30 does not exist; sent at 01:00.
        ("America/Santiago", dt.date(2026, 9, 6), dt.time(0, 30), utc(2026, 9, 6, 4, 0)),
    ],
)
def test_it_computes_the_utc_instant_of_a_local_time(zone, day, at, expected):
    assert due_instant(day, at, ZoneInfo(zone)) == expected


def test_a_time_in_the_gap_is_due_at_the_first_valid_local_time_after_it():
    zone = ZoneInfo("Europe/Berlin")
    instant = due_instant(dt.date(2026, 3, 29), dt.time(2, 30), zone)
    assert instant.astimezone(zone).time() == dt.time(3, 0)


def test_next_due_is_today_when_the_time_is_still_ahead():
    found = next_due(
        at=dt.time(8, 0),
        weekdays=0b1111111,
        zone=ZoneInfo("Asia/Kolkata"),
        now=utc(2026, 3, 2, 1, 0),  # 06:30 in Kolkata
    )
    assert found == (utc(2026, 3, 2, 2, 30), dt.date(2026, 3, 2))


def test_next_due_is_tomorrow_when_the_time_has_passed():
    found = next_due(
        at=dt.time(8, 0),
        weekdays=0b1111111,
        zone=ZoneInfo("Asia/Kolkata"),
        now=utc(2026, 3, 2, 3, 0),
    )
    assert found == (utc(2026, 3, 3, 2, 30), dt.date(2026, 3, 3))


def test_next_due_skips_days_already_reminded():
    found = next_due(
        at=dt.time(20, 0),
        weekdays=0b1111111,
        zone=ZoneInfo("Europe/Berlin"),
        now=utc(2026, 3, 2, 7, 0),
        after_date=dt.date(2026, 3, 2),
    )
    assert found == (utc(2026, 3, 3, 19, 0), dt.date(2026, 3, 3))


def test_next_due_only_falls_on_chosen_weekdays():
    # 2026-03-02 is a Monday; only Saturdays and Sundays chosen.
    found = next_due(
        at=dt.time(9, 0),
        weekdays=mask_from_days([5, 6]),
        zone=ZoneInfo("America/New_York"),
        now=utc(2026, 3, 2, 12, 0),
    )
    assert found == (utc(2026, 3, 7, 14, 0), dt.date(2026, 3, 7))


def test_next_due_is_none_without_any_weekday():
    found = next_due(at=dt.time(9, 0), weekdays=0, zone=ZoneInfo("UTC"), now=utc(2026, 3, 2))
    assert found is None


def _run_days(dispatch, user, start: dt.datetime, days: int) -> list[Reminder]:
    """Let the clock run over `days`, dispatching at each due time and one minute before."""
    with time_machine.travel(start, tick=False) as traveller:
        set_reminder(user, local_time=_time(user))
        for _ in range(days):
            row = ReminderSchedule.objects.get(user=user)
            traveller.move_to(row.next_reminder_at - dt.timedelta(minutes=1))
            assert dispatch().claimed == 0
            traveller.move_to(row.next_reminder_at)
            assert dispatch().claimed == 1
            assert dispatch().claimed == 0
    return list(Reminder.objects.filter(user=user).order_by("local_date"))


def _time(user) -> dt.time:
    return user._test_time


@pytest.mark.parametrize(
    ("zone", "at", "start", "first_local"),
    [
        ("Europe/Berlin", dt.time(2, 30), utc(2026, 3, 27, 12), "2026-03-28 02:30"),
        ("Europe/Berlin", dt.time(2, 30), utc(2026, 10, 23, 12), "2026-10-24 02:30"),
        ("America/New_York", dt.time(2, 30), utc(2026, 3, 6, 12), "2026-03-07 02:30"),
        ("America/New_York", dt.time(1, 30), utc(2026, 10, 30, 12), "2026-10-31 01:30"),
        ("Australia/Lord_Howe", dt.time(2, 15), utc(2026, 10, 2, 0), "2026-10-03 02:15"),
        ("Australia/Lord_Howe", dt.time(1, 45), utc(2026, 4, 3, 0), "2026-04-04 01:45"),
        ("Asia/Kolkata", dt.time(8, 0), utc(2026, 3, 27, 12), "2026-03-28 08:00"),
        ("Pacific/Kiritimati", dt.time(8, 0), utc(2025, 12, 30, 20), "2026-01-01 08:00"),
    ],
)
def test_over_a_dst_weekend_each_local_day_gets_exactly_one_email(
    dispatch, zone, at, start, first_local
):
    user = UserFactory(time_zone=zone)
    user._test_time = at
    reminders = _run_days(dispatch, user, start, days=4)
    first = dt.date.fromisoformat(first_local[:10])
    assert [r.local_date for r in reminders] == [first + dt.timedelta(days=n) for n in range(4)]
    assert all(r.status == Reminder.Status.SENT for r in reminders)
    assert len(mail.outbox) == 4
    # Each was sent at the chosen local time, or at the first valid time after it.
    zone_info = ZoneInfo(zone)
    for reminder in reminders:
        local = reminder.due_at.astimezone(zone_info)
        assert local.date() == reminder.local_date
        assert local.time() >= at
        assert (local - dt.datetime.combine(reminder.local_date, at, zone_info)) <= dt.timedelta(
            hours=1
        )
    assert reminders[0].due_at.astimezone(zone_info).strftime("%Y-%m-%d %H:%M") == first_local


# 2026-11-01 in New York: clocks go back at 02:00 EDT to 01:00 EST, so 01:30 happens
# twice: 05:30 UTC (EDT) and 06:30 UTC (EST).
FIRST_0130 = utc(2026, 11, 1, 5, 30)
SECOND_0130 = utc(2026, 11, 1, 6, 30)


def test_next_due_between_the_two_occurrences_of_a_time_is_the_second_one():
    found = next_due(
        at=dt.time(1, 30),
        weekdays=0b1111111,
        zone=ZoneInfo("America/New_York"),
        now=utc(2026, 11, 1, 6, 0),  # 01:00 EST, after the first 01:30
    )
    assert found == (SECOND_0130, dt.date(2026, 11, 1))


def test_next_due_after_both_occurrences_is_the_next_day():
    found = next_due(
        at=dt.time(1, 30),
        weekdays=0b1111111,
        zone=ZoneInfo("America/New_York"),
        now=utc(2026, 11, 1, 6, 31),
    )
    assert found == (utc(2026, 11, 2, 6, 30), dt.date(2026, 11, 2))


def _turn_on_at_0130(user):
    set_reminder(user, local_time=dt.time(1, 30))


def test_turned_on_between_the_two_occurrences_the_reminder_goes_at_the_second(dispatch):
    user = UserFactory(time_zone="America/New_York")
    with time_machine.travel(utc(2026, 11, 1, 6, 0), tick=False) as traveller:
        _turn_on_at_0130(user)
        assert ReminderSchedule.objects.get(user=user).next_reminder_at == SECOND_0130
        traveller.move_to(SECOND_0130 - dt.timedelta(minutes=1))
        assert dispatch().claimed == 0
        traveller.move_to(SECOND_0130)
        assert dispatch().claimed == 1
        assert dispatch().claimed == 0
        # Later that day, still nothing more; the next one is tomorrow at 01:30 EST.
        traveller.move_to(utc(2026, 11, 1, 20, 0))
        assert dispatch().claimed == 0
        row = ReminderSchedule.objects.get(user=user)
        assert row.next_reminder_at == utc(2026, 11, 2, 6, 30)
    assert [(r.local_date, r.status) for r in Reminder.objects.filter(user=user)] == [
        (dt.date(2026, 11, 1), Reminder.Status.SENT)
    ]
    assert len(mail.outbox) == 1


def test_a_reminder_sent_at_the_first_occurrence_is_not_sent_again_at_the_second(dispatch):
    user = UserFactory(time_zone="America/New_York")
    with time_machine.travel(utc(2026, 10, 31, 12, 0), tick=False) as traveller:
        _turn_on_at_0130(user)
        traveller.move_to(utc(2026, 11, 1, 1, 0))
        assert dispatch().claimed == 0
        traveller.move_to(FIRST_0130)
        assert dispatch().claimed == 1
        # Saving the settings again between the two occurrences plans tomorrow, not today.
        traveller.move_to(utc(2026, 11, 1, 6, 0))
        _turn_on_at_0130(user)
        traveller.move_to(SECOND_0130)
        assert dispatch().claimed == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.filter(user=user).count() == 1
