"""What a person tells BackEase about days that should not count: rest days and pauses."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

if TYPE_CHECKING:
    from accounts.models import User

# A context of their own: as list labels they start with a capital, but in a sentence
# Spanish writes "martes" (Django's own catalogue, which the date filter uses).
WEEKDAY_CHOICES = [
    (0, pgettext_lazy("weekday choice", "Monday")),
    (1, pgettext_lazy("weekday choice", "Tuesday")),
    (2, pgettext_lazy("weekday choice", "Wednesday")),
    (3, pgettext_lazy("weekday choice", "Thursday")),
    (4, pgettext_lazy("weekday choice", "Friday")),
    (5, pgettext_lazy("weekday choice", "Saturday")),
    (6, pgettext_lazy("weekday choice", "Sunday")),
]


class ProgressSettings(models.Model):
    """Per-person progress preferences that the accounts app does not hold.

    Rest weekdays are days the person plans not to do a routine (for example every
    Sunday): they never break a streak, and the weekly goal never asks for more days
    than are left once they are taken out.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, related_name="progress_settings", on_delete=models.CASCADE
    )
    rest_weekdays = models.JSONField(
        _("rest days"), default=list, blank=True, help_text=_("Weekdays, 0 = Monday.")
    )

    class Meta:
        verbose_name = _("progress settings")
        verbose_name_plural = _("progress settings")

    def __str__(self) -> str:
        return f"Progress settings of {self.user}"

    @classmethod
    def for_user(cls, user: User) -> ProgressSettings:
        """The saved settings, or unsaved defaults. One query."""
        return cls.objects.filter(user=user).first() or cls(user=user)

    @property
    def rest_days(self) -> frozenset[int]:
        return frozenset(int(d) for d in self.rest_weekdays if 0 <= int(d) <= 6)


class PauseQuerySet(models.QuerySet):
    def for_user(self, user: User) -> PauseQuerySet:
        return self.filter(user=user)

    def overlapping(self, start: dt.date, end: dt.date) -> PauseQuerySet:
        return self.filter(start__lte=end, end__gte=start)


class Pause(models.Model):
    """A stretch of local days (both ends included) when routines are off: an injury,
    an illness, a holiday, or a single rest day."""

    class Reason(models.TextChoices):
        REST = "rest", _("Rest day")
        INJURY = "injury", _("Injury")
        ILLNESS = "illness", _("Illness")
        HOLIDAY = "holiday", _("Holiday")
        OTHER = "other", _("Other")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="pauses", on_delete=models.CASCADE
    )
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    reason = models.CharField(
        _("reason"), max_length=8, choices=Reason.choices, default=Reason.REST
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PauseQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]
        indexes = [models.Index(fields=["user", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="pause_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} {self.start}–{self.end}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1
