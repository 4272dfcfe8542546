"""The progress lines in the calm "well done" after a routine (tracking's
`session_finished_notes` hook)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tracking.hooks import FinishedNote
from tracking.models import local_today

from .stats import History

if TYPE_CHECKING:
    from accounts.models import User
    from tracking.models import Session


def streak_note(user: User, session: Session) -> FinishedNote | None:
    if session.status != session.Status.COMPLETED:
        return None
    history = History.load(user, today=local_today(user))
    streak = history.current_streak()
    week = history.this_week
    if streak >= 2:
        text = ngettext("That is {n} day in a row.", "That is {n} days in a row.", streak).format(
            n=streak
        )
    else:
        text = _("A good start: one day done.")
    if week.target:
        text += " " + ngettext(
            "{done} of {target} day this week.", "{done} of {target} days this week.", week.target
        ).format(done=week.done, target=week.target)
    return FinishedNote(text=text, url=reverse("progress:progress"), link=_("See your progress"))


def connect() -> None:
    from tracking import hooks

    if streak_note not in hooks.session_finished_notes:
        hooks.session_finished_notes.append(streak_note)
