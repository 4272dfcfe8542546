"""The safety evaluation's publish reuses a pooled broker connection (issue 14), and a pooled
connection left dead by a Redis restart or outage never loses a task or hangs a save."""

import pytest
import redis

from backease.celery import app as celery_app
from safety.services import _enqueue
from safety.tasks import evaluate_user_flags


@pytest.fixture
def broker(own_redis, monkeypatch):
    """Celery publishing to the test's own redis-server, with a pool of its own."""
    monkeypatch.setitem(celery_app.conf, "broker_url", own_redis.url)
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    yield own_redis
    celery_app.pool.force_close_all()


def _queued(server) -> int:
    return redis.Redis.from_url(server.url).llen("celery")


def _connections_opened(server) -> int:
    return redis.Redis.from_url(server.url).info("stats")["total_connections_received"]


def test_ten_safety_enqueues_share_one_broker_connection(broker):
    assert _enqueue(evaluate_user_flags, 1)
    opened = _connections_opened(broker)
    for user_id in range(2, 12):
        assert _enqueue(evaluate_user_flags, user_id)
    # One more: the client that asks. A connection per publish would be ten more.
    assert _connections_opened(broker) - opened == 1
    assert _queued(broker) == 11


def test_after_a_redis_restart_the_next_enqueue_goes_out_on_a_fresh_connection(broker):
    assert _enqueue(evaluate_user_flags, 1)  # the pool now holds a connection
    broker.stop()
    broker.start()  # same port, empty: the pooled connection is dead
    assert _enqueue(evaluate_user_flags, 2)
    assert _queued(broker) == 1
    assert _enqueue(evaluate_user_flags, 3)  # and the pool works again after that
    assert _queued(broker) == 2


def test_with_redis_down_an_enqueue_reports_failure_instead_of_raising(broker):
    assert _enqueue(evaluate_user_flags, 1)
    broker.stop()
    assert _enqueue(evaluate_user_flags, 2) is False
    broker.start()
    assert _enqueue(evaluate_user_flags, 3)
    assert _queued(broker) == 1


def test_a_publish_that_fails_on_a_pooled_connection_goes_out_on_a_fresh_one(broker, monkeypatch):
    """A dead socket that Redis' client cannot spot before writing (a half-open TCP
    connection) fails the publish: the task still goes out, and that connection is dropped."""
    assert _enqueue(evaluate_user_flags, 1)
    pooled = celery_app.pool.acquire()
    pooled.release()
    publish = evaluate_user_flags.apply_async
    used = []

    def publish_once_broken(args, connection, **kwargs):
        used.append(connection)
        if len(used) == 1:
            raise ConnectionError("Connection reset by peer")
        return publish(args, connection=connection, **kwargs)

    monkeypatch.setattr(evaluate_user_flags, "apply_async", publish_once_broken)
    assert _enqueue(evaluate_user_flags, 2)
    assert used[0] is pooled and used[1] is not pooled
    assert _queued(broker) == 2
    assert celery_app.pool.acquire() is not pooled  # the broken one never comes back
