"""When the plan proposes a change, from the person's own data.

- Ease off when, since the last decision (at most the last 14 days), an exercise of the
  routine was marked as hurting, or the session's pain rose by 2 or more points after it
  (the size of a meaningful change on the 0–10 scale, SAFETY.md): the gentler variant of
  that exercise, else a shorter hold or fewer repetitions.
- Step up when the two full weeks before this one both met the weekly goal, pain did not
  rise by 2 or more from the first of them to the second, no exercise was marked as
  hurting in them, and no change was decided in them: longer holds (+5 s, up to 45 s),
  more repetitions (+2, up to 20), or else the next routine in difficulty.
- Never step up while a safety flag is open or routines are paused; the plan says why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import F, Q
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from progress.stats import History, week_start
from routines.models import HOLD_SECONDS, REPETITIONS, Routine, RoutineStep
from safety.models import open_flags_for, routines_paused
from tracking.models import Session, StepRecord, pain_days

from .models import PlanChange

if TYPE_CHECKING:
    from accounts.models import User

STEP_UP_WEEKS = 2
MEANINGFUL_RISE = 2  # NRS points (Ostelo et al. 2008)
HOLD_STEP, HOLD_CAP = 5, 45
REPS_STEP, REPS_CAP = 2, 20
EASE_HOLD_FLOOR = HOLD_SECONDS[0] + 5  # a hold never eases below 10 s
EASE_REPS_FLOOR = REPETITIONS[0] + 2
LOOK_BACK_DAYS = 14
DIFFICULTY_ORDER = [value for value, _label in Routine.Difficulty.choices]

HURT = Q(skip_reason=StepRecord.SkipReason.HURTS) | Q(feeling=StepRecord.Feeling.HURT)


@dataclass
class Proposal:
    kind: str
    reason: str
    numbers: dict
    changes: list[dict] = field(default_factory=list)
    step_values: dict[str, dict] = field(default_factory=dict)
    next_routine: Routine | None = None


@dataclass
class Outlook:
    routine: Routine | None
    blockers: list[str]
    proposal: Proposal | None


def current_routine(user: User) -> Routine | None:
    """The routine the plan is about: the person's chosen one (set by onboarding and by
    each accepted change), else the one they did last."""
    visible = Routine.objects.visible_to(user)
    if user.preferred_routine_id:
        routine = visible.filter(pk=user.preferred_routine_id).first()
        if routine is not None:
            return routine
    last = (
        Session.objects.for_user(user)
        .completed()
        .filter(routine__in=visible)
        .select_related("routine")
        .order_by("-local_date", "-started_at")
        .first()
    )
    return last.routine if last else None


def blockers(user: User) -> list[str]:
    """Why the plan will not step up now (easing off is always allowed)."""
    reasons = []
    if routines_paused(user):
        reasons.append(_("Routines are paused until you have read the emergency advice."))
    for flag in open_flags_for(user):
        reasons.append(
            _("A safety message is open (%(rule)s). Read it on your dashboard.")
            % {"rule": flag.get_rule_display()}
        )
    return reasons


def _last_decision(user: User) -> dt.date | None:
    change = PlanChange.objects.for_user(user).decided().order_by("-local_date").first()
    return change.local_date if change else None


def _day(value: dt.date) -> str:
    return date_format(value, "j F")


def _steps(routine: Routine) -> list[RoutineStep]:
    return list(routine.steps.select_related("exercise", "exercise__gentler").order_by("order"))


def _eased(step: RoutineStep, exercises_in_routine: set[int]) -> tuple[dict, dict] | None:
    """(the change as shown, the step's new values) for a gentler step, or None."""
    name = step.exercise.name
    gentler = step.exercise.gentler
    if gentler is not None and gentler.is_published and gentler.pk not in exercises_in_routine:
        return (
            {"exercise": name, "what": "exercise", "before": name, "after": gentler.name},
            {"exercise_id": gentler.pk},
        )
    if step.mode == RoutineStep.Mode.REPS and step.repetitions > EASE_REPS_FLOOR:
        after = max(EASE_REPS_FLOOR, step.repetitions - REPS_STEP)
        return (
            {"exercise": name, "what": "repetitions", "before": step.repetitions, "after": after},
            {"repetitions": after},
        )
    if step.mode != RoutineStep.Mode.REPS and step.seconds > EASE_HOLD_FLOOR:
        after = max(EASE_HOLD_FLOOR, step.seconds - HOLD_STEP)
        return (
            {"exercise": name, "what": "seconds", "before": step.seconds, "after": after},
            {"seconds": after},
        )
    return None


def ease_off(user: User, routine: Routine, today: dt.date) -> Proposal | None:
    start = today - dt.timedelta(days=LOOK_BACK_DAYS - 1)
    if (decided := _last_decision(user)) is not None:
        start = max(start, decided + dt.timedelta(days=1))
    steps = _steps(routine)
    in_routine = {step.exercise_id for step in steps}

    hurt = (
        StepRecord.objects.filter(session__user=user, session__local_date__range=(start, today))
        .filter(HURT, exercise_id__in=in_routine)
        .select_related("exercise", "session")
        .order_by("-session__local_date", "-recorded_at")
        .first()
    )
    if hurt is not None:
        targets = [step for step in steps if step.exercise_id == hurt.exercise_id]
        reason = PlanChange.Reason.HURT
        numbers = {"exercise": hurt.exercise.name, "day": _day(hurt.session.local_date)}
    else:
        rose = (
            Session.objects.for_user(user)
            .filter(local_date__range=(start, today), routine=routine)
            .filter(pain_after__gte=F("pain_before") + MEANINGFUL_RISE)
            .order_by("-local_date", "-started_at")
            .first()
        )
        if rose is None:
            return None
        targets = steps
        reason = PlanChange.Reason.PAIN_ROSE
        numbers = {
            "before": rose.pain_before,
            "after": rose.pain_after,
            "routine": routine.title,
            "day": _day(rose.local_date),
        }
    proposal = Proposal(PlanChange.Kind.EASE_OFF, reason, numbers)
    for step in targets:
        eased = _eased(step, in_routine)
        if eased is not None:
            proposal.changes.append(eased[0])
            proposal.step_values[str(step.pk)] = eased[1]
    return proposal if proposal.changes else None


def _week_pain(user: User, monday: dt.date) -> float | None:
    values = [
        day.value
        for day in pain_days(user, monday, monday + dt.timedelta(days=6)).values()
        if day.value is not None
    ]
    return round(sum(values) / len(values), 1) if values else None


def _figure(value: float) -> str:
    return f"{value:g}"


def step_up(user: User, routine: Routine, today: dt.date) -> Proposal | None:
    this_monday = week_start(today)
    mondays = [this_monday - dt.timedelta(weeks=n) for n in range(STEP_UP_WEEKS, 0, -1)]
    first_day = mondays[0]
    decided = _last_decision(user)
    if decided is not None and decided >= first_day:
        return None  # two full weeks since the last change, first
    history = History.load(user, today=today)
    weeks = [history.week(monday) for monday in mondays]
    if not all(week.met for week in weeks):
        return None
    first, last = _week_pain(user, mondays[0]), _week_pain(user, mondays[-1])
    if first is None or last is None or last - first >= MEANINGFUL_RISE:
        return None
    hurt = StepRecord.objects.filter(
        HURT, session__user=user, session__local_date__range=(first_day, this_monday)
    ).exists()
    if hurt:
        return None

    numbers = {"goal": user.weekly_goal, "pain_from": _figure(first), "pain_to": _figure(last)}
    proposal = Proposal(PlanChange.Kind.STEP_UP, PlanChange.Reason.GOAL_MET, numbers)
    for step in _steps(routine):
        name = step.exercise.name
        if step.mode == RoutineStep.Mode.HOLD and step.seconds < HOLD_CAP:
            after = min(HOLD_CAP, step.seconds + HOLD_STEP)
            proposal.changes.append(
                {"exercise": name, "what": "seconds", "before": step.seconds, "after": after}
            )
            proposal.step_values[str(step.pk)] = {"seconds": after}
        elif step.mode == RoutineStep.Mode.REPS and step.repetitions < REPS_CAP:
            after = min(REPS_CAP, step.repetitions + REPS_STEP)
            # The time the repetitions take grows with them.
            seconds = min(HOLD_SECONDS[1], round(step.seconds * after / step.repetitions))
            proposal.changes.append(
                {
                    "exercise": name,
                    "what": "repetitions",
                    "before": step.repetitions,
                    "after": after,
                }
            )
            proposal.step_values[str(step.pk)] = {"repetitions": after, "seconds": seconds}
    if proposal.changes:
        return proposal
    harder = DIFFICULTY_ORDER[DIFFICULTY_ORDER.index(routine.difficulty) + 1 :]
    following = Routine.objects.published().filter(difficulty__in=harder).order_by("position")
    proposal.next_routine = following.first()
    if proposal.next_routine is None:
        return None
    proposal.changes.append(
        {
            "exercise": "",
            "what": "routine",
            "before": routine.title,
            "after": proposal.next_routine.title,
        }
    )
    return proposal


def evaluate(user: User, today: dt.date) -> Outlook:
    routine = current_routine(user)
    reasons = blockers(user)
    if routine is None:
        return Outlook(None, reasons, None)
    proposal = ease_off(user, routine, today)
    if proposal is None and not reasons:
        proposal = step_up(user, routine, today)
    return Outlook(routine, reasons, proposal)
