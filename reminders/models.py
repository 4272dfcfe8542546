from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .schedule import EVERY_DAY, days_from_mask, next_due

if TYPE_CHECKING:
    from accounts.models import User


class ReminderSettingsQuerySet(models.QuerySet):
    def due(self, now: dt.datetime) -> ReminderSettingsQuerySet:
        # next_reminder_at is NULL whenever reminders are off, so this is the whole test.
        return self.filter(next_reminder_at__lte=now)


class ReminderSettings(models.Model):
    """One person's daily reminder. `next_reminder_at` (UTC) and `next_local_date` are
    derived from the other fields and the user's time zone; services keep them current."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        related_name="reminder_settings",
        on_delete=models.CASCADE,
    )
    enabled = models.BooleanField(_("send me a daily reminder"), default=False)
    local_time = models.TimeField(_("time of day"), default=dt.time(8, 0))
    weekdays = models.PositiveSmallIntegerField(
        _("days of the week"),
        default=EVERY_DAY,
        help_text=_("Bit mask, Monday = 1, Tuesday = 2, … Sunday = 64."),
    )
    skip_if_done = models.BooleanField(
        _("skip it if I have already done today's routine"), default=True
    )
    next_reminder_at = models.DateTimeField(_("next reminder (UTC)"), null=True, blank=True)
    next_local_date = models.DateField(_("next reminder's local day"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReminderSettingsQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")
        indexes = [
            models.Index(
                fields=["next_reminder_at"],
                condition=Q(next_reminder_at__isnull=False),
                name="reminder_next_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.local_time:%H:%M}" if self.enabled else f"{self.user}: off"

    @classmethod
    def for_user(cls, user: User) -> ReminderSettings:
        """The saved settings, or unsaved defaults (off). One query and no write."""
        return cls.objects.filter(user=user).first() or cls(user=user)

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
    """One reminder for one person on one of their local days: claimed (created) before
    the email goes out, so a day can never have two."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Skipped: routine already done")
        CANCELLED = "cancelled", _("Cancelled: reminders turned off")
        MISSED = "missed", _("Not sent: the day had passed")
        FAILED = "failed", _("Failed")

    # No index of its own: the unique (user, local_date) constraint serves lookups by user.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="reminders",
        on_delete=models.CASCADE,
        db_index=False,
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
            models.UniqueConstraint(fields=["user", "local_date"], name="one_reminder_per_day"),
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
