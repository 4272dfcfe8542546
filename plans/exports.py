"""The plan's set-up answers and its history of changes in "Download everything"
(see backease/exports.py)."""

from backease.exports import register

from .models import PlanChange, PlanSettings

register("plan_settings", PlanSettings, ["concern", "onboarding", "updated_at"])
register(
    "plan_changes",
    PlanChange,
    [
        "local_date",
        "kind",
        "status",
        "reason",
        "numbers",
        "changes",
        "step_values",
        ("next_routine", "next_routine__slug"),
        ("from_routine", "from_routine__slug"),
        ("to_routine", "to_routine__slug"),
        "created_at",
        "decided_at",
    ],
    order_by=("created_at", "pk"),
)
