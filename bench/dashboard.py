"""Dashboard and progress page cost for a short and a long history.

    python bench/dashboard.py             # about 30 s; BENCH_SMALL=1: 5 rounds, 90 days

Works in a PostgreSQL database of its own (bench/common.py), dropped at the end. Creates
two users: one with 7 days of daily sessions and one with 3 years (1,100 days; 90 in
small mode) of daily sessions with their steps and check-ins. Requests the dashboard and the
365-day progress page for each many times; every answer must be a 200 with its page's
marker. Prints, last:

    dashboard: queries_7d=A queries_3y=B p50_ms_7d=C p50_ms_3y=D ratio=D/C

A and B are the queries of the costlier of the two pages (each page's count is printed
above); C and D are the median milliseconds of one visit to both pages. Goal: B == A <= 12
and ratio <= 2 (the ratio at full size only); exits 1 when missed.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

import common

ROUNDS = common.size(40, 5)
LONG_DAYS = common.size(3 * 365 + 5, 90)
MAX_QUERIES = 12
MAX_RATIO = 2
WARMUP = 5
HOST = {"HTTP_HOST": "localhost"}


def make_user(days: int, tag: str):
    from accounts.models import User
    from routines.models import Routine
    from tracking.models import CheckIn, Session, StepRecord, local_today

    user = User.objects.create_user(
        email=f"bench-{tag}@bench.invalid",
        password=None,
        time_zone="Europe/Berlin",
    )
    routine = Routine.objects.get(slug="morning-mobility")
    steps = list(routine.steps.all())
    today = local_today(user)
    sessions = Session.objects.bulk_create(
        [
            Session(
                user=user,
                routine=routine,
                status=Session.Status.COMPLETED,
                local_date=today - dt.timedelta(days=n),
                pain_before=4 + n % 4,
                pain_after=2 + n % 3,
                player_done=True,
            )
            for n in range(days)
        ],
        batch_size=500,
    )
    StepRecord.objects.bulk_create(
        [
            StepRecord(
                session=session,
                routine_step=step,
                exercise_id=step.exercise_id,
                order=step.order,
                state=StepRecord.State.DONE,
                feeling=StepRecord.Feeling.EASIER if n % 5 else StepRecord.Feeling.HURT,
                seconds_spent=step.seconds,
            )
            for n, session in enumerate(sessions)
            for step in steps
        ],
        batch_size=1000,
    )
    CheckIn.objects.bulk_create(
        [
            CheckIn(user=user, local_date=today - dt.timedelta(days=n), pain=3 + n % 4)
            for n in range(days)
        ],
        batch_size=500,
    )
    return user


# Each page's URL name, query and a marker its answer must hold.
PAGES = {
    "dashboard": ("progress:dashboard", {}, b'id="today-h"'),
    "progress_365": ("progress:progress", {"range": "365"}, b'id="charts"'),
}


def get(client, name: str):
    """One request to a page, checked: a 200 with the page's marker, else the run fails."""
    from django.urls import reverse

    url_name, params, marker = PAGES[name]
    response = client.get(reverse(url_name), params, **HOST)
    if response.status_code != 200 or marker not in response.content:
        raise SystemExit(f"{name} answered {response.status_code} without {marker!r}")
    return response


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def count_queries(client) -> dict[str, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queries = {}
    for name in PAGES:
        for _ in range(WARMUP):
            get(client, name)
        with CaptureQueriesContext(connection) as captured:
            get(client, name)
        queries[name] = len(captured)
    return queries


def visit(client, per_page: dict[str, list[float]]) -> float:
    """One visit to both pages; milliseconds (the check of each answer included)."""
    total = 0.0
    for name in PAGES:
        started = time.perf_counter()
        get(client, name)
        elapsed = (time.perf_counter() - started) * 1000
        per_page[name].append(elapsed)
        total += elapsed
    return total


def main() -> None:
    goals = common.Goals()
    with common.OwnDatabase("dashboard"):
        common.django_setup()
        common.memory_broker()
        from django.db import connection

        from tracking.models import CheckIn, Session, StepRecord

        short = make_user(7, "7d")
        long = make_user(LONG_DAYS, "3y")
        if common.SETUP_ONLY:
            return
        print(
            f"3y user: {Session.objects.filter(user=long).count()} sessions, "
            f"{StepRecord.objects.filter(session__user=long).count()} steps, "
            f"{CheckIn.objects.filter(user=long).count()} check-ins "
            f"on {connection.vendor}"
        )
        clients = {"7d": client_for(short), "3y": client_for(long)}
        queries = {label: count_queries(client) for label, client in clients.items()}
        print(f"queries per request: {queries}")
        per_page = {label: {name: [] for name in PAGES} for label in clients}
        visits: dict[str, list[float]] = {label: [] for label in clients}
        for _ in range(ROUNDS):  # interleaved, so load on the machine hits both alike
            for label, client in clients.items():
                visits[label].append(visit(client, per_page[label]))
        for label in clients:
            print(
                f"{label} p50 ms per page: "
                + ", ".join(f"{n}={statistics.median(t):.1f}" for n, t in per_page[label].items())
            )
    q7, q3 = max(queries["7d"].values()), max(queries["3y"].values())
    p50_7, p50_3 = statistics.median(visits["7d"]), statistics.median(visits["3y"])
    ratio = p50_3 / p50_7
    goals.require(q3 == q7, f"queries_3y={q3} differs from queries_7d={q7}")
    goals.require(q3 <= MAX_QUERIES, f"queries={q3} > {MAX_QUERIES}")
    if not common.SMALL:  # a few rounds on a shared CI machine say nothing about speed
        goals.require(ratio <= MAX_RATIO, f"ratio={ratio:.2f} > {MAX_RATIO}")
    goals.finish(
        f"dashboard: queries_7d={q7} queries_3y={q3} "
        f"p50_ms_7d={p50_7:.1f} p50_ms_3y={p50_3:.1f} ratio={ratio:.2f}"
    )


if __name__ == "__main__":
    main()
