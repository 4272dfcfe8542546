"""Reminder writes: settings, the every-minute dispatch, and sending one reminder.

The guarantees (one reminder per person per local day, none lost while the day lasts):

1. Dispatch claims due settings rows with SELECT … FOR UPDATE SKIP LOCKED, creates one
   `Reminder` row per (user, local day) — unique in the database — and moves each
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
import email.policy
import functools
import json
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from progress.stats import current_streak, pain_trend_words
from routines.models import Routine
from tracking.models import Session, local_today

from .models import Reminder, ReminderSettings
from .schedule import next_due

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "reminders.unsubscribe"
DISPATCH_BATCH = 10_000
ENQUEUE_CHUNK = 1000


def _lease() -> dt.timedelta:
    """How long a sender may hold a row before another may take it over. Longer than
    the send task's hard time limit, so a live sender is never overtaken."""
    return dt.timedelta(seconds=getattr(settings, "REMINDERS_SEND_LEASE_SECONDS", 120))


def _requeue_after() -> dt.timedelta:
    """How long a row may wait in the queue before dispatch queues it again. Longer than
    all of a send's retries with their backoff."""
    return dt.timedelta(seconds=getattr(settings, "REMINDERS_REQUEUE_AFTER_SECONDS", 20 * 60))


# --- Settings -----------------------------------------------------------------------


def reminder_settings_update(
    *,
    user: User,
    enabled: bool,
    local_time: dt.time,
    weekdays: int,
    skip_if_done: bool,
    now: dt.datetime | None = None,
) -> ReminderSettings:
    with transaction.atomic():
        row, _created = ReminderSettings.objects.select_for_update().get_or_create(user=user)
        row.enabled = enabled
        row.local_time = local_time.replace(second=0, microsecond=0, tzinfo=None)
        row.weekdays = weekdays
        row.skip_if_done = skip_if_done
        _set_next(row, user=user, now=now or timezone.now())
        row.save()
    return row


def reminder_settings_reschedule(*, user: User, now: dt.datetime | None = None) -> None:
    """Recompute the next reminder after the user's time zone changed. Days that already
    had a reminder are skipped, so a change never sends twice on one day."""
    with transaction.atomic():
        row = ReminderSettings.objects.select_for_update().filter(user=user).first()
        if row is None:
            return
        _set_next(row, user=user, now=now or timezone.now())
        row.save(update_fields=["next_reminder_at", "next_local_date", "updated_at"])


def reschedule_after_profile_change(*, user: User, changed: set[str], **_kwargs) -> None:
    """accounts.signals.profile_changed: the next reminder follows a new time zone."""
    if "time_zone" in changed:
        reminder_settings_reschedule(user=user)


def _set_next(row: ReminderSettings, *, user: User, now: dt.datetime) -> None:
    last_day = Reminder.objects.filter(user=user).aggregate(last=Max("local_date"))["last"]
    row.next_reminder_at, row.next_local_date = row.compute_next(
        user=user, now=now, after_date=last_day
    )


def reminder_unsubscribe(*, user: User) -> None:
    ReminderSettings.objects.filter(user=user).update(
        enabled=False, next_reminder_at=None, next_local_date=None, updated_at=timezone.now()
    )


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_from_unsubscribe_token(token: str) -> User | None:
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
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
            ReminderSettings.objects.due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("next_reminder_at")
            .values_list(
                "user_id",
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
        for user_id, day, at, weekdays, zone_name in rows:
            zone = _zone(zone_name)
            if zone_name not in today:
                today[zone_name] = now.astimezone(zone).date()
            if day is not None and day >= today[zone_name]:
                claim.append(user_id)
            # else its day is over (an outage): it is not sent late, only moved on.
            # People with the same zone, time and days share their next reminder.
            key = (zone_name, at, weekdays, day)
            if key not in following:
                following[key] = next_due(
                    at=at, weekdays=weekdays, zone=zone, now=now, after_date=day
                )
            found = following[key]
            updates.append((user_id, *(found or (None, None))))
        ids = _create_reminders(user_ids=claim, now=now)
        _set_next_many(updates)
        transaction.on_commit(functools.partial(_enqueue, ids))
    return len(ids), len(rows) - len(claim), len(rows) < batch_size


def _create_reminders(*, user_ids: list[int], now: dt.datetime) -> list[int]:
    """One reminder row per person for the day their settings point at; returns the ids
    of the rows created (a day that already has one keeps it, and is not sent again)."""
    if not user_ids:
        return []
    if connection.vendor == "postgresql":
        # One statement, whatever the batch, RETURNING the new ids. The ids travel as
        # one array literal: binding thousands of parameters costs more than the insert.
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {Reminder._meta.db_table} "
                "(user_id, local_date, due_at, status, attempts, error, created_at, queued_at) "
                "SELECT user_id, next_local_date, next_reminder_at, %s, 0, '', %s, %s "
                f"FROM {ReminderSettings._meta.db_table} WHERE user_id = ANY(%s::bigint[]) "
                "ON CONFLICT (user_id, local_date) DO NOTHING RETURNING id",
                [Reminder.Status.PENDING, now, now, "{" + ",".join(map(str, user_ids)) + "}"],
            )
            return [row[0] for row in cursor.fetchall()]
    due = ReminderSettings.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "next_local_date", "next_reminder_at"
    )
    Reminder.objects.bulk_create(
        [
            Reminder(user_id=user_id, local_date=day, due_at=at, created_at=now, queued_at=now)
            for user_id, day, at in due
        ],
        ignore_conflicts=True,
    )
    # Only rows created now: an older row for the same day has an older created_at.
    return list(
        Reminder.objects.filter(
            user_id__in=user_ids, created_at=now, status=Reminder.Status.PENDING
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
                [user_id, at.isoformat() if at else None, day.isoformat() if day else None]
                for user_id, at, day in updates
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ReminderSettings._meta.db_table} AS s "
                "SET next_reminder_at = (v->>1)::timestamptz, next_local_date = (v->>2)::date, "
                "updated_at = now() FROM json_array_elements(%s::json) AS v "
                "WHERE s.user_id = (v->>0)::bigint",
                [rows],
            )
        return
    ReminderSettings.objects.bulk_update(
        [
            ReminderSettings(user_id=user_id, next_reminder_at=at, next_local_date=day)
            for user_id, at, day in updates
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

    for start in range(0, len(ids), ENQUEUE_CHUNK):
        send_reminders.delay(ids[start : start + ENQUEUE_CHUNK])


# --- Sending ----------------------------------------------------------------------------


def reminder_send(*, reminder_id: int, now: dt.datetime | None = None) -> str:
    """Send one claimed reminder, at most once. Returns what happened, for the logs."""
    now = now or timezone.now()
    won = (
        Reminder.objects.filter(pk=reminder_id)
        .claimable(now, _lease())
        .update(status=Reminder.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not won:
        return "not claimed"
    reminder = Reminder.objects.select_related("user").get(pk=reminder_id)
    user = reminder.user
    options = ReminderSettings.objects.filter(user=user).first()
    if options is None or not options.enabled:
        return _finish(reminder, Reminder.Status.CANCELLED, now)
    if reminder.local_date != local_today(user, now):
        return _finish(reminder, Reminder.Status.MISSED, now)
    if options.skip_if_done and (
        Session.objects.for_user(user).completed().on_local_date(reminder.local_date).exists()
    ):
        return _finish(reminder, Reminder.Status.SKIPPED, now)
    message = reminder_email(user=user, local_date=reminder.local_date, reminder=reminder)
    try:
        message.send()
    except Exception as exc:
        # Give the row back so the retry can claim it; the task decides about retrying.
        Reminder.objects.filter(pk=reminder_id, status=Reminder.Status.SENDING).update(
            status=Reminder.Status.PENDING, error=_error_text(exc), queued_at=now
        )
        raise
    return _finish(reminder, Reminder.Status.SENT, now)


def _finish(reminder: Reminder, status: str, now: dt.datetime) -> str:
    Reminder.objects.filter(pk=reminder.pk, status=Reminder.Status.SENDING).update(
        status=status, finished_at=now
    )
    return str(status)


def reminder_fail(*, reminder_id: int, error: BaseException | str) -> None:
    """Give up on a reminder after its last try, keeping the error for the admin."""
    Reminder.objects.filter(pk=reminder_id).open().update(
        status=Reminder.Status.FAILED, error=_error_text(error), finished_at=timezone.now()
    )


def _error_text(error: BaseException | str) -> str:
    if isinstance(error, BaseException):
        return f"{type(error).__name__}: {error}"[:2000]
    return str(error)[:2000]


# --- The email ----------------------------------------------------------------------------


def routine_for_today(user: User) -> Routine | None:
    if user.preferred_routine_id and user.preferred_routine.is_published:
        return user.preferred_routine
    last = (
        Session.objects.for_user(user)
        .filter(routine__is_published=True)
        .select_related("routine")
        .order_by("-started_at")
        .first()
    )
    if last is not None:
        return last.routine
    return Routine.objects.published().first()


# RFC 5322 allows header lines of 998 characters. With the default of 78, Python's email
# package RFC 2047-encodes a long unbroken header, which mangles the List-Unsubscribe URL.
HEADER_POLICY = email.policy.default.clone(max_line_length=998)


class ReminderMessage(EmailMultiAlternatives):
    def message(self, *, policy=HEADER_POLICY):
        return super().message(policy=policy)


def reminder_email(
    *, user: User, local_date: dt.date, reminder: Reminder | None = None
) -> EmailMultiAlternatives:
    unsubscribe_url = settings.SITE_URL + reverse(
        "reminders:unsubscribe", args=[unsubscribe_token(user)]
    )
    # Made outside a request: in the person's own language, every word of it.
    with translation.override(user.email_language):
        routine = routine_for_today(user)
        context = {
            "name": user.name,
            "routine": routine,
            "start_url": (
                settings.SITE_URL + reverse("tracking:start", args=[routine.slug])
                if routine
                else ""
            ),
            "streak": current_streak(user, today=local_date),
            "trend": pain_trend_words(user, today=local_date),
            "settings_url": settings.SITE_URL + reverse("reminders:settings"),
            "unsubscribe_url": unsubscribe_url,
            "local_date": local_date,
        }
        subject = _("Your back routine for today")
        text = render_to_string("reminders/email.txt", context)
        html = render_to_string("reminders/email.html", context)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    if reminder is not None:
        # The same Message-ID on every try lets mail systems drop a duplicate.
        domain = urlsplit(settings.SITE_URL).hostname or "backease.local"
        headers["Message-ID"] = f"<reminder-{reminder.pk}-{local_date:%Y%m%d}@{domain}>"
    message = ReminderMessage(subject, text, to=[user.email], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


def reminder_send_test(*, user: User) -> None:
    """Send the reminder email now, outside the schedule (no claim, no skip check)."""
    reminder_email(user=user, local_date=local_today(user)).send()
