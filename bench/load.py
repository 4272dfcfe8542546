"""Load: signed-in people on gunicorn with the production settings, PostgreSQL, Redis and a
Celery worker; capacity at saturation against a bare Django view, and latency when paced.

    python bench/load.py               # about 4 minutes; `--help` for the knobs
    BENCH_SMALL=1 python bench/load.py # under a minute: 8 people, one short round (CI)

1. Its own PostgreSQL database and Redis db (bench/common.py: `bench_load_<pid>`, one of
   Redis dbs 8-15 that is empty), both dropped or emptied at the end; static files are
   collected into a temporary folder.
2. Seeds 50 people (8 in small mode) with 3 to 6 weeks of history each: sessions of the
   three routines on most days with pain before and after, their step records (a few
   skipped, feelings), check-ins, a red-flag screening (skipped), verified email addresses.
3. Starts gunicorn with the production settings (DEBUG off, a random SECRET_KEY, HTTPS
   redirect, Secure cookies, HSTS, JSON request logs) and a Celery worker (check-ins and pain
   ratings queue a flag evaluation: it runs, as in production). The client sends
   `X-Forwarded-Proto: https` as a TLS-terminating proxy would. gunicorn: gthread, 2 workers
   x 4 threads for this 2-core machine, no access log (as in production: the app logs one
   line per request); the worker: one process, no beat.
4. Logs everyone in through allauth's login form (CSRF token from the page), each from its
   own loopback address (allauth allows 30 logins a minute per address). Logins are slow by
   design (PBKDF2) and are not measured.
5. Saturation, closed loop: --connections (16) locust users, each sending its next request
   as soon as the last is answered (no think time), in alternating phases on the same
   gunicorn: the app mix (below), then the bare view, --rounds times (3; 2 in small mode).
   Each phase measures from --warm seconds after everyone joined to its end. Both kinds of
   phase use the same client, the same users and the same (absent) pacing, so they differ
   only in what the server does per request. Open routines are ended between phases.
6. Paced, for latency: --users people (50) with a think time after every request drawn
   uniformly from 0.5x to 1.5x --think (0.5 s), the app mix only.

The app mix: each person does, by weight, the dashboard (4), a whole routine (2: the start
page, the pain-before form, the player, its htmx controls to the end - mostly Done,
sometimes a pause and resume or a skip - the pain-after form and the summary), a check-in
(2: the page and an htmx save), the progress page and an htmx range switch (1). Every answer
is checked for its status and a marker of the page or fragment it should be; anything else
is an error. The bare view is a Django view with no middleware, no database and no template
(bench/loadtest/wsgi.py) in the same gunicorn processes.

Prints as its last line:

    load: sat_rps=A bare_rps=B ratio=A/B sat_p95_ms=P paced_p95_ms=Q cpu_ms_per_req=C errors=E

A and B: requests per second over all app-mix and all bare phases of step 5; P: the 95th
percentile of the app-mix requests there (at saturation this is mostly queueing: about
connections / throughput); Q: the 95th percentile of step 6; C: gunicorn's CPU milliseconds
(user + system, all its processes) per app-mix request at saturation - the figure that
moves least with other work on the machine; E: failed requests and exceptions in the users'
code in every phase, warm-up included. Above it: each phase, each request's count and
percentiles, and the CPU (in cores) of gunicorn, PostgreSQL, the worker and locust.

What the ratio means: both phases run on this machine with locust, which has one core at
most. The bare view costs gunicorn well under a millisecond, so in the bare phases locust
is usually the limit (its CPU is shown: near 1.0 cores means client-bound), and B says how
fast this client can ask rather than how fast the server can answer. The ratio is then an
upper bound on the app's share of the server's bare capacity; C is the direct measure.

Goal: ratio >= 0.20, paced_p95_ms <= 150 and errors 0; exits 1 when missed. In small mode
only errors 0 is checked: a few seconds on a shared CI machine say nothing about speed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import zoneinfo
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psutil  # comes with locust

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

ROOT = common.ROOT
PASSWORD = "load-test-pass-phrase"
EMAIL = "load{:02d}@bench.invalid"
ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"]
LOCUSTFILE = ROOT / "bench" / "loadtest" / "locustfile.py"
MIN_RATIO = 0.20
MAX_PACED_P95_MS = 150


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=common.size(50, 8), help="paced phase")
    parser.add_argument("--think", type=float, default=0.5, help="paced: mean think time, s")
    parser.add_argument("--connections", type=int, default=common.size(16, 8), help="closed loop")
    parser.add_argument("--rounds", type=int, default=common.size(3, 1))
    parser.add_argument("--app-seconds", type=int, default=common.size(20, 3))
    parser.add_argument("--bare-seconds", type=int, default=common.size(10, 2))
    parser.add_argument("--paced-seconds", type=int, default=common.size(60, 4))
    parser.add_argument("--warm", type=float, default=common.size(2, 1), help="s, not measured")
    parser.add_argument("--worker-class", default="gthread")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--keep-db", action="store_true", help="keep the database at the end")
    return parser.parse_args()


# --- Services ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Processes:
    """Children in their own process groups, so stopping one stops what it forked, and
    Ctrl-C in the terminal reaches only this script, which then stops them in order."""

    def __init__(self, env: dict[str, str], logs: Path):
        self.env = env
        self.logs = logs
        self.running: list[subprocess.Popen] = []
        self.named: dict[str, subprocess.Popen] = {}

    def start(self, name: str, args: list[str]) -> subprocess.Popen:
        with open(self.logs / f"{name}.log", "ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", *args],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.running.append(process)
        self.named[name] = process
        return process

    def stop(self, process: subprocess.Popen, timeout: float = 15) -> None:
        try:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            os.killpg(process.pid, signal.SIGKILL)  # anything it forked and left behind
        except ProcessLookupError:
            pass
        if process in self.running:
            self.running.remove(process)

    def stop_all(self) -> None:
        for process in reversed(self.running[:]):
            self.stop(process)


# --- Seeding -------------------------------------------------------------------------------


def seed(users: int) -> list[str]:
    """People with 3-6 weeks of history each; returns their emails."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from accounts.models import User
    from routines.models import Routine, RoutineStep
    from safety.models import ScreeningResponse
    from tracking.models import CheckIn, Session, StepRecord, build_plan, snapshot_steps

    rng = random.Random(2026)
    password = make_password(PASSWORD)  # hashed once: PBKDF2 per person would take a minute
    routines = []
    for routine in Routine.objects.order_by("position"):
        steps = list(
            RoutineStep.objects.filter(routine=routine).select_related("exercise").order_by("order")
        )
        plan = [part.as_json() for part in build_plan(steps)]
        seconds = sum(part["seconds"] for part in plan)
        routines.append((routine, steps, plan, snapshot_steps(steps), seconds))

    now = dt.datetime.now(dt.UTC)
    with transaction.atomic():
        people = User.objects.bulk_create(
            User(
                email=EMAIL.format(n),
                password=password,
                display_name=f"Person {n}",
                time_zone=ZONES[n % len(ZONES)],
                weekly_goal=rng.choice((3, 4, 5)),
            )
            for n in range(users)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=p, email=p.email, verified=True, primary=True) for p in people
        )
        sessions, records, checkins, screenings = [], [], [], []
        for person in people:
            zone = zoneinfo.ZoneInfo(person.time_zone)
            today = now.astimezone(zone).date()
            days = rng.randint(21, 42)
            pain = rng.uniform(4, 6.5)  # eases a little over the weeks, with noise
            start = today - dt.timedelta(days=days)
            screenings.append(
                ScreeningResponse(
                    user=person,
                    answered_at=dt.datetime.combine(start, dt.time(9), zone),
                    local_date=start,
                    reason=ScreeningResponse.Reason.SIGNUP,
                    skipped=True,
                )
            )
            for back in range(days, 0, -1):
                day = today - dt.timedelta(days=back)
                pain = max(1.0, pain - rng.uniform(-0.1, 0.15))
                if rng.random() < 0.7:
                    routine, steps, plan, content, seconds = rng.choice(routines)
                    started = dt.datetime.combine(
                        day, dt.time(rng.randint(7, 21), rng.randint(0, 59)), zone
                    )
                    finished = started + dt.timedelta(seconds=seconds + rng.randint(30, 240))
                    before = min(7, max(0, round(pain + rng.uniform(-1, 1))))
                    session = Session(
                        user=person,
                        routine=routine,
                        status=Session.Status.COMPLETED,
                        local_date=day,
                        started_at=started,
                        finished_at=finished,
                        last_activity_at=finished,
                        pain_before=before,
                        pain_after=max(0, before - rng.choice((0, 1, 1, 2, 2, 3))),
                        plan=plan,
                        content=content,
                        position=len(plan),
                        player_done=True,
                        revision=len(plan) + 1,
                    )
                    sessions.append(session)
                    for step in steps:
                        skipped = rng.random() < 0.07
                        records.append(
                            StepRecord(
                                session=session,
                                routine_step=step,
                                exercise_id=step.exercise_id,
                                order=step.order,
                                state=StepRecord.State.SKIPPED
                                if skipped
                                else StepRecord.State.DONE,
                                skip_reason=StepRecord.SkipReason.NOT_NOW if skipped else "",
                                feeling=""
                                if skipped
                                else rng.choice(("easier", "fine", "fine", "", "hurt")),
                                seconds_spent=0 if skipped else step.seconds,
                                recorded_at=finished,
                            )
                        )
                if rng.random() < 0.6:
                    checkins.append(
                        CheckIn(
                            user=person,
                            local_date=day,
                            pain=min(7, max(0, round(pain + rng.uniform(-1, 1)))),
                        )
                    )
        ScreeningResponse.objects.bulk_create(screenings)
        Session.objects.bulk_create(sessions, batch_size=500)
        StepRecord.objects.bulk_create(records, batch_size=2000)
        CheckIn.objects.bulk_create(checkins, batch_size=1000)
    print(
        f"seeded {len(people)} people: {len(sessions)} sessions, {len(records)} step records, "
        f"{len(checkins)} check-ins"
    )
    return [p.email for p in people]


# --- Logging in ----------------------------------------------------------------------------


CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def log_in(port: int, email: str, n: int) -> dict:
    """allauth's login form, as a browser behind a TLS proxy would post it."""
    conn = HTTPConnection("127.0.0.1", port, timeout=120, source_address=(f"127.0.1.{n + 1}", 0))
    try:
        conn.connect()
    except OSError:  # only 127.0.0.1 on this system (macOS): allauth may refuse some logins
        conn = HTTPConnection("127.0.0.1", port, timeout=120)
    origin = f"https://127.0.0.1:{port}"
    cookies: dict[str, str] = {}

    def request(method: str, path: str, body: str | None = None, **headers: str):
        headers = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https", **headers}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0":
                    cookies.pop(name, None)
                else:
                    cookies[name] = morsel.value
        return response.status, response.headers, content

    try:
        status, _, page = request("GET", "/accounts/login/")
        token = CSRF_FIELD.search(page)
        if status != 200 or not token:
            raise RuntimeError(f"{email}: the login page answered {status}")
        form = {"csrfmiddlewaretoken": token.group(1).decode(), "login": email}
        form["password"] = PASSWORD
        status, headers, _ = request(
            "POST",
            "/accounts/login/",
            urlencode(form),
            **{
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Referer": origin + "/accounts/login/",
            },
        )
        if status != 302 or "sessionid" not in cookies:
            raise RuntimeError(f"{email}: login answered {status}, {headers.get('Location')}")
        status, _, page = request("GET", "/dashboard/")
        if status != 200 or b'id="today-h"' not in page:
            raise RuntimeError(f"{email}: the dashboard after login answered {status}")
    finally:
        conn.close()
    return {"email": email, "cookies": cookies}


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited while starting; see its log")
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz in time")


# --- Locust --------------------------------------------------------------------------------


class Phase:
    """One locust run: a kind of user, how many, how paced, for how long."""

    def __init__(self, name: str, user_class: str, users: int, think: float, seconds: float):
        self.name, self.user_class, self.users = name, user_class, users
        self.think, self.seconds = think, seconds
        self.requests: list[tuple[str, float, bool]] = []
        self.window = 0.0
        self.failed_total = self.exceptions = 0
        self.served = 0  # every request of the run, warm-up included: what the CPU was spent on
        self.cpu: dict[str, float] = {}  # CPU seconds of each process while metered
        self.metered = 0.0  # seconds the CPU was metered over
        self.cpu_line = ""

    @property
    def rps(self) -> float:
        return len(self.requests) / self.window if self.window else 0.0


def run_phase(processes: Processes, phase: Phase, port: int, accounts: Path, work: Path, args):
    """Run one headless locust phase and read what it measured."""
    prefix = work / phase.name
    processes.env.update(
        LOAD_ACCOUNTS=str(accounts),
        LOAD_THINK=str(phase.think),
        LOAD_WARM=str(args.warm),
        LOAD_TALLY=f"{prefix}_tally.json",
    )
    meter = CpuMeter(processes.named["gunicorn"].pid, processes.named["celery"].pid)
    spawn_seconds = 1 if phase.think == 0 else 5  # people join over a few seconds
    process = processes.start(
        f"locust-{phase.name}",
        [
            "locust", "-f", str(LOCUSTFILE), phase.user_class, "--headless",
            "--users", str(phase.users), "--spawn-rate", str(phase.users / spawn_seconds),
            "--run-time", f"{spawn_seconds + args.warm + phase.seconds:.0f}s",
            "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary",
            "--exit-code-on-error", "0", "--loglevel", "WARNING",
        ],
    )  # fmt: skip
    started = used = cpu_seconds(process.pid)
    while process.poll() is None:
        used = cpu_seconds(process.pid)
        time.sleep(0.5)
    processes.stop(process)
    if process.returncode != 0:
        raise RuntimeError(f"locust exited with {process.returncode}; see its log in {work}")
    tally = json.loads(Path(f"{prefix}_tally.json").read_text())
    phase.requests = [tuple(r) for r in tally["requests"]]
    phase.window = (tally["end"] or 0) - (tally["start"] or 0)
    phase.failed_total, phase.served = tally["failed_total"], tally["total"]
    with open(f"{prefix}_failures.csv", newline="") as f:
        for row in csv.DictReader(f):
            print(f"  failure x{row['Occurrences']}: {row['Method']} {row['Name']}: {row['Error']}")
    with open(f"{prefix}_exceptions.csv", newline="") as f:
        for row in csv.DictReader(f):
            phase.exceptions += int(row["Count"])
            print(f"  exception x{row['Count']}: {row['Message']}")
    phase.cpu, phase.metered, phase.cpu_line = meter.report(used - started)
    print(
        f"{phase.name}: {len(phase.requests)} requests in {phase.window:.1f} s, "
        f"rps={phase.rps:.1f} p50={percentile(phase.requests, 50):.0f} "
        f"p95={percentile(phase.requests, 95):.0f} ms, {phase.failed_total} failed, "
        f"{phase.exceptions} exceptions\n  {phase.cpu_line}",
        flush=True,
    )


def percentile(requests: list[tuple[str, float, bool]], q: int) -> float:
    times = sorted(ms for _, ms, _ in requests)
    if not times:
        return 0.0
    return times[min(len(times) - 1, max(0, round(q / 100 * len(times)) - 1))]


def print_table(requests: list[tuple[str, float, bool]]) -> None:
    by_name: dict[str, list[tuple[str, float, bool]]] = {}
    for request in requests:
        by_name.setdefault(request[0], []).append(request)
    print(f"  {'request':<46} {'count':>6} {'fail':>5} {'p50':>5} {'p95':>5} {'p99':>5}  ms")
    for name, rows in sorted(by_name.items(), key=lambda item: -len(item[1])):
        failed = sum(1 for r in rows if r[2])
        p50, p95, p99 = (percentile(rows, q) for q in (50, 95, 99))
        print(f"  {name:<46} {len(rows):>6} {failed:>5} {p50:>5.0f} {p95:>5.0f} {p99:>5.0f}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children so far."""
    try:
        parent = psutil.Process(pid)
        total = sum(parent.cpu_times()[:2])
        for child in parent.children(recursive=True):
            total += sum(child.cpu_times()[:2])
        return total
    except psutil.Error:
        return 0.0


def postgres_cpu() -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend serving our database."""
    seconds = {}
    for process in psutil.process_iter(["cmdline", "cpu_times"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if cmdline.startswith("postgres:") and f" {DB_NAME[0]} " in cmdline:
            seconds[process.pid] = sum(process.info["cpu_times"][:2])
    return seconds


class CpuMeter:
    """CPU used over a phase by gunicorn, PostgreSQL (our database's backends), the Celery
    worker, locust, and the whole machine (other work on it included)."""

    def __init__(self, gunicorn: int, celery: int):
        self.pids = {"gunicorn": gunicorn, "celery": celery}
        self.started = time.monotonic()
        self.before = {name: cpu_seconds(pid) for name, pid in self.pids.items()}
        self.postgres = postgres_cpu()
        self.machine = psutil.cpu_times()

    def report(self, locust_seconds: float) -> tuple[dict[str, float], float, str]:
        """CPU seconds used by each, the seconds elapsed, and a line of cores in use."""
        elapsed = time.monotonic() - self.started
        used = {name: cpu_seconds(pid) - self.before[name] for name, pid in self.pids.items()}
        used["postgres"] = sum(
            seconds - self.postgres.get(pid, 0.0) for pid, seconds in postgres_cpu().items()
        )
        used["locust"] = locust_seconds
        machine = psutil.cpu_times()
        idle = machine.idle - self.machine.idle
        busy = sum(machine) - sum(self.machine) - idle
        parts = ", ".join(f"{name} {seconds / elapsed:.2f}" for name, seconds in used.items())
        line = f"cpu in cores: {parts}; machine {busy / elapsed:.2f} of {psutil.cpu_count()} busy"
        return used, elapsed, line


def end_open_routines(port: int, accounts: list[dict]) -> None:
    """End the routines a phase left open (people stopped mid-routine), through the start
    page's "End it" form as each person would, so the next phase can start new ones."""
    for account in accounts:
        cookies = account["cookies"]
        headers = {
            "Host": f"127.0.0.1:{port}",
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        }
        conn = HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.request("GET", "/start/desk-break/", headers=headers)
            response = conn.getresponse()
            page = response.read()
            if response.status != 200:
                raise RuntimeError(f"{account['email']}: the start page answered {response.status}")
            end = END_FORM.search(page)
            if not end:
                continue
            origin = f"https://127.0.0.1:{port}"
            form = {"csrfmiddlewaretoken": cookies["csrftoken"], "revision": end.group(2)}
            conn.request(
                "POST",
                end.group(1).decode(),
                body=urlencode(form),
                headers={
                    **headers,
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": origin,
                    "Referer": origin + "/start/desk-break/",
                },
            )
            response = conn.getresponse()
            response.read()
            if response.status not in (302, 409):  # 409: it ended meanwhile
                raise RuntimeError(f"{account['email']}: ending it answered {response.status}")
        finally:
            conn.close()


# The start page's "End it" form for the open routine: its action and revision.
END_FORM = re.compile(
    rb'action="(/sessions/\d+/play/end/)"[^>]*>\s*<input[^>]*>'
    rb'<input type="hidden" name="revision" value="(\d+)"'
)


def main() -> None:
    args = parse_args()
    if args.connections > args.users:
        sys.exit("--connections cannot exceed --users: each closed-loop user needs its account")
    goals = common.Goals()
    with common.OwnDatabase("load") as db, common.OwnRedis("load") as own_redis:
        db.keep = args.keep_db
        DB_NAME[0] = db.name
        line = run(args, goals, db, own_redis)
    if line:
        goals.finish(line)


DB_NAME = [""]  # our database's name, for finding its PostgreSQL backends


def run(args, goals: common.Goals, db: common.OwnDatabase, own_redis: common.OwnRedis) -> str:
    work = Path(tempfile.mkdtemp(prefix="backease-load-"))
    for name in (  # the production defaults, whatever this shell has set for development
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "PLAYER_TIME_SCALE",
        "SESSION_INACTIVITY_HOURS",
        "LOG_LEVEL",
        "REQUEST_LOG_LEVEL",
        "LOG_FORMAT",
        "CONN_MAX_AGE",
    ):
        os.environ.pop(name, None)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "backease.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": db.url,
            "REDIS_URL": own_redis.url,
            "EMAIL_URL": "",
            "EMAIL_FILE_PATH": str(work / "mail"),
            "STATIC_ROOT": str(work / "static"),
            # As behind one TLS proxy: its X-Forwarded-Proto is believed.
            "TRUSTED_PROXY_COUNT": "1",
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "PYTHONUNBUFFERED": "1",
        }
    )
    processes = Processes(dict(os.environ), work)
    finished = False
    try:
        import django
        from django.core.management import call_command
        from django.db import connections

        started = time.monotonic()
        django.setup()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        emails = seed(args.users)
        connections.close_all()
        print(f"database {db.name}, Redis db {own_redis.db}: ready in "
              f"{time.monotonic() - started:.0f} s")  # fmt: skip
        if common.SETUP_ONLY:
            finished = True
            return ""

        port = free_port()
        gunicorn = processes.start(
            "gunicorn",
            [
                "gunicorn", "bench.loadtest.wsgi:application", "--bind", f"127.0.0.1:{port}",
                "--worker-class", args.worker_class, "--workers", str(args.workers),
                "--threads", str(args.threads),
            ],
        )  # fmt: skip
        processes.start("celery", ["celery", "-A", "backease", "worker", "-c", "1", "-l", "INFO"])
        wait_until_up(port, gunicorn)

        started = time.monotonic()
        pool = ThreadPoolExecutor(max_workers=2 * args.workers * args.threads)
        try:
            accounts = list(pool.map(log_in, [port] * len(emails), emails, range(len(emails))))
        finally:
            pool.shutdown(cancel_futures=True)
        print(f"logged in {len(accounts)} people in {time.monotonic() - started:.0f} s")
        everyone = work / "accounts.json"
        everyone.write_text(json.dumps(accounts))
        closed_loop = work / "accounts-closed-loop.json"
        closed_loop.write_text(json.dumps(accounts[: args.connections]))

        print(
            f"config: gunicorn {args.worker_class} workers={args.workers} threads={args.threads}"
            f", celery worker -c 1; saturation: {args.connections} connections, no think time, "
            f"{args.rounds} x (app {args.app_seconds} s, bare {args.bare_seconds} s); paced: "
            f"{args.users} people, think {args.think} s (x0.5-1.5), {args.paced_seconds} s; "
            f"measuring from {args.warm} s after everyone joined; "
            f"load average before: {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        phases = []
        for n in range(1, args.rounds + 1):
            for kind, user_class, seconds in (
                ("app", "AppUser", args.app_seconds),
                ("bare", "BareUser", args.bare_seconds),
            ):
                phase = Phase(f"{kind}{n}", user_class, args.connections, 0, seconds)
                run_phase(processes, phase, port, closed_loop, work, args)
                phases.append(phase)
                if kind == "app":
                    end_open_routines(port, accounts[: args.connections])
        paced = Phase("paced", "AppUser", args.users, args.think, args.paced_seconds)
        run_phase(processes, paced, port, everyone, work, args)
        phases.append(paced)

        app = [p for p in phases if p.name.startswith("app")]
        bare = [p for p in phases if p.name.startswith("bare")]
        app_requests = [r for p in app for r in p.requests]
        sat_rps = len(app_requests) / sum(p.window for p in app)
        bare_rps = sum(len(p.requests) for p in bare) / sum(p.window for p in bare)
        ratio = sat_rps / bare_rps
        gunicorn_ms = 1000 * sum(p.cpu["gunicorn"] for p in app)
        cpu_ms = gunicorn_ms / len(app_requests)
        bare_cpu_ms = (
            1000 * sum(p.cpu["gunicorn"] for p in bare) / sum(len(p.requests) for p in bare)
        )
        errors = sum(p.failed_total + p.exceptions for p in phases)
        sat_p95, paced_p95 = percentile(app_requests, 95), percentile(paced.requests, 95)
        print("app mix at saturation, all rounds:")
        print_table(app_requests)
        print("paced:")
        print_table(paced.requests)
        print(
            f"gunicorn CPU per request: app mix {cpu_ms:.2f} ms, bare view {bare_cpu_ms:.2f} ms; "
            f"locust in the bare phases: "
            f"{statistics.mean(p.cpu['locust'] / p.metered for p in bare):.2f} cores"
        )
        goals.require(errors == 0, f"errors={errors}")
        if not common.SMALL:
            goals.require(ratio >= MIN_RATIO, f"ratio={ratio:.2f} < {MIN_RATIO}")
            goals.require(
                paced_p95 <= MAX_PACED_P95_MS, f"paced_p95_ms={paced_p95:.0f} > {MAX_PACED_P95_MS}"
            )
        finished = True
        return (
            f"load: sat_rps={sat_rps:.1f} bare_rps={bare_rps:.1f} ratio={ratio:.2f} "
            f"sat_p95_ms={sat_p95:.0f} paced_p95_ms={paced_p95:.0f} cpu_ms_per_req={cpu_ms:.2f} "
            f"errors={errors}"
        )
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not stop the cleanup
        processes.stop_all()
        if finished:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"stopped; the logs of gunicorn, the worker and locust are in {work}")


if __name__ == "__main__":
    main()
