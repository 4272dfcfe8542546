"""Dashboard and progress page cost for a short and a long history.

Creates two users on the configured database (DATABASE_URL): one with 7 days of daily
sessions and one with 3 years (1,100 days) of daily sessions with their steps and
check-ins. Requests the dashboard and the 365-day progress page for each many times,
and prints, last:

    dashboard: queries_7d=A queries_3y=B p50_ms_7d=C p50_ms_3y=D ratio=D/C

A and B are the queries of the costlier of the two pages (each page's count is printed
above); C and D are the median milliseconds of one visit to both pages. Goal: B == A <= 12
and ratio <= 2. The users and everything they own are deleted at the end.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_progress_bench python bench/dashboard.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The production settings with HTTPS redirects off, so the test client can talk plain HTTP.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", "No directory at")  # no collectstatic needed here

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from routines.models import Routine  # noqa: E402
from tracking.models import CheckIn, Session, StepRecord, local_today  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
WARMUP = 5
HOST = {"HTTP_HOST": "localhost"}


def make_user(days: int, tag: str) -> User:
    user = User.objects.create_user(
        email=f"bench-{tag}-{uuid.uuid4().hex[:8]}@example.com",
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


PAGES = {
    "dashboard": ("progress:dashboard", {}),
    "progress_365": ("progress:progress", {"range": "365"}),
}


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def count_queries(client: Client) -> dict[str, int]:
    queries = {}
    for name, (url_name, params) in PAGES.items():
        for _ in range(WARMUP):
            assert client.get(reverse(url_name), params, **HOST).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse(url_name), params, **HOST)
        queries[name] = len(captured)
    return queries


def visit(client: Client, per_page: dict[str, list[float]]) -> float:
    """One visit to both pages; milliseconds."""
    total = 0.0
    for name, (url_name, params) in PAGES.items():
        started = time.perf_counter()
        client.get(reverse(url_name), params, **HOST)
        elapsed = (time.perf_counter() - started) * 1000
        per_page[name].append(elapsed)
        total += elapsed
    return total


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    users = []
    try:
        short = make_user(7, "7d")
        users.append(short)
        long = make_user(3 * 365 + 5, "3y")
        users.append(long)
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
        q7, q3 = queries["7d"], queries["3y"]
        t7, t3 = visits["7d"], visits["3y"]
        p50_7, p50_3 = statistics.median(t7), statistics.median(t3)
        print(
            f"dashboard: queries_7d={max(q7.values())} queries_3y={max(q3.values())} "
            f"p50_ms_7d={p50_7:.1f} p50_ms_3y={p50_3:.1f} ratio={p50_3 / p50_7:.2f}"
        )
    finally:
        for user in users:
            user.delete()  # everything the user owns goes with it (on_delete=CASCADE)


if __name__ == "__main__":
    main()
