"""The Celery worker keeps its database connection between tasks, as a web process keeps
one between requests (CONN_MAX_AGE), instead of opening a new one for every task."""

import pytest
from celery.fixups.django import DjangoWorkerFixup
from celery.signals import task_postrun, task_prerun
from django.db import connection

from backease.celery import app
from reminders.tasks import send_reminders
from tests.safety.helpers import require_postgres


@pytest.fixture
def worker():
    """What the worker does around every task: Celery's own Django fix-up (one for the
    worker's life, as in a pool process), then the signals this project listens to."""
    require_postgres()  # SQLite's in-memory test database never really closes
    fixup = DjangoWorkerFixup(app)

    def run_a_task() -> None:
        task_prerun.send(sender=send_reminders)
        fixup.on_task_prerun(sender=send_reminders)
        connection.ensure_connection()
        fixup.on_task_postrun(sender=send_reminders)
        task_postrun.send(sender=send_reminders)

    saved = connection.settings_dict["CONN_MAX_AGE"]
    connection.close()
    yield run_a_task
    connection.settings_dict["CONN_MAX_AGE"] = saved
    connection.close()


@pytest.mark.django_db(transaction=True)
def test_the_worker_reuses_its_database_connection_for_the_next_tasks(worker):
    connection.settings_dict["CONN_MAX_AGE"] = 60
    worker()
    first = connection.connection
    for _ in range(3):
        worker()
    assert first is not None
    assert connection.connection is first


@pytest.mark.django_db(transaction=True)
def test_the_worker_closes_a_connection_older_than_conn_max_age(worker):
    connection.settings_dict["CONN_MAX_AGE"] = 0
    worker()
    assert connection.connection is None
