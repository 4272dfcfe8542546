"""Reminder dispatch at scale: 100,000 people on PostgreSQL holding 1-3 reminders each
(about 200,000), about a tenth of the reminders due.

    python bench/reminders.py             # about a minute; BENCH_SMALL=1: 500 people, seconds

Works in a PostgreSQL database of its own (bench/common.py), dropped at the end. Creates the
people and their reminders (spread over time zones, times of day and weekdays), runs one
dispatch at a moment when about a tenth of the reminders are due, then idle dispatches when nobody is. Sends are
published for real through kombu, to its in-memory broker, so nothing is delivered. Last line:

reminders: users=100000 reminders=M due=N claimed=N queries=Q dispatch_ms=T claimed_per_s=R idle_tick_ms=I duplicates=0

Goal: every due reminder claimed (or marked missed) and 0 duplicates; at full size also
idle_tick_ms <= 20 and claimed_per_s >= 20,000; exits 1 when missed.
"""  # noqa: E501

import datetime as dt
import os
import random
import statistics
import time

import common

USERS = common.size(100_000, 500)
EMAIL_DOMAIN = "@bench.invalid"
MIN_CLAIMED_PER_S = 20_000
MAX_IDLE_TICK_MS = 20
ZONES = [
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Helsinki",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/St_Johns",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Australia/Adelaide",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
    "Pacific/Honolulu",
    "Africa/Lagos",
    "Asia/Tehran",
]


def main() -> None:
    with common.OwnDatabase("reminders"):
        line, goals = run()
    goals.finish(line)


def run() -> tuple[str, common.Goals]:
    common.django_setup()
    common.memory_broker()

    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from accounts.models import User
    from reminders import services
    from reminders.models import Reminder, ReminderSchedule
    from reminders.schedule import next_due

    rng = random.Random(5)
    base = dt.datetime(2026, 3, 2, 0, 0, tzinfo=dt.UTC)  # a Monday, midnight UTC
    password = make_password(None)
    started = time.perf_counter()
    users = [
        User(email=f"bench-{n}{EMAIL_DOMAIN}", password=password, time_zone=ZONES[n % len(ZONES)])
        for n in range(USERS)
    ]
    User.objects.bulk_create(users, batch_size=5000)
    rows = []
    for user in users:
        # One to three reminders each, at distinct hours.
        hours = rng.sample(range(6, 21), rng.choice([1, 2, 3]))
        for hour in hours:
            row = ReminderSchedule(
                user=user,
                enabled=True,
                # Waking hours; a day's last reminder is 3 hours before midnight.
                local_time=dt.time(hour, rng.randrange(0, 60, 5)),
                weekdays=rng.choice([0b1111111, 0b0011111, 0b1100000, 0b1010101]),
                skip_if_done=True,
            )
            row.next_reminder_at, row.next_local_date = next_due(
                at=row.local_time, weekdays=row.weekdays, zone=user.zone, now=base
            )
            rows.append(row)
    ReminderSchedule.objects.bulk_create(rows, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE accounts_user, reminders_reminderschedule, reminders_reminder")
    print(
        f"created {USERS} people with {len(rows)} reminders in {time.perf_counter() - started:.1f}s"
    )
    if common.SETUP_ONLY:
        return "", common.Goals()

    # The clock: the moment when about TARGET_DUE people are due.
    instants = sorted(row.next_reminder_at for row in rows)
    now = instants[len(rows) // 10 - 1]
    due = ReminderSchedule.objects.due(now).count()

    queued: list[int] = []
    publish = services._enqueue

    def enqueue(ids: list[int]) -> None:
        queued.extend(ids)
        publish(ids)

    services._enqueue = enqueue
    queries = 0
    timings: list[tuple[float, str]] = []

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append((time.perf_counter() - started, sql[:60]))

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        if os.environ.get("BENCH_PROFILE"):
            import cProfile

            cProfile.runctx(
                "result = services.reminders_dispatch(now=now)",
                globals(),
                ns := locals(),
                sort="cumtime",
            )
            result = ns["result"]
        else:
            result = services.reminders_dispatch(now=now)
        dispatch_s = time.perf_counter() - started
    dispatch_queries = queries
    if os.environ.get("BENCH_VERBOSE"):
        for seconds, sql in timings:
            print(f"  {seconds * 1000:7.1f} ms  {sql}")

    # Idle ticks: the same minute again, and the next ones; nobody is due any more.
    idle_ms, again = [], 0
    for second in range(0, 300, 60):
        started = time.perf_counter()
        again += services.reminders_dispatch(now=now + dt.timedelta(seconds=second)).claimed
        idle_ms.append((time.perf_counter() - started) * 1000)

    rows_total = Reminder.objects.filter(user__email__endswith=EMAIL_DOMAIN).count()
    pairs = (
        Reminder.objects.filter(user__email__endswith=EMAIL_DOMAIN)
        .values("schedule_id", "local_date")
        .distinct()
        .count()
    )
    duplicates = (len(queued) - len(set(queued))) + again + (rows_total - pairs)
    if result.claimed != len(set(queued)):
        duplicates += abs(result.claimed - len(set(queued)))
    print(
        f"dispatch: claimed {result.claimed} of {due} due (missed {result.missed}), "
        f"{dispatch_queries} queries, {len(queued)} sends published; "
        f"idle ticks ms: {', '.join(f'{ms:.1f}' for ms in idle_ms)}"
    )
    goals = common.Goals()
    handled = result.claimed + result.missed  # missed: too late for the person's day
    goals.require(handled == due, f"claimed={result.claimed} + missed={result.missed} != due={due}")
    goals.require(duplicates == 0, f"duplicates={duplicates}")
    idle = statistics.median(idle_ms)
    if not common.SMALL:  # wall-clock goals at full size: small mode is a smoke test for CI
        goals.require(idle <= MAX_IDLE_TICK_MS, f"idle_tick_ms={idle:.1f} > {MAX_IDLE_TICK_MS}")
        rate = result.claimed / dispatch_s
        goals.require(rate >= MIN_CLAIMED_PER_S, f"claimed_per_s={rate:.0f} < {MIN_CLAIMED_PER_S}")
    line = (
        f"reminders: users={USERS} reminders={len(rows)} due={due} claimed={result.claimed} "
        f"queries={dispatch_queries} "
        f"dispatch_ms={dispatch_s * 1000:.0f} claimed_per_s={result.claimed / dispatch_s:.0f} "
        f"idle_tick_ms={idle:.1f} duplicates={duplicates}"
    )
    return line, goals


if __name__ == "__main__":
    main()
