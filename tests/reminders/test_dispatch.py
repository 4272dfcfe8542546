import datetime as dt
import smtplib
import threading
from zoneinfo import ZoneInfo

import pytest
import time_machine
from celery.exceptions import SoftTimeLimitExceeded
from django.core import mail
from django.db import connection
from django.urls import reverse

from backease.celery import app as celery_app
from reminders import services, tasks
from reminders.models import Reminder, ReminderSchedule
from tests.factories import SessionFactory, UserFactory

from .conftest import require_postgres, set_reminder

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager")]

UTC = dt.UTC
# 2026-03-02 is a Monday. 08:00 in Berlin is 07:00 UTC.
BEFORE = dt.datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
DUE = dt.datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def set_up(user, *, at=dt.time(8, 0), now=BEFORE, **kwargs) -> ReminderSchedule:
    return set_reminder(user, local_time=at, now=now, **kwargs)


@pytest.fixture
def berliner(user):
    user.time_zone = "Europe/Berlin"
    user.save()
    set_up(user)
    return user


def test_turning_reminders_on_plans_the_next_one_in_utc(berliner):
    row = ReminderSchedule.objects.get(user=berliner)
    assert row.next_reminder_at == DUE
    assert row.next_local_date == dt.date(2026, 3, 2)


def test_a_newcomer_has_no_reminders_until_they_add_one(user, dispatch):
    assert not ReminderSchedule.objects.filter(user=user).exists()
    with time_machine.travel(DUE, tick=False):
        assert dispatch().claimed == 0


def test_a_reminder_turned_off_plans_nothing_and_sends_nothing(berliner, dispatch):
    set_up(berliner, enabled=False)
    assert ReminderSchedule.objects.get(user=berliner).next_reminder_at is None
    with time_machine.travel(DUE, tick=False):
        assert dispatch().claimed == 0
    assert mail.outbox == []


def test_dispatch_sends_one_email_to_each_due_person_and_plans_tomorrow(berliner, dispatch):
    not_due = UserFactory(time_zone="America/New_York")
    set_up(not_due)
    with time_machine.travel(DUE, tick=False):
        result = dispatch()
    assert result.claimed == 1
    assert [m.to for m in mail.outbox] == [[berliner.email]]
    reminder = Reminder.objects.get()
    assert reminder.user == berliner
    assert reminder.status == Reminder.Status.SENT
    assert reminder.local_date == dt.date(2026, 3, 2)
    row = ReminderSchedule.objects.get(user=berliner)
    assert row.next_reminder_at == DUE + dt.timedelta(days=1)
    assert ReminderSchedule.objects.get(user=not_due).next_reminder_at > DUE


def test_dispatch_twice_in_a_row_sends_one_email_per_person(berliner, other_user, dispatch):
    other_user.time_zone = "Asia/Kolkata"
    other_user.save()
    set_up(other_user, at=dt.time(12, 30), now=BEFORE)  # 07:00 UTC too
    with time_machine.travel(DUE + dt.timedelta(seconds=5), tick=False):
        first = dispatch()
        second = dispatch()
    assert (first.claimed, second.claimed) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([berliner.email, other_user.email])


def test_dispatch_uses_a_handful_of_queries_however_many_are_due(
    django_assert_max_num_queries, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.extend)
    for n in range(60):
        set_up(UserFactory(time_zone=["Europe/Berlin", "Europe/London", "UTC"][n % 3]))
    # Two batches of 50 and 10, then the check for lost messages.
    with (
        time_machine.travel(DUE + dt.timedelta(hours=2), tick=False),
        django_assert_max_num_queries(20),
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = services.reminders_dispatch(batch_size=50)
    assert result.claimed == 60
    assert len(queued) == len(set(queued)) == 60


def test_a_late_dispatch_still_sends_a_reminder_that_is_due_today(berliner, dispatch):
    # The beat was down from 08:00 to 21:00 local time.
    with time_machine.travel(DUE + dt.timedelta(hours=13), tick=False):
        assert dispatch().claimed == 1
    assert len(mail.outbox) == 1


def test_a_reminder_missed_on_a_past_day_is_not_sent_late(berliner, dispatch):
    # Down until 01:00 the next morning: yesterday's reminder is dropped, today's planned.
    with time_machine.travel(dt.datetime(2026, 3, 3, 0, 0, tzinfo=UTC), tick=False):
        result = dispatch()
    assert (result.claimed, result.missed) == (0, 1)
    assert mail.outbox == []
    assert ReminderSchedule.objects.get(user=berliner).next_reminder_at == DUE + dt.timedelta(
        days=1
    )


def test_changing_the_time_after_todays_reminder_does_not_send_twice(berliner, dispatch):
    with time_machine.travel(DUE, tick=False):
        dispatch()
    later = DUE + dt.timedelta(hours=1)
    with time_machine.travel(later, tick=False):
        set_up(berliner, at=dt.time(20, 0), now=later)
        row = ReminderSchedule.objects.get(user=berliner)
        assert row.next_local_date == dt.date(2026, 3, 3)
    with time_machine.travel(dt.datetime(2026, 3, 2, 19, 0, tzinfo=UTC), tick=False):
        assert dispatch().claimed == 0
    assert len(mail.outbox) == 1


def test_changing_the_time_before_todays_reminder_moves_it(berliner, dispatch):
    set_up(berliner, at=dt.time(9, 30))
    with time_machine.travel(DUE, tick=False):
        assert dispatch().claimed == 0
    with time_machine.travel(DUE + dt.timedelta(minutes=90), tick=False):
        assert dispatch().claimed == 1


def test_changing_the_zone_on_the_profile_moves_the_next_reminder(berliner, client, dispatch):
    client.force_login(berliner)
    with time_machine.travel(DUE, tick=False):
        dispatch()  # today's Berlin reminder is sent
    with time_machine.travel(DUE + dt.timedelta(minutes=30), tick=False):
        response = client.post(
            reverse("accounts:profile"),
            {"display_name": berliner.display_name, "time_zone": "America/New_York"},
        )
        assert response.status_code == 302
    row = ReminderSchedule.objects.get(user=berliner)
    # 08:00 in New York is still ahead today, but today already had its reminder.
    assert row.next_local_date == dt.date(2026, 3, 3)
    assert row.next_reminder_at == dt.datetime(2026, 3, 3, 13, 0, tzinfo=UTC)
    with time_machine.travel(dt.datetime(2026, 3, 2, 13, 0, tzinfo=UTC), tick=False):
        assert dispatch().claimed == 0
    assert len(mail.outbox) == 1


def test_skip_if_done_is_checked_at_send_time(berliner, dispatch, monkeypatch):
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.extend)
    with time_machine.travel(DUE, tick=False):
        dispatch()
        # The routine is finished between the claim and the send.
        SessionFactory(user=berliner, local_date=dt.date(2026, 3, 2))
        assert services.reminder_send(reminder_id=queued[0]) == "skipped"
    assert mail.outbox == []
    assert Reminder.objects.get().status == Reminder.Status.SKIPPED


def test_a_done_routine_does_not_skip_the_reminder_when_the_person_wants_it_anyway(
    berliner, dispatch
):
    set_up(berliner, skip_if_done=False)
    SessionFactory(user=berliner, local_date=dt.date(2026, 3, 2))
    with time_machine.travel(DUE, tick=False):
        dispatch()
    assert len(mail.outbox) == 1


def test_unsubscribing_after_the_claim_cancels_the_send(berliner, dispatch, monkeypatch):
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.extend)
    with time_machine.travel(DUE, tick=False):
        dispatch()
        services.reminder_unsubscribe(schedule=ReminderSchedule.objects.get(user=berliner))
        assert services.reminder_send(reminder_id=queued[0]) == "cancelled"
    assert mail.outbox == []


class FlakySMTP:
    """Fails the first `failures` sends with an SMTP error, then lets them through."""

    def __init__(self, monkeypatch, failures: int):
        self.failures = failures
        self.calls = 0
        backend = type(mail.mailers.default)
        original = backend.send_messages

        def send_messages(mailer, messages):
            self.calls += 1
            if self.calls <= self.failures:
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            return original(mailer, messages)

        monkeypatch.setattr(backend, "send_messages", send_messages)


def test_a_send_retried_after_an_smtp_error_sends_one_email(berliner, dispatch, monkeypatch):
    celery_app.conf.task_eager_propagates = False  # so eager tasks retry
    smtp = FlakySMTP(monkeypatch, failures=2)
    with time_machine.travel(DUE, tick=False):
        dispatch()
    assert smtp.calls == 3
    assert len(mail.outbox) == 1
    reminder = Reminder.objects.get()
    assert reminder.status == Reminder.Status.SENT
    assert reminder.attempts == 3
    assert "SMTPServerDisconnected" in reminder.error


def test_after_five_tries_against_an_unreachable_server_the_reminder_waits_for_dispatch(
    berliner, dispatch, monkeypatch
):
    celery_app.conf.task_eager_propagates = False  # so eager tasks retry
    smtp = FlakySMTP(monkeypatch, failures=5)
    with time_machine.travel(DUE, tick=False):
        dispatch()
    assert smtp.calls == 5
    reminder = Reminder.objects.get()
    assert reminder.status == Reminder.Status.PENDING
    assert reminder.attempts == 5
    assert reminder.error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert mail.outbox == []
    # The server is back; a later dispatch queues the reminder again and it goes, once.
    with time_machine.travel(DUE + dt.timedelta(minutes=25), tick=False):
        assert dispatch().requeued == 1
        assert dispatch().requeued == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().status == Reminder.Status.SENT


def test_a_refused_address_marks_the_reminder_failed_with_the_error(
    berliner, dispatch, monkeypatch
):
    celery_app.conf.task_eager_propagates = False

    def refuse(mailer, messages):
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (550, b"No such user")})

    monkeypatch.setattr(type(mail.mailers.default), "send_messages", refuse)
    with time_machine.travel(DUE, tick=False):
        dispatch()
    reminder = Reminder.objects.get()
    assert reminder.status == Reminder.Status.FAILED
    assert reminder.error.startswith("SMTPRecipientsRefused")
    with time_machine.travel(DUE + dt.timedelta(minutes=25), tick=False):
        assert dispatch().requeued == 0


def test_a_send_task_run_twice_sends_once(berliner, dispatch, monkeypatch):
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.extend)
    with time_machine.travel(DUE, tick=False):
        dispatch()
        assert tasks.send_reminder.delay(queued[0]).get() == "sent"
        assert tasks.send_reminder.delay(queued[0]).get() == "not claimed"
    assert len(mail.outbox) == 1


def test_a_reminder_whose_message_was_lost_is_queued_again_and_sent_once(berliner, dispatch):
    # The broker restarted and lost the queued message: the row waits, pending.
    with time_machine.travel(DUE, tick=False):
        services.reminders_dispatch()  # its on-commit enqueue never runs here
    assert Reminder.objects.get().status == Reminder.Status.PENDING
    with time_machine.travel(DUE + dt.timedelta(minutes=5), tick=False):
        assert dispatch().requeued == 0  # it may still be in a long queue
    with time_machine.travel(DUE + dt.timedelta(minutes=25), tick=False):
        assert dispatch().requeued == 1
        assert dispatch().requeued == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().status == Reminder.Status.SENT


def test_a_reminder_whose_sender_died_is_taken_over_after_its_lease(berliner, dispatch):
    with time_machine.travel(DUE, tick=False):
        services.reminders_dispatch()
        # A worker claimed it and was killed before sending.
        Reminder.objects.update(status=Reminder.Status.SENDING, claimed_at=DUE, attempts=1)
        reminder_id = Reminder.objects.get().pk
        # Redelivered at once: the lease still runs, so nothing is sent twice.
        assert services.reminder_send(reminder_id=reminder_id) == "not claimed"
    with time_machine.travel(DUE + dt.timedelta(minutes=3), tick=False):
        assert dispatch().requeued == 1
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().attempts == 2


@pytest.mark.django_db(transaction=True)
def test_two_dispatches_at_once_send_one_email_per_reminder(eager):
    require_postgres()
    for n in range(150):
        person = UserFactory(time_zone=["Europe/Berlin", "Europe/London", "UTC"][n % 3])
        set_up(person)
        services.reminder_add(user=person, local_time=dt.time(9, 0), weekdays=127, now=BEFORE)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(services.reminders_dispatch(batch_size=40))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    with time_machine.travel(DUE + dt.timedelta(hours=3), tick=False):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert sum(r.claimed for r in results) == 300
    ids = [m.extra_headers["Message-ID"] for m in mail.outbox]
    assert len(ids) == len(set(ids)) == 300
    recipients = [m.to[0] for m in mail.outbox]
    assert all(recipients.count(r) == 2 for r in set(recipients))
    assert Reminder.objects.filter(status=Reminder.Status.SENT).count() == 300


# --- Several reminders a day ------------------------------------------------------------


def test_changing_the_zone_on_the_profile_moves_every_reminder(berliner, client, dispatch):
    evening = services.reminder_add(
        user=berliner, local_time=dt.time(18, 0), weekdays=127, now=BEFORE
    )
    client.force_login(berliner)
    with time_machine.travel(DUE, tick=False):
        dispatch()  # today's 08:00 Berlin reminder is sent; 18:00 is still ahead
    with time_machine.travel(DUE + dt.timedelta(minutes=30), tick=False):
        response = client.post(
            reverse("accounts:profile"),
            {"display_name": berliner.display_name, "time_zone": "America/New_York"},
        )
        assert response.status_code == 302
    morning = ReminderSchedule.objects.exclude(pk=evening.pk).get(user=berliner)
    evening.refresh_from_db()
    assert morning.next_reminder_at == dt.datetime(2026, 3, 3, 13, 0, tzinfo=UTC)
    # 18:00 in New York today (23:00 UTC): that reminder has not been sent today.
    assert evening.next_reminder_at == dt.datetime(2026, 3, 2, 23, 0, tzinfo=UTC)


def test_two_reminders_due_at_once_send_two_emails_once_each(berliner, dispatch):
    services.reminder_add(user=berliner, local_time=dt.time(8, 0), weekdays=127, now=BEFORE)
    with time_machine.travel(DUE, tick=False):
        assert dispatch().claimed == 2
        assert dispatch().claimed == 0
    assert len(mail.outbox) == 2
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == 2


def test_skip_if_done_is_judged_per_reminder(user, dispatch):
    from routines.models import Routine

    desk = Routine.objects.published().get(slug="desk-break")
    evening = Routine.objects.published().get(slug="evening-release")
    day = dt.date(2026, 3, 2)  # the user lives in London: local time is UTC here
    with time_machine.travel(BEFORE, tick=False):
        services.reminder_add(user=user, local_time=dt.time(11, 0), weekdays=127, routine=desk)
        services.reminder_add(user=user, local_time=dt.time(20, 0), weekdays=127, routine=evening)
        services.reminder_add(
            user=user, local_time=dt.time(21, 0), weekdays=127, skip_if_done=False
        )
    # The desk break was done before its reminder; the evening routine was not.
    SessionFactory(user=user, routine=desk, local_date=day)
    for hour in (11, 20, 21):
        with time_machine.travel(dt.datetime(2026, 3, 2, hour, 0, tzinfo=UTC), tick=False):
            dispatch()
    statuses = dict(
        Reminder.objects.filter(user=user).values_list("schedule__local_time", "status")
    )
    assert statuses == {
        dt.time(11, 0): Reminder.Status.SKIPPED,
        dt.time(20, 0): Reminder.Status.SENT,
        dt.time(21, 0): Reminder.Status.SENT,
    }
    assert len(mail.outbox) == 2


def test_a_reminder_without_a_routine_is_skipped_by_any_routine_done_that_day(user, dispatch):
    with time_machine.travel(BEFORE, tick=False):
        services.reminder_add(user=user, local_time=dt.time(11, 0), weekdays=127)
    SessionFactory(user=user, local_date=dt.date(2026, 3, 2))
    with time_machine.travel(dt.datetime(2026, 3, 2, 11, 0, tzinfo=UTC), tick=False):
        dispatch()
    assert Reminder.objects.get().status == Reminder.Status.SKIPPED
    assert mail.outbox == []


def test_a_reminder_deleted_after_its_claim_is_not_sent(berliner, dispatch, monkeypatch):
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.extend)
    with time_machine.travel(DUE, tick=False):
        dispatch()
        services.reminder_delete(schedule=ReminderSchedule.objects.get(user=berliner))
        assert services.reminder_send(reminder_id=queued[0]) == "not claimed"
    assert mail.outbox == []


def test_unsubscribing_one_reminder_after_the_claims_cancels_only_its_send(
    berliner, dispatch, monkeypatch
):
    other = services.reminder_add(user=berliner, local_time=dt.time(8, 0), weekdays=127, now=BEFORE)
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.extend)
    with time_machine.travel(DUE, tick=False):
        dispatch()
        services.reminder_unsubscribe(schedule=other)
        results = sorted(services.reminder_send(reminder_id=pk) for pk in queued)
    assert results == ["cancelled", "sent"]
    assert len(mail.outbox) == 1


# Each person has three reminders: one in the night (02:30, inside a DST change in every
# one of these zones on the days run), one at noon and one in the evening.
DST_RUNS = [
    ("Europe/Berlin", utc(2026, 3, 27, 12), 4),  # 29 March: 02:00 → 03:00
    ("Europe/Berlin", utc(2026, 10, 23, 12), 4),  # 25 October: 03:00 → 02:00
    ("America/New_York", utc(2026, 3, 6, 12), 4),  # 8 March: 02:00 → 03:00
    ("America/New_York", utc(2026, 10, 30, 12), 4),  # 1 November: 02:00 → 01:00
    ("Australia/Sydney", utc(2026, 4, 2, 12), 4),  # 5 April: 03:00 → 02:00
    ("Australia/Sydney", utc(2026, 10, 1, 12), 4),  # 4 October: 02:00 → 03:00
]


@pytest.mark.parametrize(("zone", "start", "days"), DST_RUNS)
def test_each_of_several_reminders_goes_once_per_local_day_across_dst(dispatch, zone, start, days):
    times = [dt.time(2, 30), dt.time(12, 0), dt.time(21, 15)]
    people = [UserFactory(time_zone=zone) for _ in range(2)]
    zone_info = ZoneInfo(zone)
    with time_machine.travel(start, tick=False) as traveller:
        for person in people:
            for at in times[: 2 + people.index(person)]:  # two reminders, then three
                services.reminder_add(user=person, local_time=at, weekdays=127)
        end = start + dt.timedelta(days=days)
        while True:
            upcoming = ReminderSchedule.objects.exclude(next_reminder_at=None).order_by(
                "next_reminder_at"
            )
            when = upcoming.values_list("next_reminder_at", flat=True).first()
            if when is None or when >= end:
                break
            traveller.move_to(when - dt.timedelta(minutes=1))
            dispatch()
            traveller.move_to(when)
            dispatch()
            traveller.move_to(when + dt.timedelta(minutes=30))
            dispatch()
    for person in people:
        for schedule in ReminderSchedule.objects.filter(user=person):
            sends = list(Reminder.objects.filter(schedule=schedule).order_by("local_date"))
            days_sent = [r.local_date for r in sends]
            assert len(days_sent) == len(set(days_sent)), (schedule.local_time, days_sent)
            assert len(days_sent) >= days - 1
            assert days_sent == [days_sent[0] + dt.timedelta(days=n) for n in range(len(days_sent))]
            for send in sends:
                assert send.status == Reminder.Status.SENT
                local = send.due_at.astimezone(zone_info)
                assert local.date() == send.local_date
                # At the chosen time, or in a gap at the first valid time after it.
                wanted = dt.datetime.combine(send.local_date, schedule.local_time, zone_info)
                assert dt.timedelta(0) <= local - wanted <= dt.timedelta(hours=1)
    expected = sum(Reminder.objects.filter(user=p).count() for p in people)
    assert len(mail.outbox) == expected
    per_day = Reminder.objects.values_list("schedule_id", "local_date")
    assert len(per_day) == len(set(per_day))


# --- Batches: one mail server connection for many reminders ---------------------------


def _due_crowd(n: int) -> list:
    people = [UserFactory(time_zone="Europe/Berlin") for _ in range(n)]
    for person in people:
        set_up(person)
    return people


def test_a_batch_of_reminders_goes_over_one_connection(dispatch, monkeypatch):
    _due_crowd(6)
    backend = type(mail.mailers.default)
    opened = []
    original = backend.open

    def open_(mailer):
        opened.append(mailer)
        return original(mailer)

    monkeypatch.setattr(backend, "open", open_)
    with time_machine.travel(DUE, tick=False):
        assert dispatch().claimed == 6
    assert len(mail.outbox) == 6
    assert len(opened) == 1


def test_a_server_lost_mid_batch_sends_the_rest_once_when_retried(dispatch, monkeypatch):
    celery_app.conf.task_eager_propagates = False  # so eager tasks retry
    _due_crowd(5)
    backend = type(mail.mailers.default)
    original = backend.send_messages
    calls = []

    def send_messages(mailer, messages):
        calls.append(messages[0].to[0])
        if len(calls) == 3:  # the connection drops on the third message
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return original(mailer, messages)

    monkeypatch.setattr(backend, "send_messages", send_messages)
    with time_machine.travel(DUE, tick=False):
        dispatch()
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 5
    assert Reminder.objects.filter(status=Reminder.Status.SENT).count() == 5
    # The two sent before the drop were not claimed again by the retry.
    assert sorted(Reminder.objects.values_list("attempts", flat=True)) == [1, 1, 2, 2, 2]


def test_a_refused_address_in_a_batch_fails_alone(dispatch, monkeypatch):
    people = _due_crowd(4)
    refused = people[1].email
    backend = type(mail.mailers.default)
    original = backend.send_messages

    def send_messages(mailer, messages):
        if messages[0].to[0] == refused:
            raise smtplib.SMTPRecipientsRefused({refused: (550, b"No such user")})
        return original(mailer, messages)

    monkeypatch.setattr(backend, "send_messages", send_messages)
    with time_machine.travel(DUE, tick=False):
        dispatch()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        p.email for p in people if p.email != refused
    )
    failed = Reminder.objects.get(status=Reminder.Status.FAILED)
    assert failed.user == people[1]
    assert "No such user" in failed.error


def test_a_batch_task_run_twice_sends_each_reminder_once(dispatch, monkeypatch):
    _due_crowd(3)
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.extend)
    with time_machine.travel(DUE, tick=False):
        dispatch()
        assert tasks.send_reminders.delay(queued).get() == {"sent": 3}
        assert tasks.send_reminders.delay(queued).get() == {}
    assert len(mail.outbox) == 3


def _claimed_crowd(n: int, monkeypatch, on_commit) -> list[int]:
    """`n` due people with a history (sessions, pain, days off, chosen routines), their
    reminders created by a dispatch whose send tasks are held back; the new row ids."""
    from routines.models import Routine
    from tests.factories import CheckInFactory, PauseFactory, ProgressSettingsFactory

    routines = list(Routine.objects.published()[:2])
    for i, person in enumerate(_due_crowd(n)):
        if i % 2:
            person.preferred_routine = routines[0]
            person.save()
        if i % 3:
            ReminderSchedule.objects.filter(user=person).update(routine=routines[1])
        SessionFactory(user=person, local_date=dt.date(2026, 3, 1), routine=routines[0])
        CheckInFactory(user=person, local_date=dt.date(2026, 2, 27), pain=i % 10)
        ProgressSettingsFactory(user=person, rest_weekdays=[6])
        PauseFactory(user=person, start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 3))
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.extend)
    with time_machine.travel(DUE, tick=False), on_commit(execute=True):
        services.reminders_dispatch()
    monkeypatch.undo()
    assert len(queued) == n
    return queued


def test_a_batch_costs_the_same_queries_plus_one_per_email_whatever_its_size(
    monkeypatch, django_capture_on_commit_callbacks
):
    from django.test.utils import CaptureQueriesContext

    ids = _claimed_crowd(12, monkeypatch, django_capture_on_commit_callbacks)
    counts = []
    for batch in (ids[:2], ids[2:]):
        with time_machine.travel(DUE, tick=False), CaptureQueriesContext(connection) as queries:
            outcome = services.reminders_send(reminder_ids=batch)
        assert set(outcome.values()) == {"sent"}
        # Each row is marked sent on its own, right after its message is accepted.
        counts.append(len(queries) - len(batch))
    assert counts[0] == counts[1]
    assert len(mail.outbox) == 12
    assert Reminder.objects.filter(status=Reminder.Status.SENT).count() == 12


def test_a_batch_of_fifty_stays_within_its_query_budget(
    monkeypatch, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    ids = _claimed_crowd(50, monkeypatch, django_capture_on_commit_callbacks)
    with time_machine.travel(DUE, tick=False), django_assert_max_num_queries(16 + 50):
        assert len(services.reminders_send(reminder_ids=ids)) == 50
    assert len(mail.outbox) == 50


def test_an_error_mid_batch_marks_the_accepted_emails_sent_before_giving_the_rest_back(
    monkeypatch, django_capture_on_commit_callbacks
):
    ids = _claimed_crowd(4, monkeypatch, django_capture_on_commit_callbacks)
    backend = type(mail.mailers.default)
    original = backend.send_messages
    calls = []

    def send_messages(mailer, messages):
        calls.append(messages[0].to[0])
        if len(calls) == 3:  # the soft time limit, a bug: anything but an SMTP error
            raise RuntimeError("worker stopped")
        return original(mailer, messages)

    monkeypatch.setattr(backend, "send_messages", send_messages)
    with time_machine.travel(DUE, tick=False), pytest.raises(RuntimeError):
        services.reminders_send(reminder_ids=ids)
    statuses = list(Reminder.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["sent", "sent", "pending", "pending"]
    assert len(mail.outbox) == 2
    given_back = set(Reminder.objects.filter(status="pending").values_list("pk", flat=True))
    with time_machine.travel(DUE + dt.timedelta(minutes=1), tick=False):
        outcome = services.reminders_send(reminder_ids=ids)
    assert outcome == dict.fromkeys(given_back, "sent")
    assert len(given_back) == 2
    assert len(mail.outbox) == len({m.to[0] for m in mail.outbox}) == 4


def test_a_batch_that_runs_out_of_time_leaves_its_unsent_reminders_for_dispatch(
    berliner, other_user, dispatch, monkeypatch
):
    """A slow mail server makes a batch hit its time limit: what was sent stays sent, the
    rest waits (not failed) and goes with a later dispatch, once."""
    celery_app.conf.task_eager_propagates = False
    other_user.time_zone = "Europe/Berlin"
    other_user.save()
    set_up(other_user)
    send = type(mail.mailers.default).send_messages
    calls = []

    def slow(mailer, messages):
        calls.append(messages[0].to[0])
        if len(calls) == 2:
            raise SoftTimeLimitExceeded()
        return send(mailer, messages)

    monkeypatch.setattr(type(mail.mailers.default), "send_messages", slow)
    with time_machine.travel(DUE, tick=False):
        dispatch()
    statuses = sorted(Reminder.objects.values_list("status", flat=True))
    assert statuses == [Reminder.Status.PENDING, Reminder.Status.SENT]
    assert len(mail.outbox) == 1
    with time_machine.travel(DUE + dt.timedelta(minutes=25), tick=False):
        assert dispatch().requeued == 1
    assert len(mail.outbox) == 2
    assert {m.to[0] for m in mail.outbox} == {berliner.email, other_user.email}
    assert set(Reminder.objects.values_list("status", flat=True)) == {Reminder.Status.SENT}
