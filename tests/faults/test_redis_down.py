"""Redis (the cache and the Celery broker) goes down: people keep logging their routines,
and the work that needed Celery catches up once Redis is back."""

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import connection
from django.urls import reverse

from backease.celery import app as celery_app
from reminders.models import ReminderSchedule
from safety.models import Flag, PendingEvaluation
from tests.conftest import PASSWORD
from tests.safety.helpers import rate
from tracking.models import CheckIn, Session, local_today

from .servers import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def app_on_own_redis(own_redis, settings, monkeypatch):
    """Cache and broker both on the test's own Redis, as in production."""
    settings.REDIS_URL = own_redis.url
    settings.CACHES = {
        "default": {
            "BACKEND": "backease.cache.FailoverRedisCache",
            "LOCATION": own_redis.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    monkeypatch.setitem(celery_app.conf, "broker_url", own_redis.url)
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    yield own_redis
    celery_app.pool.force_close_all()


def _close_db(**kwargs) -> None:
    connection.close()  # the worker thread's own connection


def test_with_redis_down_people_keep_logging_and_the_safety_check_catches_up(
    app_on_own_redis, routine_library, client, user
):
    redis = app_on_own_redis
    today = local_today(user)
    rate(user, [None, 9, 9, 8], today=today)  # three bad days already logged
    client.force_login(user)
    assert client.get(reverse("progress:dashboard")).status_code == 200

    redis.stop()

    # A check-in: saved, and the safety evaluation it needs is owed, not lost.
    response = client.post(reverse("tracking:checkin"), {"pain": 7, "note": "stiff"})
    assert response.status_code == 302
    assert CheckIn.objects.get(user=user, local_date=today).pain == 7
    assert PendingEvaluation.objects.filter(user=user).exists()
    assert not Flag.objects.filter(user=user).exists()

    # A routine: started, played, rated.
    start = client.post(reverse("tracking:start", args=["desk-break"]), {"pain_before": 4})
    assert start.status_code == 302
    session = Session.objects.get(user=user)
    for action in ("start", "end"):
        session.refresh_from_db()
        url = reverse("tracking:transition", args=[session.pk, action])
        assert client.post(url, {"revision": session.revision}).status_code in (200, 302)
    finish = client.post(reverse("tracking:finish", args=[session.pk]), {"pain_after": 3})
    assert finish.status_code == 302
    session.refresh_from_db()
    assert (session.pain_before, session.pain_after) == (4, 3)

    # Pages and settings.
    assert client.get(reverse("progress:dashboard")).status_code == 200
    assert client.get(reverse("progress:progress")).status_code == 200
    saved = client.post(
        reverse("reminders:settings"),
        {"enabled": "on", "local_time": "07:30", "weekdays": ["0", "1", "2"]},
    )
    assert saved.status_code == 302
    assert ReminderSchedule.objects.get(user=user).enabled
    # Logging in (allauth's rate limits live in the cache) works too.
    other_browser = type(client)()
    login = other_browser.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert login.status_code == 302
    health = client.get(reverse("healthz"))
    assert health.status_code == 503 and health.json()["broker"] == "down"

    redis.start()
    assert client.get(reverse("healthz")).status_code == 200

    # Beat's next tick publishes the catch-up; a worker runs it; the flag opens, once.
    task_postrun.connect(_close_db, weak=False)
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False):
            from safety.tasks import catch_up_evaluations

            catch_up_evaluations.delay()
            wait_until(
                lambda: not PendingEvaluation.objects.exists(),
                timeout=30,
                what="the owed evaluation",
            )
            catch_up_evaluations.delay()  # the next tick finds nothing to do
    finally:
        task_postrun.disconnect(_close_db)
    assert Flag.objects.filter(user=user, rule="severe").count() == 1


def test_a_logout_while_redis_is_unreachable_stays_a_logout_when_it_is_back(
    app_on_own_redis, client, user, monkeypatch
):
    monkeypatch.setattr("backease.cache.RETRY_AFTER_SECONDS", 0)
    client.force_login(user)
    assert client.get(reverse("progress:dashboard")).status_code == 200  # cached in Redis
    stolen = client.cookies["sessionid"].value

    app_on_own_redis.pause()  # unreachable, but it keeps its copy of the session
    assert client.post(reverse("account_logout")).status_code == 302
    app_on_own_redis.resume()

    replay = type(client)()
    replay.cookies["sessionid"] = stolen
    response = replay.get(reverse("progress:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
