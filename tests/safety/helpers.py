import datetime as dt
import os

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import CheckInFactory, SessionFactory
from tracking.models import StepRecord

NOW = dt.datetime(2026, 3, 31, 12, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 31)


def rate(user, pains_newest_first, *, today=TODAY):
    """A check-in per day, newest first; None leaves a day without a rating."""
    for days_ago, pain in enumerate(pains_newest_first):
        if pain is not None:
            CheckInFactory(user=user, local_date=today - dt.timedelta(days=days_ago), pain=pain)


def session_with_step(user, day, *, hurt=False, pain_before=3, pain_after=3, step_index=0):
    """A completed session on `day` whose first step (by default) was done, hurting or not."""
    started = timezone.make_aware(dt.datetime.combine(day, dt.time(9)), dt.UTC)
    session = SessionFactory(
        user=user, local_date=day, pain_before=pain_before, pain_after=pain_after,
        started_at=started,
    )  # fmt: skip
    step = list(session.routine.steps.all())[step_index]
    StepRecord.objects.create(
        session=session,
        routine_step=step,
        exercise=step.exercise,
        order=step_index,
        state=StepRecord.State.DONE,
        feeling=StepRecord.Feeling.HURT if hurt else StepRecord.Feeling.FINE,
    )
    return session, step.exercise


def require_postgres() -> None:
    """Locally a PostgreSQL-only test may be skipped on SQLite; in CI it must fail."""
    if connection.vendor == "postgresql":
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail("This test needs PostgreSQL (set DATABASE_URL); CI must not skip it.")
    pytest.skip("needs PostgreSQL (set DATABASE_URL)")
