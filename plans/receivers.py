"""How the plan joins in: a new sign-up gets the set-up; the export and the clinician
summary list the plan's changes through their registries (progress and safety do not
import plans)."""

from __future__ import annotations

import datetime as dt

from allauth.account.signals import user_signed_up
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from safety import summary

from .models import PlanChange, PlanSettings


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


summary.register_section("plan_changes", summary_section)
