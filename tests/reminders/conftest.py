import os

import pytest
from django.conf import settings
from django.db import connection

from backease.celery import app as celery_app

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_postgres() -> None:
    """Locally a PostgreSQL-only test may be skipped on SQLite; in CI it must fail."""
    if connection.vendor == "postgresql":
        return
    if IN_CI:
        pytest.fail("This test needs PostgreSQL (set DATABASE_URL); CI must not skip it.")
    pytest.skip("needs PostgreSQL (set DATABASE_URL)")


def require_redis() -> None:
    """The real-broker tests need Redis; in CI a missing Redis is a failure."""
    if settings.REDIS_URL:
        import redis

        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
            return
        except redis.RedisError as exc:
            problem = f"Redis at {settings.REDIS_URL} does not answer: {exc}"
    else:
        problem = "REDIS_URL is not set"
    if IN_CI:
        pytest.fail(f"This test needs Redis ({problem}); CI must not skip it.")
    pytest.skip(f"needs Redis ({problem})")


@pytest.fixture
def eager():
    """Run tasks inline for unit tests (the integration tests use a real worker)."""
    before = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = before


@pytest.fixture
def dispatch(django_capture_on_commit_callbacks):
    """Run one dispatch and the sends it queues (on commit, as in production)."""
    from reminders import services

    def run(**kwargs) -> services.DispatchResult:
        with django_capture_on_commit_callbacks(execute=True):
            return services.reminders_dispatch(**kwargs)

    return run


def set_reminder(user, *, local_time, now=None, **kwargs):
    """The person's first reminder set as given (added when they have none), as the
    single daily reminder was before people could have several."""
    from reminders import services
    from reminders.models import ReminderSchedule

    options = {"enabled": True, "weekdays": 0b1111111, "skip_if_done": True} | kwargs
    existing = ReminderSchedule.objects.filter(user=user).order_by("pk").first()
    if existing is None:
        return services.reminder_add(user=user, local_time=local_time, now=now, **options)
    options = {"routine": existing.routine, "label": existing.label} | options
    return services.reminder_update(schedule=existing, local_time=local_time, now=now, **options)
