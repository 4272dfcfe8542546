"""How safety takes part in the lower apps, through their hooks (it is never called from
them): it evaluates flags after every change of pain data, gates routines while an
emergency answer is unacknowledged, asks the warning-sign questions after high ratings and
new symptoms (the emergency ones inside the check-in), and marks exercises that hurt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from accounts.signals import profile_changed
from tracking import hooks

from . import services
from .forms import EmergencyQuestionsForm
from .models import ScreeningResponse, hurting_exercise_ids, routines_paused
from .rules import EMERGENCY

if TYPE_CHECKING:
    from accounts.models import User


def evaluate_after_change(*, user_id: int, **_kwargs) -> None:
    services.flags_enqueue_evaluation(user_id=user_id)


def evaluate_after_time_zone_change(*, user: User, changed: set[str], **_kwargs) -> None:
    # A new zone moves the person's "today", and with it the last 7 days.
    if "time_zone" in changed:
        services.flags_schedule_evaluation(user_id=user.pk)


def emergency_gate(user: User) -> str | None:
    return reverse("safety:emergency") if routines_paused(user) else None


def screening_follow_up(user: User, *, pain: int | None, new_symptoms: bool) -> str | None:
    if new_symptoms:
        return reverse("safety:screening") + "?reason=legs"
    if services.rescreen_needed(pain=pain):
        return reverse("safety:screening") + "?reason=pain"
    return None


def _record_checkin_answers(*, user: User, form: EmergencyQuestionsForm) -> str | None:
    """An emergency answer in the check-in is the same emergency as in the screening."""
    response = services.screening_record(
        user=user, answers=form.answers(), reason=ScreeningResponse.Reason.CHECKIN
    )
    return reverse("safety:emergency") if response.level == EMERGENCY else None


CHECKIN_QUESTIONS = hooks.CheckinQuestions(
    needed=lambda *, pain, new_symptoms: services.rescreen_needed(
        pain=pain, new_leg_symptoms=new_symptoms
    ),
    form=lambda data=None: EmergencyQuestionsForm(data),
    template="safety/includes/checkin_questions.html",
    record=_record_checkin_answers,
)


def connect() -> None:
    """Called once, from SafetyConfig.ready()."""
    hooks.pain_data_changed.connect(evaluate_after_change, dispatch_uid="safety.evaluate")
    profile_changed.connect(evaluate_after_time_zone_change, dispatch_uid="safety.time_zone")
    for registry, hook in (
        (hooks.start_gates, emergency_gate),
        (hooks.rating_follow_ups, screening_follow_up),
        (hooks.exercise_marks, hurting_exercise_ids),
        (hooks.checkin_questions, CHECKIN_QUESTIONS),
    ):
        if hook not in registry:  # ready() may run again (tests that reload apps)
            registry.append(hook)
