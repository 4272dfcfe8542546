"""Writes of the plan: keeping its proposal current, and the person's decisions."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reminders import services as reminder_services
from reminders.models import EVERY_DAY
from routines import services as routine_services
from routines.models import Routine
from tracking.models import local_today

from . import rules
from .models import PlanChange, PlanSettings

if TYPE_CHECKING:
    from accounts.models import User


class PlanError(Exception):
    """A decision that no longer applies, with the reason to show (HTTP 409)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def plan_refresh(
    *, user: User, today: dt.date | None = None
) -> tuple[rules.Outlook, PlanChange | None]:
    """The plan as it stands: a step-up still waiting is withdrawn once a safety flag
    opens; a new proposal is stored when the rules make one. Safe to run on every visit:
    one proposal per person at most (a unique constraint)."""
    today = today or local_today(user)
    outlook = rules.evaluate(user, today)
    pending = PlanChange.objects.for_user(user).proposed().first()
    if pending is not None:
        stale = pending.kind == PlanChange.Kind.STEP_UP and (
            outlook.blockers or pending.from_routine_id != getattr(outlook.routine, "pk", None)
        )
        if not stale:
            return outlook, pending
        pending.status = PlanChange.Status.WITHDRAWN
        pending.decided_at = timezone.now()
        pending.save(update_fields=["status", "decided_at"])
    proposal = outlook.proposal
    if proposal is None:
        return outlook, None
    try:
        with transaction.atomic():
            change = PlanChange.objects.create(
                user=user,
                kind=proposal.kind,
                reason=proposal.reason,
                numbers=proposal.numbers,
                changes=proposal.changes,
                step_values=proposal.step_values,
                next_routine=proposal.next_routine,
                from_routine=outlook.routine,
                local_date=today,
            )
    except IntegrityError:  # another tab stored one a moment ago
        change = PlanChange.objects.for_user(user).proposed().first()
    return outlook, change


def _claim(change: PlanChange) -> PlanChange:
    locked = PlanChange.objects.select_for_update().get(pk=change.pk)
    if locked.status != PlanChange.Status.PROPOSED:
        raise PlanError(_("This suggestion has already been dealt with."))
    return locked


def plan_change_accept(*, change: PlanChange) -> Routine:
    """Makes the new version of the person's routine and makes it their routine."""
    user = change.user
    with transaction.atomic():
        change = _claim(change)
        if change.kind == PlanChange.Kind.STEP_UP and (reasons := rules.blockers(user)):
            raise PlanError(" ".join(reasons))
        source = change.from_routine
        if source is None or not Routine.objects.visible_to(user).filter(pk=source.pk).exists():
            raise PlanError(_("The routine this suggestion was about is gone."))
        try:
            if change.next_routine is not None:
                new = routine_services.routine_create(
                    owner=user, title=change.next_routine.title, source=change.next_routine
                )
            else:
                new = routine_services.routine_create(
                    owner=user,
                    title=source.title,
                    source=source,
                    changes={int(pk): values for pk, values in change.step_values.items()},
                )
        except routine_services.BuilderError as exc:
            raise PlanError(exc.message) from None
        # A version the plan made is replaced by the new one; a routine the person
        # built themselves stays in "My routines".
        if source.owner_id == user.pk and PlanChange.objects.filter(to_routine=source).exists():
            source.deleted_at = timezone.now()
            source.save(update_fields=["deleted_at"])
        user.preferred_routine = new
        user.save(update_fields=["preferred_routine"])
        change.status = PlanChange.Status.ACCEPTED
        change.decided_at = timezone.now()
        change.to_routine = new
        change.save(update_fields=["status", "decided_at", "to_routine"])
    return new


def plan_change_decline(*, change: PlanChange) -> PlanChange:
    with transaction.atomic():
        change = _claim(change)
        change.status = PlanChange.Status.DECLINED
        change.decided_at = timezone.now()
        change.save(update_fields=["status", "decided_at"])
    return change


# --- Set-up after sign-up --------------------------------------------------------------------

STARTING_ROUTINES = {
    PlanSettings.Concern.MORNINGS: "morning-mobility",
    PlanSettings.Concern.SITTING: "desk-break",
    PlanSettings.Concern.EVENINGS: "evening-release",
}


def onboarding_finish(
    *,
    user: User,
    concern: str,
    days: int,
    reminder_time: dt.time | None,
) -> Routine | None:
    """Picks the starting routine, the weekly goal and the first reminder."""
    routine = Routine.objects.published().filter(slug=STARTING_ROUTINES.get(concern)).first()
    with transaction.atomic():
        PlanSettings.objects.update_or_create(
            user=user,
            defaults={"concern": concern, "onboarding": PlanSettings.Onboarding.DONE},
        )
        user.weekly_goal = days
        user.preferred_routine = routine
        user.save(update_fields=["weekly_goal", "preferred_routine"])
        if reminder_time is not None:
            # The day's routine comes from the plan, so the reminder names none.
            reminder_services.add_reminder(user, local_time=reminder_time, weekdays=EVERY_DAY)
    return routine


def onboarding_skip(*, user: User) -> None:
    PlanSettings.objects.update_or_create(
        user=user, defaults={"onboarding": PlanSettings.Onboarding.SKIPPED}
    )


def onboarding_pending(user: User) -> bool:
    return PlanSettings.objects.filter(
        user=user, onboarding=PlanSettings.Onboarding.PENDING
    ).exists()
