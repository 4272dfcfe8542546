"""A person's own routines and their steps in "Download everything"
(see backease/exports.py); the shared library belongs to nobody and stays out."""

from backease.exports import register

from .models import Routine, RoutineStep

register(
    "own_routines",
    Routine,
    [
        "id",
        "title",
        "slug",
        "difficulty",
        ("based_on", "based_on__slug"),
        "created_at",
        "deleted_at",
    ],
    owner="owner",
)
register(
    "own_routine_steps",
    RoutineStep,
    [
        "routine_id",
        "order",
        ("exercise", "exercise__slug"),
        "mode",
        "seconds",
        "repetitions",
        "per_side",
        "get_ready_seconds",
        "rest_seconds",
    ],
    owner="routine__owner",
    order_by=("routine_id", "order"),
)
