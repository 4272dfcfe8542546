"""Reminder writes: a person's reminders (up to five), the every-minute dispatch, and
sending one reminder.

The guarantees, for each reminder (one email per reminder per local day, none lost while
the day lasts):

1. Dispatch claims due reminder (ReminderSchedule) rows with SELECT … FOR UPDATE SKIP
   LOCKED, creates one `Reminder` row per (reminder, local day) — unique in the
   database — and moves each
   `next_reminder_at` on, all in one transaction, a batch at a time. Two dispatches
   at once take disjoint rows; a second dispatch finds nothing due.
2. A send task takes a reminder id and claims the row with a conditional UPDATE
   (pending → sending); only the winner sends, then marks it sent. A redelivered or
   duplicated task finds nothing to claim.
3. A row whose message was lost (broker restart) or whose sender died mid-send (its
   lease ran out) is queued again by the next dispatch, and sent if its day lasts.
"""

from __future__ import annotations

import datetime as dt
import email.headerregistry
import email.policy
import functools
import json
import logging
import re
import smtplib
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.db.models import F, Max, OuterRef, Q, Subquery
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from progress.stats import History, pain_trend_words_many
from routines.models import Routine
from tracking.models import Session, local_today

from .models import MAX_PER_PERSON, Reminder, ReminderSchedule
from .schedule import next_due

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "reminders.unsubscribe"
DISPATCH_BATCH = 10_000
# Reminders per send task: one mail server connection and one claim query each, small
# enough that a task ends in seconds and the worker pool shares the work.
SEND_BATCH = 100


def _lease() -> dt.timedelta:
    """How long a sender may hold a row before another may take it over. Longer than
    the send task's hard time limit, so a live sender is never overtaken."""
    return dt.timedelta(seconds=getattr(settings, "REMINDERS_SEND_LEASE_SECONDS", 120))


def _requeue_after() -> dt.timedelta:
    """How long a row may wait in the queue before dispatch queues it again. Longer than
    all of a send's retries with their backoff."""
    return dt.timedelta(seconds=getattr(settings, "REMINDERS_REQUEUE_AFTER_SECONDS", 20 * 60))


# --- A person's reminders --------------------------------------------------------------


class ReminderLimitReached(ValidationError):
    pass


def _locked_user(user: User) -> User:
    # Locking the person's row makes "at most five" hold when two adds race.
    return User.objects.select_for_update().get(pk=user.pk)


def reminder_add(
    *,
    user: User,
    local_time: dt.time,
    weekdays: int,
    routine: Routine | None = None,
    label: str = "",
    skip_if_done: bool = True,
    enabled: bool = True,
    now: dt.datetime | None = None,
) -> ReminderSchedule:
    """Add one of the person's reminders; refuses a sixth with ReminderLimitReached."""
    with transaction.atomic():
        _locked_user(user)
        if ReminderSchedule.objects.for_user(user).count() >= MAX_PER_PERSON:
            raise ReminderLimitReached(
                _("You can have up to %(max)d reminders. Delete one to add another.")
                % {"max": MAX_PER_PERSON},
                code="limit",
            )
        schedule = ReminderSchedule(user=user)
        _apply(
            schedule,
            user=user,
            local_time=local_time,
            weekdays=weekdays,
            routine=routine,
            label=label,
            skip_if_done=skip_if_done,
            enabled=enabled,
            now=now or timezone.now(),
        )
        schedule.save()
    return schedule


def add_reminder(
    user: User, *, local_time: dt.time, weekdays: int, routine: Routine | None = None
) -> ReminderSchedule:
    """For other apps (onboarding): give the person a reminder, on, skipping done days."""
    return reminder_add(user=user, local_time=local_time, weekdays=weekdays, routine=routine)


def reminder_update(
    *,
    schedule: ReminderSchedule,
    local_time: dt.time,
    weekdays: int,
    routine: Routine | None,
    label: str,
    skip_if_done: bool,
    enabled: bool,
    now: dt.datetime | None = None,
) -> ReminderSchedule:
    with transaction.atomic():
        row = (
            ReminderSchedule.objects.select_for_update().select_related("user").get(pk=schedule.pk)
        )
        _apply(
            row,
            user=row.user,
            local_time=local_time,
            weekdays=weekdays,
            routine=routine,
            label=label,
            skip_if_done=skip_if_done,
            enabled=enabled,
            now=now or timezone.now(),
        )
        row.save()
    return row


def reminder_delete(*, schedule: ReminderSchedule) -> None:
    # Its sent rows go with it (cascade): the history is about a reminder that is gone.
    ReminderSchedule.objects.filter(pk=schedule.pk).delete()


def _apply(
    row: ReminderSchedule,
    *,
    user: User,
    local_time: dt.time,
    weekdays: int,
    routine: Routine | None,
    label: str,
    skip_if_done: bool,
    enabled: bool,
    now: dt.datetime,
) -> None:
    row.enabled = enabled
    row.local_time = local_time.replace(second=0, microsecond=0, tzinfo=None)
    row.weekdays = weekdays
    row.routine = routine
    row.label = label.strip()
    row.skip_if_done = skip_if_done
    _set_next(row, user=user, now=now)


def reminders_reschedule(*, user: User, now: dt.datetime | None = None) -> None:
    """Recompute every reminder's next time after the user's time zone changed. Days that
    already had that reminder are skipped, so a change never sends one twice on a day."""
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(ReminderSchedule.objects.for_user(user).select_for_update())
        for row in rows:
            _set_next(row, user=user, now=now)
        ReminderSchedule.objects.bulk_update(
            rows, ["next_reminder_at", "next_local_date", "updated_at"]
        )


def reschedule_after_profile_change(*, user: User, changed: set[str], **_kwargs) -> None:
    """accounts.signals.profile_changed: every reminder follows a new time zone."""
    if "time_zone" in changed:
        reminders_reschedule(user=user)


def _set_next(row: ReminderSchedule, *, user: User, now: dt.datetime) -> None:
    last_day = None
    if row.pk is not None:
        last_day = Reminder.objects.filter(schedule=row).aggregate(last=Max("local_date"))["last"]
    row.next_reminder_at, row.next_local_date = row.compute_next(
        user=user, now=now, after_date=last_day
    )


def reminder_unsubscribe(*, schedule: ReminderSchedule) -> None:
    """Turn one reminder off (its link in an email, or its switch)."""
    ReminderSchedule.objects.filter(pk=schedule.pk).update(
        enabled=False, next_reminder_at=None, next_local_date=None, updated_at=timezone.now()
    )


def reminders_unsubscribe_all(*, user: User) -> None:
    ReminderSchedule.objects.for_user(user).update(
        enabled=False, next_reminder_at=None, next_local_date=None, updated_at=timezone.now()
    )


# Tokens of the single-reminder era: the user id, signed with a timestamp. Old emails still
# carry them; they are honoured (all reminders off) for a year after they were sent, then
# refused. New emails carry the reminder's random token, which reveals nothing.
LEGACY_TOKEN_MAX_AGE = dt.timedelta(days=365)
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,64}")


def schedule_from_unsubscribe_token(token: str) -> ReminderSchedule | None:
    # Only what new_token() makes can match; anything else (NUL bytes too) is not looked up.
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    return ReminderSchedule.objects.select_related("user").filter(token=token).first()


def user_from_legacy_unsubscribe_token(token: str) -> User | None:
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=LEGACY_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(user_id, int):
        return None
    return User.objects.filter(pk=user_id).first()


# --- Dispatch -------------------------------------------------------------------------


@dataclass
class DispatchResult:
    claimed: int = 0
    missed: int = 0
    requeued: int = 0


@functools.cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def reminders_dispatch(
    *, now: dt.datetime | None = None, batch_size: int = DISPATCH_BATCH
) -> DispatchResult:
    """Claim every due reminder and queue its send; queue again any that were lost.
    A few queries per batch of `batch_size` people, whatever their number."""
    now = now or timezone.now()
    result = DispatchResult()
    while True:
        claimed, missed, done = _dispatch_batch(now=now, batch_size=batch_size)
        result.claimed += claimed
        result.missed += missed
        if done:
            break
    result.requeued = _requeue_stranded(now=now, limit=batch_size * 5)
    return result


def _dispatch_batch(*, now: dt.datetime, batch_size: int) -> tuple[int, int, bool]:
    with transaction.atomic():
        rows = list(
            ReminderSchedule.objects.due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("next_reminder_at")
            .values_list(
                "id",
                "next_local_date",
                "local_time",
                "weekdays",
                "user__time_zone",
            )[:batch_size]
        )
        if not rows:
            return 0, 0, True
        today: dict[str, dt.date] = {}
        following: dict[tuple, tuple[dt.datetime, dt.date] | None] = {}
        claim: list[int] = []
        updates: list[tuple[int, dt.datetime | None, dt.date | None]] = []
        for schedule_id, day, at, weekdays, zone_name in rows:
            zone = _zone(zone_name)
            if zone_name not in today:
                today[zone_name] = now.astimezone(zone).date()
            if day is not None and day >= today[zone_name]:
                claim.append(schedule_id)
            # else its day is over (an outage): it is not sent late, only moved on.
            # People with the same zone, time and days share their next reminder.
            key = (zone_name, at, weekdays, day)
            if key not in following:
                following[key] = next_due(
                    at=at, weekdays=weekdays, zone=zone, now=now, after_date=day
                )
            found = following[key]
            updates.append((schedule_id, *(found or (None, None))))
        ids = _create_reminders(schedule_ids=claim, now=now)
        _set_next_many(updates)
        transaction.on_commit(functools.partial(_enqueue, ids))
    return len(ids), len(rows) - len(claim), len(rows) < batch_size


def _create_reminders(*, schedule_ids: list[int], now: dt.datetime) -> list[int]:
    """One row per reminder for the day it points at; returns the ids of the rows created
    (a reminder's day that already has one keeps it, and is not sent again)."""
    if not schedule_ids:
        return []
    if connection.vendor == "postgresql":
        # One statement, whatever the batch, RETURNING the new ids. The ids travel as
        # one array literal: binding thousands of parameters costs more than the insert.
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {Reminder._meta.db_table} "
                "(user_id, schedule_id, local_date, due_at, status, attempts, error, "
                "created_at, queued_at) "
                "SELECT user_id, id, next_local_date, next_reminder_at, %s, 0, '', %s, %s "
                f"FROM {ReminderSchedule._meta.db_table} WHERE id = ANY(%s::bigint[]) "
                "ON CONFLICT (schedule_id, local_date) DO NOTHING RETURNING id",
                [Reminder.Status.PENDING, now, now, "{" + ",".join(map(str, schedule_ids)) + "}"],
            )
            return [row[0] for row in cursor.fetchall()]
    due = ReminderSchedule.objects.filter(id__in=schedule_ids).values_list(
        "id", "user_id", "next_local_date", "next_reminder_at"
    )
    Reminder.objects.bulk_create(
        [
            Reminder(
                schedule_id=schedule_id,
                user_id=user_id,
                local_date=day,
                due_at=at,
                created_at=now,
                queued_at=now,
            )
            for schedule_id, user_id, day, at in due
        ],
        ignore_conflicts=True,
    )
    # Only rows created now: an older row for the same day has an older created_at.
    return list(
        Reminder.objects.filter(
            schedule_id__in=schedule_ids, created_at=now, status=Reminder.Status.PENDING
        ).values_list("id", flat=True)
    )


def _set_next_many(updates: list[tuple[int, dt.datetime | None, dt.date | None]]) -> None:
    """Write each row's next reminder in one statement."""
    if not updates:
        return
    if connection.vendor == "postgresql":
        # The rows travel as one JSON document (fast to encode and to bind).
        rows = json.dumps(
            [
                [pk, at.isoformat() if at else None, day.isoformat() if day else None]
                for pk, at, day in updates
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ReminderSchedule._meta.db_table} AS s "
                "SET next_reminder_at = (v->>1)::timestamptz, next_local_date = (v->>2)::date, "
                "updated_at = now() FROM json_array_elements(%s::json) AS v "
                "WHERE s.id = (v->>0)::bigint",
                [rows],
            )
        return
    ReminderSchedule.objects.bulk_update(
        [
            ReminderSchedule(id=pk, next_reminder_at=at, next_local_date=day)
            for pk, at, day in updates
        ],
        ["next_reminder_at", "next_local_date"],
    )


def _requeue_stranded(*, now: dt.datetime, limit: int) -> int:
    with transaction.atomic():
        ids = list(
            Reminder.objects.open()
            .stranded(now, requeue_after=_requeue_after(), lease=_lease())
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:limit]
        )
        if not ids:
            return 0
        Reminder.objects.filter(pk__in=ids).update(queued_at=now)
        logger.warning("reminders: queueing %d stranded reminders again", len(ids))
        transaction.on_commit(functools.partial(_enqueue, ids))
    return len(ids)


def _enqueue(ids: list[int]) -> None:
    from .tasks import send_reminders

    for start in range(0, len(ids), SEND_BATCH):
        send_reminders.delay(ids[start : start + SEND_BATCH])


# --- Sending ----------------------------------------------------------------------------


def reminder_send(*, reminder_id: int, now: dt.datetime | None = None) -> str:
    """Send one claimed reminder, at most once. Returns what happened, for the logs."""
    return reminders_send(reminder_ids=[reminder_id], now=now).get(reminder_id, "not claimed")


def reminders_send(*, reminder_ids: list[int], now: dt.datetime | None = None) -> dict[int, str]:
    """Send a batch of claimed reminders over one mail server connection, each at most
    once. Returns what happened to each reminder this call claimed.

    Each row is claimed first (pending → sending, or a dead sender's expired lease) and
    marked sent only once its message was accepted. The batch costs a fixed number of
    queries whatever its size: what the emails show is loaded for everyone at once, and
    the rows are marked in one statement per outcome (see `_deliver`). When the mail
    server is away (a transient error), the rows not yet sent are given back (pending)
    and the error is raised, so the task retries them and, after its last try, dispatch
    queues them again while their day lasts. A refused address fails that reminder only."""
    now = now or timezone.now()
    claimed = _claim(reminder_ids, now)
    if not claimed:
        return {}
    rows = list(
        Reminder.objects.select_related("schedule__user", "schedule__routine")
        .filter(pk__in=claimed)
        .order_by("pk")
    )
    outcome: dict[int, str] = {}
    to_send: list[Reminder] = []
    done = _done_today(rows)
    for reminder in rows:
        schedule = reminder.schedule
        if not schedule.enabled:
            outcome[reminder.pk] = str(Reminder.Status.CANCELLED)
        elif reminder.local_date != local_today(schedule.user, now):
            outcome[reminder.pk] = str(Reminder.Status.MISSED)
        elif schedule.skip_if_done and _is_done(schedule, reminder.local_date, done):
            outcome[reminder.pk] = str(Reminder.Status.SKIPPED)
        else:
            to_send.append(reminder)
    _finish_many(outcome, now)
    if to_send:
        _deliver(to_send, now=now, outcome=outcome)
    return outcome


def _claim(reminder_ids: list[int], now: dt.datetime) -> list[int]:
    with transaction.atomic():
        ids = list(
            Reminder.objects.filter(pk__in=reminder_ids)
            .claimable(now, _lease())
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)
        )
        Reminder.objects.filter(pk__in=ids).update(
            status=Reminder.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    return ids


def _done_today(rows: list[Reminder]) -> set[tuple[int, dt.date, int | None]]:
    """(user, local day, routine) of every routine completed on the batch's days, in one
    query, for the skip-if-done rule."""
    wanted = [r for r in rows if r.schedule.skip_if_done]
    if not wanted:
        return set()
    return set(
        Session.objects.completed()
        .filter(
            user_id__in={r.user_id for r in wanted},
            local_date__in={r.local_date for r in wanted},
        )
        .values_list("user_id", "local_date", "routine_id")
    )


def _is_done(schedule: ReminderSchedule, day: dt.date, done: set) -> bool:
    """Has the person done "this one" on their local `day`: the reminder's routine, or any
    routine when it names none?"""
    if schedule.routine_id:
        return (schedule.user_id, day, schedule.routine_id) in done
    return any(user_id == schedule.user_id and on == day for user_id, on, _r in done)


def _deliver(rows: list[Reminder], *, now: dt.datetime, outcome: dict[int, str]) -> None:
    """Send the rows' emails over one connection, marking each row sent as soon as its
    message is accepted: a worker killed mid-batch leaves at most the one message in
    flight to be sent again (with the same Message-ID, so mail systems can drop the copy).
    Whatever ends the loop early (a lost server, the soft time limit, a bug) gives the rows
    not yet sent back."""
    emails = ReminderEmails([(r.schedule, r.local_date) for r in rows])
    accepted: dict[int, str] = {}
    try:
        with mailers.default as mailer:
            for reminder in rows:
                message = emails.message(reminder.schedule, reminder.local_date, reminder)
                try:
                    mailer.send_messages([message])
                except smtplib.SMTPRecipientsRefused as exc:
                    if not _is_permanent(exc):
                        raise
                    # This address is refused for good; the others still go.
                    reminder_fail(reminder_id=reminder.pk, error=exc)
                    outcome[reminder.pk] = str(Reminder.Status.FAILED)
                    continue
                accepted[reminder.pk] = str(Reminder.Status.SENT)
                _mark_sent(reminder.pk, now)
    except BaseException as exc:
        outcome.update(accepted)
        # Give the rows not sent back so the retry (or a later dispatch) can claim them;
        # the task decides about retrying.
        Reminder.objects.filter(
            pk__in=[r.pk for r in rows if r.pk not in outcome], status=Reminder.Status.SENDING
        ).update(status=Reminder.Status.PENDING, error=_error_text(exc), queued_at=now)
        raise
    outcome.update(accepted)


def _mark_sent(pk: int, now: dt.datetime) -> None:
    """`_finish_many` for one sent row, run once per message: the statement is written out
    because compiling the same queryset update for every message cost more than running it."""
    table = connection.ops.quote_name(Reminder._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = %s, finished_at = %s WHERE id = %s AND status = %s",
            [
                Reminder.Status.SENT,
                connection.ops.adapt_datetimefield_value(now),
                pk,
                Reminder.Status.SENDING,
            ],
        )


def _is_permanent(exc: smtplib.SMTPRecipientsRefused) -> bool:
    return all(code >= 500 for code, _ in exc.recipients.values())


def _finish_many(outcome: dict[int, str], now: dt.datetime) -> None:
    """Close the rows a sender holds: one statement per outcome, whatever their number."""
    by_status: dict[str, list[int]] = {}
    for pk, status in outcome.items():
        by_status.setdefault(status, []).append(pk)
    for status, ids in by_status.items():
        Reminder.objects.filter(pk__in=ids, status=Reminder.Status.SENDING).update(
            status=status, finished_at=now
        )


def reminder_fail(*, reminder_id: int, error: BaseException | str) -> None:
    """Give up on a reminder after its last try, keeping the error for the admin."""
    reminders_fail(reminder_ids=[reminder_id], error=error)


def reminders_fail(*, reminder_ids: list[int], error: BaseException | str) -> None:
    Reminder.objects.filter(pk__in=reminder_ids).open().update(
        status=Reminder.Status.FAILED, error=_error_text(error), finished_at=timezone.now()
    )


def _error_text(error: BaseException | str) -> str:
    if isinstance(error, BaseException):
        return f"{type(error).__name__}: {error}"[:2000]
    return str(error)[:2000]


# --- The email ----------------------------------------------------------------------------


def routine_for_today(user: User) -> Routine | None:
    """The routine a reminder suggests: the person's chosen one (the plan's, which may be
    their own), else the last one they did, else the first of the library; each only while
    the person may still play it, as on the dashboard."""
    return routines_for_today([user])[0][user.pk]


def routines_for_today(
    users: list[User], *, also: set[int] | frozenset[int] = frozenset()
) -> tuple[dict[int, Routine | None], dict[int, Routine]]:
    """`routine_for_today` for many people, by user id, and the library routines among
    `also` (ids), by id; each routine with its length annotated. Three queries however
    many people."""
    last_done = (
        Session.objects.filter(user=OuterRef("pk"), routine__is_published=True)
        .order_by("-started_at")
        .values("routine_id")[:1]
    )
    picks = {
        pk: (preferred, last)
        for pk, preferred, last in User.objects.filter(pk__in=[u.pk for u in users])
        .annotate(last_done=Subquery(last_done))
        .values_list("pk", "preferred_routine_id", "last_done")
    }
    first = Routine.objects.published().values_list("pk", flat=True).first()
    wanted = {pk for pair in picks.values() for pk in pair if pk} | set(also) | {first}
    # The library, and the own routines of these people (Routine.visible_to for many).
    routines = (
        Routine.objects.filter(
            Q(is_published=True, owner__isnull=True)
            | Q(owner__in=[u.pk for u in users], deleted_at__isnull=True)
        )
        .with_total_seconds()
        .in_bulk(wanted - {None})
    )

    def playable(pk: int | None, user_pk: int) -> Routine | None:
        routine = routines.get(pk)
        if routine is None or routine.owner_id not in (None, user_pk):
            return None
        return routine

    chosen: dict[int, Routine | None] = {}
    for user in users:
        preferred, last = picks.get(user.pk, (None, None))
        chosen[user.pk] = (
            playable(preferred, user.pk) or playable(last, user.pk) or playable(first, user.pk)
        )
    library = {pk: routine for pk, routine in routines.items() if routine.owner_id is None}
    return chosen, {pk: library[pk] for pk in also if pk in library}


# RFC 5322 allows header lines of 998 characters. With the default of 78, Python's email
# package RFC 2047-encodes a long unbroken header, which mangles the List-Unsubscribe URL.
class _HeaderClasses(email.headerregistry.HeaderRegistry):
    """The standard header registry, but it builds each header class once: the stock one
    makes a new class for every header of every message (a tenth of a batch's CPU)."""

    @functools.cache  # noqa: B019 (one instance, for the life of the process)
    def __getitem__(self, name: str):
        return super().__getitem__(name)


_HEADER_CLASSES = _HeaderClasses()
HEADER_POLICY = email.policy.default.clone(max_line_length=998, header_factory=_HEADER_CLASSES)


class ReminderMessage(EmailMultiAlternatives):
    def message(self, *, policy=HEADER_POLICY):
        # The SMTP backend asks for email.policy.SMTP (78 characters): keep its line
        # endings, with the longer header lines.
        return super().message(
            policy=policy.clone(max_line_length=998, header_factory=_HEADER_CLASSES)
        )


class ReminderEmails:
    """Builds the reminder emails of a batch: what they show is loaded for all its people
    in a fixed number of queries, and each template is compiled once."""

    def __init__(self, reminders: list[tuple[ReminderSchedule, dt.date]]) -> None:
        users = list({schedule.user.pk: schedule.user for schedule, _day in reminders}.values())
        today = {schedule.user.pk: day for schedule, day in reminders}
        self.streaks = {
            pk: history.current_streak()
            for pk, history in History.load_many(users, today=today).items()
        }
        # The trend is words: made in each person's own language (one set of queries per
        # language in the batch).
        by_language: dict[str, list[User]] = {}
        for user in users:
            by_language.setdefault(user.email_language, []).append(user)
        self.trends = {}
        for language, group in by_language.items():
            with translation.override(language):
                self.trends.update(pain_trend_words_many(group, today=today))
        # Each person's suggestion and each reminder's own routine (when still published).
        self.suggested, self.own = routines_for_today(
            users, also={schedule.routine_id for schedule, _day in reminders if schedule.routine_id}
        )
        self.text = get_template("reminders/email.txt")
        self.html = get_template("reminders/email.html")
        self.settings_url = settings.SITE_URL + reverse("reminders:settings")
        self.dashboard_url = settings.SITE_URL + reverse("progress:dashboard")
        self.domain = urlsplit(settings.SITE_URL).hostname or "backease.local"

    def message(
        self, schedule: ReminderSchedule, local_date: dt.date, reminder: Reminder | None = None
    ) -> EmailMultiAlternatives:
        user = schedule.user
        routine = self.own.get(schedule.routine_id) if schedule.routine_id else None
        unsubscribe_url = settings.SITE_URL + reverse(
            "reminders:unsubscribe", args=[schedule.token]
        )
        context = {
            "name": user.name,
            "label": schedule.label,
            "routine": routine or self.suggested.get(user.pk),
            "own_routine": routine is not None,
            # The button opens this reminder's routine, or the dashboard when it names none.
            "start_url": (
                settings.SITE_URL + reverse("tracking:start", args=[routine.slug])
                if routine
                else self.dashboard_url
            ),
            "streak": self.streaks.get(user.pk, 0),
            "trend": self.trends.get(user.pk, ""),
            "settings_url": self.settings_url,
            "unsubscribe_url": unsubscribe_url,
            "local_date": local_date,
        }
        # Made outside a request: in the person's own language, every word of it.
        with translation.override(user.email_language):
            subject = (
                _("%(label)s: your back routine") % {"label": schedule.label}
                if schedule.label
                else _("Your back routine for today")
            )
            text = self.text.render(context)
            html = self.html.render(context)
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        if reminder is not None:
            # The same Message-ID on every try lets mail systems drop a duplicate.
            headers["Message-ID"] = f"<reminder-{reminder.pk}-{local_date:%Y%m%d}@{self.domain}>"
        message = ReminderMessage(subject, text, to=[user.email], headers=headers)
        message.attach_alternative(html, "text/html")
        return message


def reminder_email(
    *, schedule: ReminderSchedule, local_date: dt.date, reminder: Reminder | None = None
) -> EmailMultiAlternatives:
    """One reminder's email (the test email, and other single sends)."""
    return ReminderEmails([(schedule, local_date)]).message(schedule, local_date, reminder)


def reminder_send_test(*, user: User) -> None:
    """Send the person's first reminder's email now, outside the schedule (no claim, no
    skip check); an unsaved default reminder when they have none."""
    schedule = ReminderSchedule.objects.for_user(user).select_related("routine").first()
    schedule = schedule or ReminderSchedule(user=user, token="test")
    reminder_email(schedule=schedule, local_date=local_today(user)).send()
