"""Writes to a person's own routines (the routine builder and the plan's new versions).

Every write locks the routine's row first, so two tabs editing the same routine take turns
and the step order stays a clean 1..n."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from .models import MAX_STEPS, MAX_TOTAL_SECONDS, Exercise, Routine, RoutineStep
from .translation import all_languages

if TYPE_CHECKING:
    from accounts.models import User

STEP_FIELDS = (
    "mode",
    "seconds",
    "repetitions",
    "per_side",
    "get_ready_seconds",
    "rest_seconds",
)
# A new step's dose when the library has no step of that exercise to copy.
DEFAULT_STEP = {
    "mode": RoutineStep.Mode.HOLD,
    "seconds": 20,
    "repetitions": None,
    "per_side": False,
    "get_ready_seconds": 5,
    "rest_seconds": 10,
}


class BuilderError(Exception):
    """A change the builder refuses, with the reason to show (HTTP 400)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _new_slug() -> str:
    return f"my-{secrets.token_hex(6)}"


def _locked(routine: Routine) -> Routine:
    return Routine.objects.select_for_update().get(pk=routine.pk)


def check_fits(steps: Iterable[RoutineStep]) -> None:
    """At most MAX_STEPS steps and MAX_TOTAL_SECONDS in all."""
    steps = list(steps)
    if len(steps) > MAX_STEPS:
        raise BuilderError(
            ngettext(
                "A routine can have at most %(max)d step.",
                "A routine can have at most %(max)d steps.",
                MAX_STEPS,
            )
            % {"max": MAX_STEPS}
        )
    total = sum(step.total_seconds for step in steps)
    if total > MAX_TOTAL_SECONDS:
        raise BuilderError(
            _(
                "A routine can last at most %(max)d minutes; this change would make it "
                "%(minutes)d minutes %(seconds)d seconds. Shorten a step or remove one."
            )
            % {"max": MAX_TOTAL_SECONDS // 60, "minutes": total // 60, "seconds": total % 60}
        )


def _steps(routine: Routine) -> list[RoutineStep]:
    return list(routine.steps.select_related("exercise").order_by("order"))


def _renumber(routine: Routine, ordered: list[RoutineStep]) -> None:
    # Two passes, because (routine, order) is unique at every moment.
    RoutineStep.objects.filter(routine=routine).update(order=F("order") + 1000)
    for number, step in enumerate(ordered, start=1):
        step.order = number
    RoutineStep.objects.bulk_update(ordered, ["order"])


def routine_create(
    *,
    owner: User,
    title: str,
    source: Routine | None = None,
    summary: str = "",
    changes: dict[int, dict] | None = None,
) -> Routine:
    """A new own routine, empty or a copy of `source` (the library's or the person's own).
    `changes` maps a source step id to field values that differ in the copy (the plan's
    new versions)."""
    changes = changes or {}
    # A copy keeps the source's summary and "when to use it" in every language; the title
    # (and a summary given here) is the person's own, in the language they wrote it in.
    texts = all_languages(source, ["summary", "when_to_use"]) if source else {}
    if summary:
        language = get_language() or settings.LANGUAGE_CODE
        texts[build_localized_fieldname("summary", language)] = summary
    with transaction.atomic():
        routine = Routine.objects.create(
            owner=owner,
            title=title,
            slug=_new_slug(),
            difficulty=source.difficulty if source else Routine.Difficulty.GENTLE,
            based_on=source,
            **texts,
        )
        if source is not None:
            copies = []
            for step in _steps(source):
                values = {field: getattr(step, field) for field in STEP_FIELDS}
                values["exercise_id"] = step.exercise_id
                values.update(changes.get(step.pk, {}))
                copies.append(RoutineStep(routine=routine, order=step.order, **values))
            check_fits(copies)
            RoutineStep.objects.bulk_create(copies)
    return routine


def routine_rename(*, routine: Routine, title: str) -> Routine:
    routine.title = title
    routine.save(update_fields=["title"])
    return routine


def routine_delete(*, routine: Routine) -> None:
    """Removes an own routine. One that has been played is only hidden: its sessions
    keep pointing at it and keep their own copy of what was played."""
    with transaction.atomic():
        routine = _locked(routine)
        # No longer the person's chosen routine (the dashboard's and the reminder's).
        get_user_model().objects.filter(preferred_routine=routine).update(preferred_routine=None)
        if routine.sessions.exists():
            routine.deleted_at = timezone.now()
            routine.save(update_fields=["deleted_at"])
        else:
            routine.delete()


def _library_dose(exercise: Exercise) -> dict:
    step = (
        RoutineStep.objects.filter(exercise=exercise, routine__owner__isnull=True)
        .order_by("routine__position", "order")
        .first()
    )
    if step is None:
        return dict(DEFAULT_STEP)
    return {field: getattr(step, field) for field in STEP_FIELDS}


def step_add(*, routine: Routine, exercise: Exercise) -> RoutineStep:
    """Adds the exercise at the end, with the dose the library uses for it."""
    with transaction.atomic():
        routine = _locked(routine)
        steps = _steps(routine)
        step = RoutineStep(
            routine=routine, exercise=exercise, order=len(steps) + 1, **_library_dose(exercise)
        )
        check_fits([*steps, step])
        step.save()
    return step


def step_update(*, step: RoutineStep, values: dict) -> RoutineStep:
    """Sets the step's dose (values already checked by StepForm); refused when the
    routine would then last too long."""
    with transaction.atomic():
        routine = _locked(step.routine)
        steps = _steps(routine)
        current = next((s for s in steps if s.pk == step.pk), None)
        if current is None:
            raise BuilderError(_("That step is no longer in this routine."))
        for field in STEP_FIELDS:
            setattr(current, field, values[field])
        check_fits(steps)
        current.save(update_fields=list(STEP_FIELDS))
    return current


def step_move(*, step: RoutineStep, direction: str) -> RoutineStep:
    """Moves the step one place up or down; at either end it stays where it is."""
    if direction not in ("up", "down"):
        raise BuilderError(_("Choose whether to move the step up or down."))
    with transaction.atomic():
        routine = _locked(step.routine)
        steps = _steps(routine)
        index = next((i for i, s in enumerate(steps) if s.pk == step.pk), None)
        if index is None:
            raise BuilderError(_("That step is no longer in this routine."))
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(steps):
            steps[index], steps[other] = steps[other], steps[index]
            _renumber(routine, steps)
    return step


def steps_reorder(*, routine: Routine, step_ids: list[int]) -> None:
    """Puts the steps in the given order (drag and drop sends all of them)."""
    with transaction.atomic():
        routine = _locked(routine)
        steps = {s.pk: s for s in _steps(routine)}
        if sorted(step_ids) != sorted(steps):
            raise BuilderError(
                _("The routine changed while you were moving steps. Here it is as it is now.")
            )
        _renumber(routine, [steps[pk] for pk in step_ids])


def step_remove(*, step: RoutineStep) -> None:
    """Removes the step. Past sessions keep their own copy of it; a routine being played
    right now keeps all its steps until that session ends."""
    with transaction.atomic():
        routine = _locked(step.routine)
        # (Through the reverse relation: routines does not import tracking.)
        if routine.sessions.filter(status="active").exists():
            raise BuilderError(
                _("This routine is being played right now. Finish or end it before removing steps.")
            )
        steps = [s for s in _steps(routine) if s.pk != step.pk]
        RoutineStep.objects.filter(pk=step.pk).delete()
        _renumber(routine, steps)
