from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from accounts.models import User

PAIN_VALIDATORS = [MinValueValidator(0), MaxValueValidator(10)]


def pain_in_range(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 10})


def local_today(user: User, now: dt.datetime | None = None) -> dt.date:
    """The user's calendar day, in their own time zone."""
    return timezone.localtime(now or timezone.now(), user.zone).date()


# --- The player's plan -------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One timed stretch of the player: a get-ready, the work of one side, or a rest."""

    kind: str  # "ready", "work" or "rest"
    step_id: int
    exercise_id: int
    step_index: int  # 0-based position of the routine step
    seconds: int
    side: str = ""  # "", "left" or "right"
    mode: str = ""  # the step's mode, for work parts
    repetitions: int | None = None

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "step_id": self.step_id,
            "exercise_id": self.exercise_id,
            "step_index": self.step_index,
            "seconds": self.seconds,
            "side": self.side,
            "mode": self.mode,
            "repetitions": self.repetitions,
        }

    @classmethod
    def from_json(cls, data: dict) -> Part:
        return cls(**data)

    @property
    def label(self) -> str:
        """What the player calls this part, shown and announced."""
        if self.kind == "ready":
            return _("Switch sides") if self.side == "right" else _("Get ready")
        if self.kind == "rest":
            return _("Rest")
        if self.mode == "hold":
            return _("Hold")
        if self.mode == "reps":
            return _("Repeat")
        return _("Keep moving")

    @property
    def is_last_work_of_step(self) -> bool:
        return self.kind == "work" and self.side in ("", "right")


def build_plan(steps, scale: float = 1.0) -> list[Part]:
    """Flatten routine steps into parts. A per-side step runs as two full holds with a
    "switch sides" get-ready between them; rests follow the step. `scale` shortens every
    duration alike (browser tests), keeping at least one second each."""

    def scaled(seconds: int) -> int:
        return max(1, round(seconds * scale))

    parts: list[Part] = []
    for index, step in enumerate(steps):
        sides = ["left", "right"] if step.per_side else [""]
        for side in sides:
            common = {"step_id": step.id, "exercise_id": step.exercise_id, "step_index": index}
            parts.append(Part("ready", seconds=scaled(step.get_ready_seconds), side=side, **common))
            parts.append(
                Part(
                    "work",
                    seconds=scaled(step.seconds),
                    side=side,
                    mode=step.mode,
                    repetitions=step.repetitions,
                    **common,
                )
            )
        if step.rest_seconds:
            parts.append(
                Part(
                    "rest",
                    step_id=step.id,
                    exercise_id=step.exercise_id,
                    step_index=index,
                    seconds=scaled(step.rest_seconds),
                )
            )
    return parts


def snapshot_steps(steps, hurting: set[int] = frozenset()) -> dict[str, dict]:
    """What the player shows of each step, copied when the session starts: the person
    follows the routine as it was then, and a transition needs no content query.
    `hurting` are exercises with an open "exercise hurts" flag: the player marks them."""
    return {
        str(step.id): {
            "name": step.exercise.name,
            "icon": step.exercise.icon,
            "dose": step.dose,
            "starting_position": step.exercise.starting_position,
            "instructions": step.exercise.instruction_lines(),
            "breathing_cue": step.exercise.breathing_cue,
            "caution": step.exercise.caution_with_stop(),
            "illustration_text": step.exercise.illustration_text,
            "hurts": step.exercise_id in hurting,
        }
        for step in steps
    }


# --- Sessions ------------------------------------------------------------------------


class SessionQuerySet(models.QuerySet):
    def for_user(self, user: User) -> SessionQuerySet:
        return self.filter(user=user)

    def active(self) -> SessionQuerySet:
        return self.filter(status=Session.Status.ACTIVE)

    def completed(self) -> SessionQuerySet:
        return self.filter(status=Session.Status.COMPLETED)

    def on_local_date(self, day: dt.date) -> SessionQuerySet:
        return self.filter(local_date=day)

    def stale(self, now: dt.datetime | None = None) -> SessionQuerySet:
        cutoff = (now or timezone.now()) - settings.SESSION_INACTIVITY_TIMEOUT
        return self.active().filter(last_activity_at__lt=cutoff)

    def unfinished(self, now: dt.datetime | None = None) -> SessionQuerySet:
        """Active and not yet stale: a routine the person can still resume."""
        cutoff = (now or timezone.now()) - settings.SESSION_INACTIVITY_TIMEOUT
        return self.active().filter(last_activity_at__gte=cutoff)


class Session(models.Model):
    """One run of a routine by one person, with its pain ratings and the player's state.

    The server is the source of truth for the timer: `position` is the current part of
    `plan`, `part_started_at` when it began (shifted forward by pauses), `paused_at`
    when the player was paused. Remaining time is derived from these and the clock.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        ENDED_EARLY = "ended_early", _("Ended early")
        PARTIAL = "partial", _("Closed after inactivity")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="routine_sessions", on_delete=models.CASCADE
    )
    routine = models.ForeignKey(
        "routines.Routine", related_name="sessions", on_delete=models.PROTECT
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    local_date = models.DateField(_("day"), help_text=_("The user's local day of the session."))
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now)

    pain_before = models.PositiveSmallIntegerField(
        _("pain before"), null=True, blank=True, validators=PAIN_VALIDATORS
    )
    pain_after = models.PositiveSmallIntegerField(
        _("pain after"), null=True, blank=True, validators=PAIN_VALIDATORS
    )
    stiffness = models.PositiveSmallIntegerField(
        _("stiffness"), null=True, blank=True, validators=PAIN_VALIDATORS
    )
    # Ticked with the rating after the routine; the warning-sign questions follow it.
    new_leg_symptoms = models.BooleanField(_("new leg symptoms"), default=False)
    note = models.TextField(_("note"), blank=True, max_length=2000)

    # Player state.
    plan = models.JSONField(default=list)
    content = models.JSONField(default=dict, help_text=_("The steps as shown, by step id."))
    position = models.PositiveSmallIntegerField(default=0)
    running = models.BooleanField(default=False, help_text=_("The timer has been started."))
    part_started_at = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    player_done = models.BooleanField(default=False)
    # Bumped by every transition; a transition names the revision it was made from, so a
    # double-submitted or stale control is refused instead of applied twice.
    revision = models.PositiveIntegerField(default=0)
    # Work seconds spent so far on the current step (both sides), written to its
    # StepRecord when the step ends.
    step_seconds = models.PositiveIntegerField(default=0)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["user", "local_date"]),
            models.Index(fields=["status", "last_activity_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="active"),
                name="one_active_session_per_user",
            ),
            models.CheckConstraint(condition=pain_in_range("pain_before"), name="pain_before_0_10"),
            models.CheckConstraint(condition=pain_in_range("pain_after"), name="pain_after_0_10"),
            models.CheckConstraint(condition=pain_in_range("stiffness"), name="stiffness_0_10"),
        ]

    def __str__(self) -> str:
        return f"{self.routine} on {self.local_date} ({self.get_status_display()})"

    # --- derived state ---

    @property
    def parts(self) -> list[Part]:
        return [Part.from_json(p) for p in self.plan]

    @property
    def current_part(self) -> Part | None:
        if self.player_done or self.position >= len(self.plan):
            return None
        return Part.from_json(self.plan[self.position])

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None

    def elapsed_in_part(self, now: dt.datetime | None = None) -> float:
        if not self.running or self.part_started_at is None:
            return 0.0
        end = self.paused_at or now or timezone.now()
        return max(0.0, (end - self.part_started_at).total_seconds())

    def remaining_seconds(self, now: dt.datetime | None = None) -> float:
        part = self.current_part
        if part is None:
            return 0.0
        return max(0.0, part.seconds - self.elapsed_in_part(now))

    def part_ends_at(self) -> dt.datetime | None:
        """When the current part's countdown reaches zero, if the timer is running."""
        part = self.current_part
        if part is None or not self.running or self.is_paused or self.part_started_at is None:
            return None
        return self.part_started_at + dt.timedelta(seconds=part.seconds)

    @property
    def step_count(self) -> int:
        return len({p["step_id"] for p in self.plan})

    @property
    def duration_seconds(self) -> int:
        end = self.finished_at or self.last_activity_at
        return max(0, int((end - self.started_at).total_seconds()))

    @property
    def pain_relief(self) -> int | None:
        """Points of pain eased by the routine (before − after)."""
        change = self.pain_change
        return None if change is None else -change

    @property
    def pain_change(self) -> int | None:
        if self.pain_before is None or self.pain_after is None:
            return None
        return self.pain_after - self.pain_before


class StepRecord(models.Model):
    """What happened to one step of a session."""

    class State(models.TextChoices):
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Skipped")

    class SkipReason(models.TextChoices):
        HURTS = "hurts", _("It hurts")
        NOT_NOW = "not_now", _("Not now")

    class Feeling(models.TextChoices):
        FINE = "fine", _("Felt fine")
        EASIER = "easier", _("Felt easier")
        HURT = "hurt", _("Hurt")

    session = models.ForeignKey(Session, related_name="step_records", on_delete=models.CASCADE)
    # Null once the person removed the step from their own routine: the record keeps its
    # exercise and order, and the session its own copy of the steps as played.
    routine_step = models.ForeignKey(
        "routines.RoutineStep",
        related_name="records",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    exercise = models.ForeignKey(
        "routines.Exercise", related_name="records", on_delete=models.PROTECT
    )
    order = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=8, choices=State.choices)
    skip_reason = models.CharField(max_length=8, choices=SkipReason.choices, blank=True)
    feeling = models.CharField(max_length=8, choices=Feeling.choices, blank=True)
    seconds_spent = models.PositiveIntegerField(default=0)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["session", "order"]
        constraints = [
            models.UniqueConstraint(fields=["session", "routine_step"], name="one_record_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.exercise}: {self.get_state_display()}"

    @property
    def hurt(self) -> bool:
        return self.skip_reason == self.SkipReason.HURTS or self.feeling == self.Feeling.HURT


# --- Daily check-ins -------------------------------------------------------------------


class CheckInQuerySet(models.QuerySet):
    def for_user(self, user: User) -> CheckInQuerySet:
        return self.filter(user=user)


class CheckIn(models.Model):
    """A quick pain rating for a day, with or without a routine."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="checkins", on_delete=models.CASCADE
    )
    local_date = models.DateField(_("day"))
    pain = models.PositiveSmallIntegerField(_("pain"), validators=PAIN_VALIDATORS)
    new_leg_symptoms = models.BooleanField(_("new symptoms"), default=False)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-local_date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "local_date"], name="one_checkin_per_day"),
            models.CheckConstraint(condition=pain_in_range("pain"), name="checkin_pain_0_10"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.local_date}: {self.pain}"


# A person who moves west can hold rows dated later than their new local today: a
# check-in saved just after midnight on 1 Dec in Berlin is still 30 Nov in New York.
# Reading "up to today" therefore looks this far ahead and counts such rows as today's,
# so a stored day never shows as being in the future and never drops out of "the last
# 7 days". (Zones differ by at most 26 hours.)
ZONE_LEAD = dt.timedelta(days=2)


def as_of(day: dt.date, today: dt.date) -> dt.date:
    """A stored local day as the person's current zone sees it: never after today."""
    return min(day, today)


@dataclass(frozen=True)
class PainDay:
    day: dt.date
    before: float | None = None  # mean "pain before" of the day's sessions
    after: float | None = None  # mean "pain after"
    checkin: int | None = None
    high: int | None = None  # the highest rating of the day, whichever kind

    @property
    def value(self) -> float | None:
        """The day's pain: its highest rating (a check-in, or a session's pain before or
        after), the same value the safety rules (`safety.sweep`) and the clinician summary
        use, so a bad moment is never averaged away and every figure agrees."""
        return None if self.high is None else float(self.high)


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def pain_days(user: User, start: dt.date, end: dt.date) -> dict[dt.date, PainDay]:
    """Days in [start, end] with any rating, oldest first. Two queries. When `end` is the
    person's today, rows dated after it (saved in a zone further east) count as today's."""
    return pain_days_by_user({user.pk: (start, end, local_today(user))}).get(user.pk, {})


def pain_days_by_user(
    ranges: dict[int, tuple[dt.date, dt.date, dt.date]],
) -> dict[int, dict[dt.date, PainDay]]:
    """`pain_days` of many people: `ranges` maps a user id to (start, end, their local
    today). By user id; people without a rating are left out. Two queries however many
    people."""
    if not ranges:
        return {}
    spans = {
        user_id: (start, end + ZONE_LEAD if end >= today else end, end)
        for user_id, (start, end, today) in ranges.items()
    }
    lowest = min(start for start, _upper, _end in spans.values())
    highest = max(upper for _start, upper, _end in spans.values())
    ratings: dict[tuple[int, dt.date], dict[str, list[int]]] = {}

    def kinds_of(user_id: int, day: dt.date) -> dict[str, list[int]] | None:
        start, upper, end = spans[user_id]
        if not start <= day <= upper:
            return None
        key = (user_id, min(day, end))
        return ratings.setdefault(key, {"before": [], "after": [], "checkin": []})

    for user_id, day, before, after in (
        Session.objects.filter(user_id__in=spans, local_date__range=(lowest, highest))
        .filter(Q(pain_before__isnull=False) | Q(pain_after__isnull=False))
        .values_list("user_id", "local_date", "pain_before", "pain_after")
        .order_by()
    ):
        if (kinds := kinds_of(user_id, day)) is not None:
            if before is not None:
                kinds["before"].append(before)
            if after is not None:
                kinds["after"].append(after)
    for user_id, day, pain in (
        CheckIn.objects.filter(user_id__in=spans, local_date__range=(lowest, highest))
        .values_list("user_id", "local_date", "pain")
        .order_by("local_date")
    ):
        if (kinds := kinds_of(user_id, day)) is not None:
            kinds["checkin"].append(pain)
    result: dict[int, dict[dt.date, PainDay]] = {}
    for user_id, day in sorted(ratings):
        kinds = ratings[user_id, day]
        result.setdefault(user_id, {})[day] = PainDay(
            day=day,
            before=_mean(kinds["before"]),
            after=_mean(kinds["after"]),
            checkin=max(kinds["checkin"], default=None),
            high=max(kinds["before"] + kinds["after"] + kinds["checkin"]),
        )
    return result
