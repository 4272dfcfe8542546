"""A real Celery worker on the real Redis broker: no eager mode.

In CI (CI=true) these fail when Redis or PostgreSQL is missing; locally they are skipped.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django.utils import timezone

from backease.celery import app as celery_app
from reminders import services, tasks
from reminders.models import Reminder, ReminderSchedule
from tests.factories import UserFactory
from tests.faults.servers import wait_until as wait_for
from tracking.models import local_today

from .conftest import require_postgres, require_redis

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


def make_due(*zones: str, per_person: int = 1) -> list:
    """People in these zones whose reminder times (`per_person` of them) have just come."""
    users = []
    now = timezone.now()
    for zone in zones:
        user = UserFactory(time_zone=zone)
        for hour in range(per_person):
            services.reminder_add(user=user, local_time=dt.time(8 + hour, 0), weekdays=127)
        # The clock reaches their chosen times (instead of waiting for them).
        ReminderSchedule.objects.filter(user=user).update(
            next_reminder_at=now - dt.timedelta(seconds=1), next_local_date=local_today(user)
        )
        users.append(user)
    return users


def _close_db(**kwargs) -> None:
    connection.close()  # the worker thread's own connection


@pytest.fixture
def real_worker():
    require_redis()
    assert not celery_app.conf.task_always_eager
    task_postrun.connect(_close_db, weak=False)
    try:
        with start_worker(
            celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=20
        ) as worker:
            yield worker
    finally:
        task_postrun.disconnect(_close_db)


def test_a_real_worker_on_redis_dispatches_and_delivers_one_email_per_reminder(real_worker):
    users = make_due("Europe/Berlin", "Pacific/Kiritimati", "Australia/Lord_Howe", per_person=2)
    tasks.dispatch_reminders.delay()
    wait_for(
        lambda: Reminder.objects.filter(status=Reminder.Status.SENT).count() == 6,
        what="six sent reminders",
    )
    wait_for(lambda: len(mail.outbox) == 6, what="six emails")
    # The beat fires again: nothing more is sent.
    tasks.dispatch_reminders.delay()
    time.sleep(2)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users * 2)
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == 6
    assert Reminder.objects.count() == 6


def _start_worker(name: str, mail_dir: Path, log: Path) -> subprocess.Popen:
    db = connection.settings_dict
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "tests.reminders.worker_settings",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "REDIS_URL": django_settings.REDIS_URL,
        "REMINDER_TEST_MAIL_DIR": str(mail_dir),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backease",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
            "-n",
            f"{name}@%h",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


def _emails_in(mail_dir: Path) -> int:
    return sum(
        path.read_text(errors="replace").count("Message-ID: <reminder-")
        for path in mail_dir.glob("*.log")
    )


def test_a_worker_killed_mid_send_and_restarted_delivers_exactly_once(tmp_path, settings):
    require_postgres()
    require_redis()
    settings.REMINDERS_SEND_LEASE_SECONDS = 3  # as in worker_settings
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    log = tmp_path / "workers.log"
    [user] = make_due("America/New_York")
    services.reminders_dispatch()  # claims the day and queues the send on Redis
    reminder = Reminder.objects.get(user=user)

    first = _start_worker("first", mail_dir, log)
    try:
        wait_for((mail_dir / "first-send-started").exists, what=f"the first send ({log})")
        reminder.refresh_from_db()
        assert reminder.status == Reminder.Status.SENDING
    finally:
        _stop(first, signal.SIGKILL)  # killed mid-send: no ack, no "sent"
    assert _emails_in(mail_dir) == 0

    second = _start_worker("second", mail_dir, log)
    try:
        time.sleep(3.5)  # the dead sender's lease runs out
        # Dispatch queues it again, unless Redis has already handed the killed worker's
        # message to the second one (a loaded machine starts it late): either way, one email.
        assert services.reminders_dispatch().requeued in (0, 1)
        wait_for(
            lambda: Reminder.objects.get(pk=reminder.pk).status == Reminder.Status.SENT,
            what=f"the reminder to be sent ({log})",
        )
        # Redis also hands the killed worker's message back (visibility timeout): it
        # must find nothing left to do.
        time.sleep(8)
    finally:
        _stop(second)
    reminder.refresh_from_db()
    assert _emails_in(mail_dir) == 1
    assert reminder.attempts == 2
    assert "succeeded" in log.read_text()
