"""The reminder send path end to end: claim, render, SMTP, mark sent.

    python bench/reminder_sends.py         # 10,000 emails; BENCH_SMALL=1: 300, seconds

Works in a PostgreSQL database and a Redis database of its own (bench/common.py), both
emptied at the end. Makes 10,000 people whose reminder is due now, starts a real Celery
worker as `make run` does (`celery -A backease worker`, prefork pool, concurrency 2) with
production settings and EMAIL_URL pointing at a real SMTP server (aiosmtpd, on a local port
in this process), runs one dispatch, and waits until every message was received and every
row is marked sent. The clock runs from the dispatch to the last of both. Last line:

reminder_sends: emails=10000 seconds=S per_s=R received=N duplicates=0 lost=0

duplicates: messages received more than once (by Message-ID); lost: reminders not received
or not marked sent when the wait ends (TIMEOUT_S, 10 minutes at full size). Goal: received =
emails, 0 duplicates, 0 lost; at full size also per_s >= 500. Exits 1 when missed.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import common

EMAILS = common.size(10_000, 300)
CONCURRENCY = 2  # Procfile.dev's worker
MIN_PER_S = 500
TIMEOUT_S = common.size(600, 120)
EMAIL_DOMAIN = "@bench.invalid"


class Inbox:
    """An aiosmtpd handler that counts what it receives, by Message-ID."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ids: Counter[str] = Counter()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        content = envelope.original_content or envelope.content
        message_id = ""
        for line in content.split(b"\r\n"):
            if not line:
                break  # end of the headers
            if line[:11].lower() == b"message-id:":
                message_id = line[11:].strip().decode()
        with self.lock:
            self.ids[message_id] += 1
        return "250 OK"

    def snapshot(self) -> Counter[str]:
        with self.lock:
            return Counter(self.ids)


def main() -> None:
    with common.OwnDatabase("reminder_sends"), common.OwnRedis("reminder_sends") as redis_db:
        os.environ["REDIS_URL"] = redis_db.url
        line, goals = run()
    goals.finish(line)


def run() -> tuple[str, common.Goals]:
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    # Production settings, for this process (which dispatches) and the worker alike.
    os.environ.update(
        EMAIL_URL=f"smtp://127.0.0.1:{port}", DEBUG="0", SECRET_KEY="bench-" + "x" * 50
    )
    worker = None
    try:
        common.django_setup(settings="backease.settings")
        ids = make_due()
        if common.SETUP_ONLY:
            return "", common.Goals()
        worker = start_worker()
        wait_until_ready()
        return measure(inbox, ids)
    finally:
        if worker is not None:
            stop(worker)
        smtp.stop()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_due() -> list[int]:
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.models import User
    from reminders.models import ReminderSchedule

    now = timezone.now()
    password = make_password(None)
    zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"]
    users = User.objects.bulk_create(
        [
            User(email=f"bench-{n}{EMAIL_DOMAIN}", password=password, time_zone=zones[n % 5])
            for n in range(EMAILS)
        ],
        batch_size=2000,
    )
    rows = [
        ReminderSchedule(
            user=user,
            local_time=dt.time(8, 0),
            # Due a second ago on the person's own local day.
            next_reminder_at=now - dt.timedelta(seconds=1),
            next_local_date=now.astimezone(user.zone).date(),
        )
        for user in users
    ]
    ReminderSchedule.objects.bulk_create(rows, batch_size=2000)
    return [row.pk for row in rows]


def start_worker() -> subprocess.Popen:
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "backease.settings"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backease",
            "worker",
            "--pool=prefork",
            f"--concurrency={CONCURRENCY}",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            "-n",
            f"bench-sends-{os.getpid()}@%h",
        ],  # fmt: skip
        cwd=common.ROOT,
        env=env,
        start_new_session=True,
    )


def wait_until_ready() -> None:
    from backease.celery import app

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if app.control.ping(timeout=1):
            return
    sys.exit("the Celery worker did not start")


def stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)


def measure(inbox: Inbox, schedule_ids: list[int]) -> tuple[str, common.Goals]:
    from django.db import connection

    from reminders import services
    from reminders.models import Reminder

    started = time.perf_counter()
    result = services.reminders_dispatch()
    sent = 0
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        received = sum(inbox.snapshot().values())
        if received >= EMAILS:
            sent = Reminder.objects.filter(status=Reminder.Status.SENT).count()
            if sent >= EMAILS:
                break
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    # A little longer: anything sent twice would arrive now.
    time.sleep(common.size(2, 1))
    ids = inbox.snapshot()
    sent = Reminder.objects.filter(status=Reminder.Status.SENT).count()
    expected = {f"<reminder-{pk}-" for pk in Reminder.objects.values_list("pk", flat=True)}
    received = len(ids)
    duplicates = sum(count - 1 for count in ids.values())
    known = {message_id.split("-")[0] + "-" + message_id.split("-")[1] + "-" for message_id in ids}
    lost = max(EMAILS - len(known & expected), EMAILS - sent)
    connection.close()
    print(
        f"dispatch claimed {result.claimed}; {sent} rows sent, {received} distinct messages "
        f"received in {seconds:.1f}s"
    )
    goals = common.Goals()
    goals.require(received == EMAILS, f"received={received} != {EMAILS}")
    goals.require(duplicates == 0, f"duplicates={duplicates}")
    goals.require(lost == 0, f"lost={lost}")
    # Emails both received and marked sent per second (all of them, unless time ran out).
    per_s = min(received, sent) / seconds
    if not common.SMALL:
        goals.require(per_s >= MIN_PER_S, f"per_s={per_s:.0f} < {MIN_PER_S}")
    line = (
        f"reminder_sends: emails={EMAILS} seconds={seconds:.1f} per_s={per_s:.0f} "
        f"received={received} duplicates={duplicates} lost={lost}"
    )
    return line, goals


if __name__ == "__main__":
    main()
