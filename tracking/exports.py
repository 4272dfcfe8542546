"""Sessions, their steps and check-ins in "Download everything" (see backease/exports.py)."""

from backease.exports import register

from .models import CheckIn, Session, StepRecord

register(
    "sessions",
    Session,
    [
        "id",
        ("routine", "routine__slug"),
        "status",
        "local_date",
        "started_at",
        "finished_at",
        "pain_before",
        "pain_after",
        "stiffness",
        "new_leg_symptoms",
        "note",
    ],
    order_by=("started_at", "pk"),
)
register(
    "steps",
    StepRecord,
    [
        "session_id",
        "order",
        ("exercise", "exercise__slug"),
        "state",
        "skip_reason",
        "feeling",
        "seconds_spent",
        "recorded_at",
    ],
    owner="session__user",
    order_by=("session__started_at", "session_id", "order"),
)
register(
    "checkins",
    CheckIn,
    ["local_date", "pain", "new_leg_symptoms", "note", "created_at", "updated_at"],
    order_by=("local_date",),
)
