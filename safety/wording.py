"""What BackEase says about each rule: plain, kind, never diagnostic, never reassuring.

Each level has its own words (SAFETY.md "Wording"): an emergency says "Call <number> now",
an urgent sign "Contact a GP or urgent care today", a pain rule "Consider seeing a GP or
physiotherapist"; the same words head the banner, the page and the email subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import rules
from .questions import yes_items

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .models import Flag
    from .numbers import Contact

# Levels, most serious first.
EMERGENCY, URGENT, PAIN = "emergency", "urgent", "pain"
LEVELS = (EMERGENCY, URGENT, PAIN)

DISCLAIMER = gettext_lazy(
    "BackEase looks only at the ratings you give it. It cannot diagnose anything and is no "
    "substitute for advice from a doctor or physiotherapist."
)


def number(value: float | int | None) -> str:
    """6 → "6", 5.5 → "5.5" ("5,5" in Spanish and German), 5.25 → "5.3": ratings read best
    without trailing zeros."""
    if value is None:
        return "–"
    text = f"{float(value):.1f}".removesuffix(".0")
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))


def level(flag: Flag) -> str:
    if flag.rule == rules.RED_FLAG:
        return EMERGENCY if flag.severity >= rules.EMERGENCY else URGENT
    return PAIN


def most_serious(flags: Iterable[Flag]) -> str:
    levels = {level(flag) for flag in flags}
    return next((lv for lv in (EMERGENCY, URGENT) if lv in levels), PAIN)


def action(level_name: str, contact: Contact) -> str:
    """The level's own words: the banner heading and the email subject."""
    if level_name == EMERGENCY:
        return _("Call %(number)s now") % {"number": contact.emergency}
    if level_name == URGENT:
        return _("Contact a GP or urgent care today")
    return _("Consider seeing a GP or physiotherapist")


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


def _sentences(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def consider(flag: Flag, contact: Contact) -> str:
    if flag.rule == rules.RED_FLAG and flag.severity >= rules.EMERGENCY:
        stop = _("Stop and call %(number)s now, or go to the nearest emergency department.")
        return _sentences(
            stop % {"number": contact.emergency}, contact.where, contact.ambulance_line
        )
    if flag.rule == rules.RED_FLAG:
        return _sentences(_("Contact a GP or urgent care today."), contact.urgent_line)
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
