from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rules, wording
from .numbers import Contact, contact_for
from .questions import NONE, yes_items

if TYPE_CHECKING:
    from accounts.models import User


# --- Evaluations owed ------------------------------------------------------------------


class PendingEvaluation(models.Model):
    """A flag evaluation that could not be queued because the broker was down. The
    catch-up task runs it within minutes of the broker coming back."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    since = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"evaluation owed to user {self.user_id} since {self.since:%Y-%m-%d %H:%M}"


# --- Red-flag screening ----------------------------------------------------------------


class ScreeningQuerySet(models.QuerySet):
    def for_user(self, user: User) -> ScreeningQuerySet:
        return self.filter(user=user)

    def answered(self) -> ScreeningQuerySet:
        return self.filter(skipped=False)

    def unacknowledged_emergencies(self) -> ScreeningQuerySet:
        return self.filter(level=ScreeningResponse.Level.EMERGENCY, acknowledged_at__isnull=True)


class ScreeningResponse(models.Model):
    """One answer to the red-flag questions, kept with its date."""

    class Level(models.IntegerChoices):
        NONE = NONE, _("No warning signs")
        URGENT = rules.URGENT, _("Urgent: contact a GP or urgent care today")
        EMERGENCY = rules.EMERGENCY, _("Emergency: call the emergency number")

    class Reason(models.TextChoices):
        SIGNUP = "signup", _("After sign-up")
        HELP = "help", _("From “When to get help”")
        PAIN = "pain", _("After a pain rating of 8 or more")
        LEGS = "legs", _("After new leg symptoms")
        CHECKIN = "checkin", _("In a check-in")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="screenings", on_delete=models.CASCADE
    )
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)
    local_date = models.DateField(_("day"))
    reason = models.CharField(_("asked"), max_length=8, choices=Reason.choices, blank=True)
    answers = models.JSONField(_("answers"), default=dict)
    skipped = models.BooleanField(_("skipped"), default=False)
    level = models.PositiveSmallIntegerField(_("result"), choices=Level.choices, default=NONE)
    acknowledged_at = models.DateTimeField(_("emergency acknowledged at"), null=True, blank=True)

    objects = ScreeningQuerySet.as_manager()

    class Meta:
        ordering = ["-answered_at", "-id"]
        indexes = [models.Index(fields=["user", "-answered_at"])]

    def __str__(self) -> str:
        return f"{self.user} {self.local_date}: {self.get_level_display()}"

    @property
    def yes_items(self):
        return yes_items(self.answers)


def screening_never_answered(user: User) -> bool:
    """True until the user has answered (or skipped) the questions once: shown after sign-up."""
    return not ScreeningResponse.objects.for_user(user).exists()


def routines_paused(user: User) -> bool:
    """An emergency answer pauses routines until the user acknowledges the advice."""
    return ScreeningResponse.objects.for_user(user).unacknowledged_emergencies().exists()


def unacknowledged_emergency(user: User) -> ScreeningResponse | None:
    """The latest emergency answer the user has not acknowledged yet, if any: while there
    is one, every page shows the emergency alert and routines stay paused."""
    return ScreeningResponse.objects.for_user(user).unacknowledged_emergencies().first()


# --- Flags -----------------------------------------------------------------------------


class FlagQuerySet(models.QuerySet):
    def for_user(self, user: User) -> FlagQuerySet:
        return self.filter(user=user)

    def for_user_ids(self, lo: int, hi: int) -> FlagQuerySet:
        """Flags of users with ids in [lo, hi]: one batch of the sweep."""
        return self.filter(user_id__gte=lo, user_id__lte=hi)

    def open(self) -> FlagQuerySet:
        return self.filter(closed_at__isnull=True)

    def closed(self) -> FlagQuerySet:
        return self.filter(closed_at__isnull=False)

    def pain_rules(self) -> FlagQuerySet:
        """Flags the sweep owns (red flags open and close with screening answers)."""
        return self.exclude(rule=Flag.Rule.RED_FLAG)

    def email_due(self, now) -> FlagQuerySet:
        """Open flags owed an email: never emailed, open 7 days without a reminder yet, or
        more severe than when last emailed."""
        cutoff = now - dt.timedelta(days=settings.SAFETY_REMINDER_DAYS)
        return self.open().filter(
            Q(emailed_at__isnull=True)
            | Q(reminded_at__isnull=True, opened_at__lte=cutoff)
            | Q(severity__gt=models.F("emailed_severity"))
        )


class Flag(models.Model):
    """One episode of one rule for one user: opened when the rule starts to hold, closed
    when it stops, kept afterwards as history."""

    class Rule(models.TextChoices):
        RED_FLAG = rules.RED_FLAG, _("Warning signs")
        NO_IMPROVEMENT = rules.NO_IMPROVEMENT, _("No improvement")
        WORSENING = rules.WORSENING, _("Worsening")
        SEVERE = rules.SEVERE, _("Severe pain")
        LONG_LASTING = rules.LONG_LASTING, _("Long-lasting pain")
        EXERCISE_HURTS = rules.EXERCISE_HURTS, _("An exercise hurts")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="flags", on_delete=models.CASCADE
    )
    rule = models.CharField(_("rule"), max_length=16, choices=Rule.choices)
    exercise = models.ForeignKey(
        "routines.Exercise", null=True, blank=True, related_name="+", on_delete=models.CASCADE
    )
    severity = models.PositiveSmallIntegerField(_("severity"), default=1)
    numbers = models.JSONField(_("numbers"), default=dict)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    emailed_severity = models.PositiveSmallIntegerField(default=0)
    reminded_at = models.DateTimeField(null=True, blank=True)
    email_claim = models.CharField(max_length=32, blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["user", "closed_at"])]
        constraints = [
            # One open episode per user and rule (and exercise, for "exercise hurts").
            models.UniqueConstraint(
                fields=["user", "rule"],
                condition=Q(closed_at__isnull=True, exercise__isnull=True),
                name="one_open_flag_per_rule",
            ),
            models.UniqueConstraint(
                fields=["user", "rule", "exercise"],
                condition=Q(closed_at__isnull=True, exercise__isnull=False),
                name="one_open_flag_per_rule_exercise",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_rule_display()} since {self.opened_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.rule, self.exercise_id)

    @property
    def noticed(self) -> str:
        return wording.noticed(self)

    @property
    def contact(self) -> Contact:
        """The numbers of the person's country."""
        return contact_for(self.user)

    @property
    def consider(self) -> str:
        return wording.consider(self, self.contact)

    @property
    def level(self) -> str:
        """ "emergency", "urgent" or "pain": each has its own words and look."""
        return wording.level(self)


def open_flags_for(user: User) -> list[Flag]:
    """Open flags the user has not acknowledged yet: what the banner shows, the most
    serious level first (emergency, urgent, then the pain rules)."""
    flags = (
        Flag.objects.for_user(user)
        .open()
        .filter(acknowledged_at__isnull=True)
        .select_related("exercise", "user")
        .order_by("-severity", "-opened_at")
    )
    return sorted(flags, key=lambda flag: wording.LEVELS.index(flag.level))


def hurting_exercise_ids(user: User) -> set[int]:
    """Exercises with an open "exercise hurts" flag: the player marks them and offers a skip."""
    return set(
        Flag.objects.for_user(user)
        .open()
        .filter(rule=Flag.Rule.EXERCISE_HURTS)
        .values_list("exercise_id", flat=True)
    )


# --- Share links -----------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ShareLinkQuerySet(models.QuerySet):
    def live(self, now=None) -> ShareLinkQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ShareLink(models.Model):
    """A read-only link to a user's clinician summary. Only a hash of its random token is
    stored; the link itself is shown once, when it is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="share_links", on_delete=models.CASCADE
    )
    token_hash = models.CharField(max_length=64, unique=True)
    # Who the link is for ("Dr Patel", "physio"), so the right one can be withdrawn.
    label = models.CharField(_("for"), max_length=80, blank=True)
    weeks = models.PositiveSmallIntegerField(_("weeks"), default=8)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} until {self.expires_at:%Y-%m-%d}"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
