from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .schedule import EVERY_DAY, days_from_mask, next_due

if TYPE_CHECKING:
    from accounts.models import User


MAX_PER_PERSON = 5


def new_token() -> str:
    """An unsubscribe token: random, so it says nothing about whose reminder it is."""
    return secrets.token_urlsafe(24)


class ReminderScheduleQuerySet(models.QuerySet):
    def due(self, now: dt.datetime) -> ReminderScheduleQuerySet:
        # next_reminder_at is NULL whenever a reminder is off, so this is the whole test.
        return self.filter(next_reminder_at__lte=now)

    def for_user(self, user: User) -> ReminderScheduleQuerySet:
        return self.filter(user=user)


class ReminderSchedule(models.Model):
    """One of a person's reminders (up to five): a local time on some weekdays, with an
    optional routine. `next_reminder_at` (UTC) and `next_local_date` are derived from the
    other fields and the user's time zone; services keep them current."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="reminder_schedules", on_delete=models.CASCADE
    )
    label = models.CharField(_("name"), max_length=60, blank=True)
    enabled = models.BooleanField(_("on"), default=True)
    local_time = models.TimeField(_("time of day"), default=dt.time(8, 0))
    weekdays = models.PositiveSmallIntegerField(
        _("days of the week"),
        default=EVERY_DAY,
        help_text=_("Bit mask, Monday = 1, Tuesday = 2, … Sunday = 64."),
    )
    routine = models.ForeignKey(
        "routines.Routine",
        verbose_name=_("routine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    skip_if_done = models.BooleanField(
        _("skip it if I have already done this one today"), default=True
    )
    token = models.CharField(_("unsubscribe token"), max_length=64, unique=True, default=new_token)
    next_reminder_at = models.DateTimeField(_("next reminder (UTC)"), null=True, blank=True)
    next_local_date = models.DateField(_("next reminder's local day"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReminderScheduleQuerySet.as_manager()

    class Meta:
        ordering = ["local_time", "id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        indexes = [
            models.Index(
                fields=["next_reminder_at"],
                condition=Q(next_reminder_at__isnull=False),
                name="reminder_schedule_next_at",
            ),
        ]

    def __str__(self) -> str:
        state = f"{self.local_time:%H:%M}" if self.enabled else "off"
        return f"{self.user}: {self.label or state}" if self.label else f"{self.user}: {state}"

    @property
    def days(self) -> list[int]:
        return days_from_mask(self.weekdays)

    def compute_next(
        self, *, user: User, now: dt.datetime, after_date: dt.date | None = None
    ) -> tuple[dt.datetime | None, dt.date | None]:
        if not self.enabled:
            return None, None
        found = next_due(
            at=self.local_time,
            weekdays=self.weekdays,
            zone=user.zone,
            now=now,
            after_date=after_date,
        )
        return found if found else (None, None)


class ReminderQuerySet(models.QuerySet):
    def open(self) -> ReminderQuerySet:
        return self.filter(status__in=[Reminder.Status.PENDING, Reminder.Status.SENDING])

    def claimable(self, now: dt.datetime, lease: dt.timedelta) -> ReminderQuerySet:
        """Rows a send task may take: waiting, or taken by a sender that has since died
        (its lease, longer than the task's hard time limit, has run out)."""
        return self.filter(
            Q(status=Reminder.Status.PENDING)
            | Q(status=Reminder.Status.SENDING, claimed_at__lt=now - lease)
        )

    def stranded(
        self, now: dt.datetime, *, requeue_after: dt.timedelta, lease: dt.timedelta
    ) -> ReminderQuerySet:
        """Open rows whose message seems lost (broker restart, worker killed): waiting
        too long since they were queued, or taken by a sender whose lease ran out."""
        return self.filter(
            created_at__gte=now - dt.timedelta(hours=30),
            queued_at__lt=now - min(requeue_after, lease),
        ).filter(
            Q(status=Reminder.Status.PENDING, queued_at__lt=now - requeue_after)
            | Q(
                status=Reminder.Status.SENDING,
                claimed_at__lt=now - lease,
                queued_at__lt=now - lease,
            )
        )


class Reminder(models.Model):
    """One reminder (schedule) on one of its person's local days: claimed (created) before
    the email goes out, so a day can never have two of it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Skipped: routine already done")
        CANCELLED = "cancelled", _("Cancelled: reminders turned off")
        MISSED = "missed", _("Not sent: the day had passed")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="reminders", on_delete=models.CASCADE
    )
    # No index of its own: the unique (schedule, local_date) constraint serves it.
    schedule = models.ForeignKey(
        ReminderSchedule, related_name="sends", on_delete=models.CASCADE, db_index=False
    )
    local_date = models.DateField(_("local day"))
    due_at = models.DateTimeField(_("due at (UTC)"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("claimed at"))
    queued_at = models.DateTimeField(_("queued at"))
    claimed_at = models.DateTimeField(_("send started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        ordering = ["-local_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "local_date"], name="one_send_per_reminder_per_day"
            ),
        ]
        indexes = [
            models.Index(
                fields=["queued_at"],
                condition=Q(status__in=["pending", "sending"]),
                name="reminder_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.local_date}: {self.get_status_display()}"
