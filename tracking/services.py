"""Writes that span models or have side effects: sessions, step records, check-ins.

Every write that gives, changes or removes a rating (or marks an exercise as hurting) ends
with `pain_data_changed_on_commit`, so higher apps (safety's flags) hear of each one; no
other code writes these tables."""

from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from routines.models import RoutineStep

from . import hooks
from .hooks import pain_data_changed_on_commit
from .models import (
    CheckIn,
    Part,
    Session,
    StepRecord,
    build_plan,
    local_today,
    snapshot_steps,
)

if TYPE_CHECKING:
    from accounts.models import User
    from routines.models import Routine

ACTIONS = ("start", "next", "skip", "pause", "resume", "back", "end")
# Time counted for one work part is capped, so a phone left on the floor overnight
# does not log hours of "holding".
MAX_WORK_SECONDS_FACTOR = 3


class SessionError(Exception):
    """A request that does not fit the session's state: shown to the user, HTTP 409."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ActiveSessionExists(SessionError):
    def __init__(self, session: Session):
        super().__init__(_("You already have a routine in progress."))
        self.session = session


# --- Starting --------------------------------------------------------------------------


def session_start(
    *,
    user: User,
    routine: Routine,
    pain_before: int,
    stiffness: int | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> Session:
    now = now or timezone.now()
    session_close_stale(now=now, user=user)
    active = Session.objects.for_user(user).active().first()
    if active is not None:
        raise ActiveSessionExists(active)
    steps = list(
        RoutineStep.objects.filter(routine=routine).select_related("exercise").order_by("order")
    )
    plan = build_plan(steps, scale=settings.PLAYER_TIME_SCALE)
    if not plan:
        raise SessionError(_("This routine has no steps yet."))
    hurting = set().union(*(marks(user) for marks in hooks.exercise_marks))
    content = snapshot_steps(steps, hurting=hurting)
    try:
        with transaction.atomic():
            session = Session.objects.create(
                user=user,
                routine=routine,
                local_date=local_today(user, now),
                started_at=now,
                last_activity_at=now,
                pain_before=pain_before,
                stiffness=stiffness,
                note=note,
                plan=[part.as_json() for part in plan],
                content=content,
            )
    except IntegrityError:
        # Another tab started one a moment ago: the unique constraint kept it to one.
        raise ActiveSessionExists(Session.objects.for_user(user).active().get()) from None
    pain_data_changed_on_commit(user_id=user.pk)
    return session


# --- The player's transitions -------------------------------------------------------------


@dataclass
class _Outcome:
    changes: dict = field(default_factory=dict)
    record: StepRecord | None = None


def _first_part_of_step(plan: list[dict], step_index: int) -> int | None:
    for i, part in enumerate(plan):
        if part["step_index"] >= step_index:
            return i
    return None


def _work_seconds(session: Session, part: Part, now: dt.datetime) -> int:
    if part.kind != "work":
        return 0
    elapsed = session.elapsed_in_part(now)
    return int(round(min(elapsed, part.seconds * MAX_WORK_SECONDS_FACTOR)))


def _record(session: Session, part: Part, state: str, seconds: int, reason: str = "") -> StepRecord:
    return StepRecord(
        session=session,
        routine_step_id=part.step_id,
        exercise_id=part.exercise_id,
        order=part.step_index + 1,
        state=state,
        skip_reason=reason,
        seconds_spent=seconds,
        recorded_at=timezone.now(),
    )


def _move_to(session: Session, index: int | None, now: dt.datetime) -> dict:
    """Changes that put the player at part `index`, or at the end when None."""
    if index is None or index >= len(session.plan):
        return {
            "position": len(session.plan),
            "player_done": True,
            "running": False,
            "part_started_at": None,
            "paused_at": None,
            "status": Session.Status.COMPLETED,
            "finished_at": now,
        }
    return {
        "position": index,
        "part_started_at": now if session.running else None,
        "paused_at": None,
    }


def _plan_transition(session: Session, action: str, reason: str, now: dt.datetime) -> _Outcome:
    part = session.current_part
    if part is None:
        raise SessionError(_("This routine has already reached its end."))
    out = _Outcome()

    if action == "start":
        if session.running:
            raise SessionError(_("The routine has already started."))
        out.changes = {"running": True, "part_started_at": now, "paused_at": None}

    elif action == "pause":
        if not session.running or session.is_paused:
            raise SessionError(_("There is nothing running to pause."))
        out.changes = {"paused_at": now}

    elif action == "resume":
        if not session.is_paused:
            raise SessionError(_("The routine is not paused."))
        shift = now - session.paused_at
        out.changes = {"part_started_at": session.part_started_at + shift, "paused_at": None}

    elif action == "next":
        if not session.running:
            raise SessionError(_("Press start first."))
        spent = session.step_seconds + _work_seconds(session, part, now)
        out.changes = {"step_seconds": spent}
        if part.is_last_work_of_step:
            out.record = _record(session, part, StepRecord.State.DONE, spent)
            out.changes["step_seconds"] = 0
        out.changes.update(_move_to(session, session.position + 1, now))

    elif action == "skip":
        if reason not in StepRecord.SkipReason.values:
            raise SessionError(_("Say why you are skipping: it hurts, or not now."))
        if part.kind == "rest":
            out.changes = _move_to(session, session.position + 1, now)
        else:
            spent = session.step_seconds + _work_seconds(session, part, now)
            out.record = _record(session, part, StepRecord.State.SKIPPED, spent, reason)
            out.changes = {"step_seconds": 0}
            out.changes.update(
                _move_to(session, _first_part_of_step(session.plan, part.step_index + 1), now)
            )

    elif action == "back":
        target = max(0, part.step_index - 1)
        out.changes = {"step_seconds": 0}
        out.changes.update(_move_to(session, _first_part_of_step(session.plan, target), now))

    elif action == "end":
        out.changes = {
            "player_done": True,
            "running": False,
            "paused_at": None,
            "status": Session.Status.ENDED_EARLY,
            "finished_at": now,
        }
    else:
        raise SessionError(_("That is not something the player can do."))
    return out


def session_transition(
    *,
    session: Session,
    action: str,
    revision: int,
    reason: str = "",
    now: dt.datetime | None = None,
) -> Session:
    """Apply one player control. Optimistic: the UPDATE only matches the revision the
    person saw, so a double tap, a second tab or a stale page cannot apply it twice."""
    now = now or timezone.now()
    if not session.is_active:
        raise SessionError(_("This session has already finished."))
    if revision != session.revision:
        raise SessionError(_("The routine had already moved on; here is where it is now."))
    outcome = _plan_transition(session, action, reason, now)
    changes = {**outcome.changes, "last_activity_at": now, "revision": revision + 1}
    # A lone UPDATE is atomic by itself; a transaction is only needed (and only paid
    # for) when a step record is written with it.
    with transaction.atomic() if outcome.record else nullcontext():
        won = Session.objects.filter(
            pk=session.pk, revision=revision, status=Session.Status.ACTIVE
        ).update(**changes)
        if not won:
            raise SessionError(_("The routine had already moved on; here is where it is now."))
        if outcome.record is not None:
            StepRecord.objects.bulk_create(
                [outcome.record],
                update_conflicts=True,
                unique_fields=["session", "routine_step"],
                update_fields=["state", "skip_reason", "seconds_spent", "recorded_at"],
            )
    if outcome.record is not None and outcome.record.hurt:
        pain_data_changed_on_commit(user_id=session.user_id)
    for name, value in changes.items():
        setattr(session, name, value)
    return session


# --- Finishing and editing ------------------------------------------------------------------


def session_rate_after(
    *,
    session: Session,
    pain_after: int,
    feelings: dict[int, str],
    note: str = "",
    new_leg_symptoms: bool = False,
) -> Session:
    """The pain check after the routine, with how each exercise felt."""
    if session.is_active:
        raise SessionError(_("Finish or end the routine before rating it."))
    if session.pain_after is not None:
        raise SessionError(_("You have already rated this session; you can edit it in History."))
    with transaction.atomic():
        won = Session.objects.filter(pk=session.pk, pain_after__isnull=True).update(
            pain_after=pain_after, note=note or session.note, new_leg_symptoms=new_leg_symptoms
        )
        if not won:
            raise SessionError(
                _("You have already rated this session; you can edit it in History.")
            )
        for record in session.step_records.filter(pk__in=feelings):
            record.feeling = feelings[record.pk]
            record.save(update_fields=["feeling"])
        pain_data_changed_on_commit(user_id=session.user_id)
    session.refresh_from_db()
    return session


def session_update(
    *,
    session: Session,
    pain_before: int | None,
    pain_after: int | None,
    stiffness: int | None,
    note: str,
) -> Session:
    """Correct a session's ratings and note (from History)."""
    session.pain_before, session.pain_after = pain_before, pain_after
    session.stiffness, session.note = stiffness, note
    session.save(update_fields=["pain_before", "pain_after", "stiffness", "note"])
    pain_data_changed_on_commit(user_id=session.user_id)
    return session


def session_delete(*, session: Session) -> None:
    """Delete a session with its step records (from History)."""
    user_id = session.user_id
    session.delete()
    pain_data_changed_on_commit(user_id=user_id)


def session_log(
    *,
    user: User,
    routine: Routine,
    day: dt.date,
    pain_before: int | None = None,
    pain_after: int | None = None,
    note: str = "",
) -> Session:
    """Record a routine done on a past local day, without the player: a completed session
    with its ratings and no step records. Its times are midday of that day in the user's
    zone (stored in UTC), so it sorts and displays on the right day."""
    midday = dt.datetime.combine(day, dt.time(12), tzinfo=user.zone).astimezone(dt.UTC)
    session = Session.objects.create(
        user=user,
        routine=routine,
        status=Session.Status.COMPLETED,
        local_date=day,
        started_at=midday,
        finished_at=midday,
        last_activity_at=midday,
        pain_before=pain_before,
        pain_after=pain_after,
        note=note,
        player_done=True,
    )
    pain_data_changed_on_commit(user_id=user.pk)
    return session


def session_close_stale(*, now: dt.datetime | None = None, user: User | None = None) -> int:
    """Close sessions left without activity as partial, never deleting them. Set-based,
    so running it twice, or in two workers at once, changes nothing more. With `user`,
    only that person's (a request path never writes other people's rows)."""
    now = now or timezone.now()
    stale = Session.objects.stale(now)
    if user is not None:
        stale = stale.filter(user=user)
    return stale.update(
        status=Session.Status.PARTIAL,
        finished_at=F("last_activity_at"),
        running=False,
        paused_at=None,
    )


# --- Check-ins ---------------------------------------------------------------------------


def checkin_save(
    *,
    user: User,
    pain: int,
    note: str = "",
    day: dt.date | None = None,
    new_leg_symptoms: bool = False,
) -> tuple[CheckIn, bool]:
    """Create or update the check-in of a local day (today by default; "log yesterday"
    passes yesterday)."""
    day = day or local_today(user)
    checkin, created = CheckIn.objects.update_or_create(
        user=user,
        local_date=day,
        defaults={"pain": pain, "note": note, "new_leg_symptoms": new_leg_symptoms},
    )
    pain_data_changed_on_commit(user_id=user.pk)
    return checkin, created


def checkin_delete(*, checkin: CheckIn) -> None:
    user_id = checkin.user_id
    checkin.delete()
    pain_data_changed_on_commit(user_id=user_id)
