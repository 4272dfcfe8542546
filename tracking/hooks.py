"""How higher apps take part in tracking without tracking importing them.

Tracking is a lower app: it never imports `safety`, `progress`, `reminders` or any other
higher app. A higher app that must react to tracking's writes, or add to its pages,
registers here from its `AppConfig.ready()`:

- `pain_data_changed`: a signal sent (with `user_id`) once the transaction that changed a
  person's pain data commits: a rating given, changed or deleted by any path (a session
  started, rated, edited or deleted, a step skipped because it hurt, a check-in saved or
  deleted, a past day logged). Every write in `tracking.services` sends it through
  `pain_data_changed_on_commit`; nothing else in tracking writes ratings.
- `start_gates`: callables `(user) -> url | None`; a URL means the person must go there
  before a routine can start or continue (safety: an unacknowledged emergency answer).
- `rating_follow_ups`: callables `(user, *, pain, new_symptoms) -> url | None`; where to go
  after a rating given before or after a routine (safety: the warning-sign questions).
- `exercise_marks`: callables `(user) -> set[int]`: exercise ids the player marks as
  hurting.
- `session_finished_notes`: callables `(user, session) -> FinishedNote | None`: lines shown
  in the calm "well done" on the summary just after a routine is rated (progress: the
  streak and what comes next).
- `checkin_questions`: `CheckinQuestions` asked inside the daily check-in (safety: the
  emergency questions, when new symptoms are ticked or the pain is high).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.dispatch import Signal

if TYPE_CHECKING:
    from django import forms

    from accounts.models import User

pain_data_changed = Signal()


def pain_data_changed_on_commit(*, user_id: int) -> None:
    """Record that this person's pain data changed: receivers hear of it once the current
    transaction commits (at once outside a transaction), never for a rolled-back write.
    A failing receiver is logged and never turns a saved write into an error."""

    # send_robust logs a receiver's exception (logger "django.dispatch") and carries on.
    transaction.on_commit(lambda: pain_data_changed.send_robust(sender=None, user_id=user_id))


start_gates: list[Callable[[User], str | None]] = []
rating_follow_ups: list[Callable[..., str | None]] = []
exercise_marks: list[Callable[[User], set[int]]] = []


@dataclass(frozen=True)
class CheckinQuestions:
    """Questions a higher app asks inside the daily check-in.

    `needed(pain=..., new_symptoms=...)` says whether to ask; `form(data)` builds the form
    (unbound when `data` is None; it uses its own prefix); `template` renders it (the form
    is `form` in its context); `record(user=..., form=...)` stores valid answers and returns
    where to send the person next, or None to stay on the check-in."""

    needed: Callable[..., bool]
    form: Callable[..., forms.Form]
    template: str
    record: Callable[..., str | None]


checkin_questions: list[CheckinQuestions] = []


@dataclass(frozen=True)
class FinishedNote:
    """One line of the summary's "well done", with an optional link."""

    text: str
    url: str = ""
    link: str = ""


session_finished_notes: list[Callable[..., FinishedNote | None]] = []


def first_url(callables, *args, **kwargs) -> str | None:
    """The first URL any registered callable returns, or None."""
    for hook in callables:
        if url := hook(*args, **kwargs):
            return url
    return None
