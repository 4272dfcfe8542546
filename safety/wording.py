"""What BackEase says about each rule: plain, kind, never diagnostic, always "consider"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import rules
from .questions import yes_items

if TYPE_CHECKING:
    from .models import Flag

DISCLAIMER = gettext_lazy(
    "BackEase looks only at the ratings you give it. It cannot diagnose anything and is no "
    "substitute for advice from a doctor or physiotherapist."
)


def number(value: float | int | None) -> str:
    """6 → "6", 5.5 → "5.5", 5.25 → "5.3": ratings read best without trailing zeros."""
    if value is None:
        return "–"
    text = f"{float(value):.1f}"
    return text.removesuffix(".0")


def emergency_contact() -> dict[str, str]:
    numbers = settings.SAFETY_EMERGENCY_NUMBERS
    return numbers.get(settings.SAFETY_REGION) or next(iter(numbers.values()))


def noticed(flag: Flag) -> str:
    n = flag.numbers
    if flag.rule == rules.RED_FLAG:
        items = "; ".join(str(q.text) for q in yes_items(n.get("answers", {})))
        return _("You answered yes to a warning sign: %(items)s") % {"items": items}
    if flag.rule == rules.NO_IMPROVEMENT:
        return _(
            "Your 7-day average is %(average)s, no lower than %(weeks)s weeks ago (%(first)s then)."
        ) % {
            "average": number(n.get("average")),
            "weeks": n.get("weeks"),
            "first": number(n.get("first_average")),
        }
    if flag.rule == rules.WORSENING:
        return _(
            "Your 7-day average is %(average)s, %(rise)s points higher than the 7 days before "
            "(%(previous)s)."
        ) % {
            "average": number(n.get("average")),
            "rise": number(n.get("rise")),
            "previous": number(n.get("previous_average")),
        }
    if flag.rule == rules.SEVERE:
        return _("You rated your pain %(pain)s or more on %(days)s of the last 7 days.") % {
            "pain": settings.SAFETY_SEVERE_PAIN,
            "days": n.get("severe_days"),
        }
    if flag.rule == rules.LONG_LASTING:
        return _(
            "Your pain has been %(pain)s or more on %(high)s of %(rated)s rated days over the "
            "last %(weeks)s weeks."
        ) % {
            "pain": settings.SAFETY_LONG_LASTING_PAIN,
            "high": n.get("high_days"),
            "rated": n.get("rated_days"),
            "weeks": n.get("weeks"),
        }
    if flag.rule == rules.EXERCISE_HURTS:
        return _(
            "“%(exercise)s” hurt in %(hurt)s of the last %(sessions)s sessions that included it."
        ) % {
            "exercise": flag.exercise.name if flag.exercise_id else _("An exercise"),
            "hurt": n.get("hurt_sessions"),
            "sessions": n.get("sessions"),
        }
    return ""


def consider(flag: Flag) -> str:
    if flag.rule == rules.RED_FLAG:
        contact = emergency_contact()
        if flag.severity >= rules.EMERGENCY:
            return _(
                "Please stop and call %(number)s now, or go to the nearest emergency department."
            ) % {"number": contact["emergency"]}
        if contact.get("urgent"):
            return _("Please contact a GP or an urgent care line (%(urgent)s) today.") % {
                "urgent": contact["urgent"]
            }
        return _("Please contact a GP or an urgent care line today.")
    if flag.rule == rules.NO_IMPROVEMENT:
        return _("Consider seeing a GP or physiotherapist.")
    if flag.rule == rules.WORSENING:
        return _("Consider contacting a GP or physiotherapist soon.")
    if flag.rule == rules.SEVERE:
        return _("Consider contacting a GP soon.")
    if flag.rule == rules.LONG_LASTING:
        return _(
            "Consider seeing a GP or physiotherapist: a professional can help you plan a "
            "structured programme."
        )
    if flag.rule == rules.EXERCISE_HURTS:
        return _(
            "Consider skipping this exercise for now and mentioning it to a GP or physiotherapist."
        )
    return ""
