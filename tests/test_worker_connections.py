"""The Celery worker keeps its database connection between tasks, as a web process keeps
one between requests (CONN_MAX_AGE), instead of opening a new one for every task."""

import pytest
from celery.fixups.django import DjangoWorkerFixup
from celery.signals import task_postrun, task_prerun
from django.db import connection

from backease.celery import app
from reminders.tasks import send_reminders


def _run_a_task() -> None:
    """What the worker does around every task: Celery's own Django fix-up, then the
    signals this project listens to."""
    fixup = DjangoWorkerFixup(app)
    task_prerun.send(sender=send_reminders)
    fixup.on_task_prerun(sender=send_reminders)
    connection.ensure_connection()
    fixup.on_task_postrun(sender=send_reminders)
    task_postrun.send(sender=send_reminders)


@pytest.fixture
def max_age():
    saved = connection.settings_dict["CONN_MAX_AGE"]
    yield lambda seconds: connection.settings_dict.__setitem__("CONN_MAX_AGE", seconds)
    connection.settings_dict["CONN_MAX_AGE"] = saved
    connection.close()


@pytest.mark.django_db(transaction=True)
def test_the_worker_reuses_its_database_connection_for_the_next_task(max_age):
    max_age(60)
    connection.close()
    _run_a_task()
    first = connection.connection
    _run_a_task()
    assert first is not None
    assert connection.connection is first


@pytest.mark.django_db(transaction=True)
def test_the_worker_closes_a_connection_older_than_conn_max_age(max_age):
    max_age(0)
    connection.close()
    _run_a_task()
    assert connection.connection is None
