"""How the plan joins in: a new sign-up gets the set-up; the export and the clinician
summary list the plan's changes through their registries (progress and safety do not
import plans)."""

from __future__ import annotations

import datetime as dt

from allauth.account.signals import user_signed_up
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from progress import export
from safety import summary

from .models import PlanChange, PlanSettings

EXPORT_FIELDS = [
    "local_date",
    "kind",
    "status",
    "reason",
    "explanation",
    "changes",
    "from_routine",
    "to_routine",
    "decided_at",
]


@receiver(user_signed_up, dispatch_uid="plans_onboarding")
def start_onboarding(sender, request, user, **kwargs) -> None:
    PlanSettings.objects.update_or_create(
        user=user, defaults={"onboarding": PlanSettings.Onboarding.PENDING}
    )


def _history(user):
    return (
        PlanChange.objects.for_user(user)
        .exclude(status=PlanChange.Status.WITHDRAWN)
        .select_related("from_routine", "to_routine")
        .order_by("created_at")
    )


def export_rows(user) -> list[dict]:
    return [
        {
            "local_date": change.local_date.isoformat(),
            "kind": change.kind,
            "status": change.status,
            "reason": change.reason,
            "explanation": change.explanation(),
            "changes": change.change_lines(),
            "from_routine": change.from_routine.title if change.from_routine else None,
            "to_routine": change.to_routine.title if change.to_routine else None,
            "decided_at": change.decided_at.isoformat() if change.decided_at else None,
        }
        for change in _history(user)
    ]


def summary_section(user, start: dt.date, end: dt.date) -> dict:
    rows = []
    for change in _history(user).filter(local_date__range=(start, end)):
        rows.append(
            (
                change.local_date,
                f"{change.get_kind_display()} ({change.get_status_display().lower()}): "
                f"{change.explanation()} " + "; ".join(change.change_lines()),
            )
        )
    return {
        "title": _("Changes to the plan"),
        "rows": rows,
        "empty": _("No changes suggested in this period."),
    }


export.register_section("plan_changes", EXPORT_FIELDS, export_rows)
summary.register_section("plan_changes", summary_section)
